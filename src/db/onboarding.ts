// Onboarding progress per deck (the `onboarding` table) and the welcome flag, and completing a
// lesson: the lesson's result and its cards' first ratings are written in ONE transaction.
//
// How a passed lesson "hands its cards to the daily review": every card of the lesson that is
// still new gets its first rating, exactly as a rating in the daily review is written (rateCard:
// a review log entry plus the new state). A card whose command/option/fact was answered wrongly
// in the check is rated Again (both directions), every other card Good (asked or only read).
// With the default learning steps (1m, 10m) the cards become learning cards due 1 to 10 minutes
// later, inside the queue's 20-minute learn-ahead window (LEARN_AHEAD_MS), so today's queue counts
// and shows them at once, after whatever is due now. These first ratings count as today's new cards (the
// newPerDay limit), as if they had been introduced in the review. Cards no longer new (already
// met in the review) keep their schedule.
//
// Events: a passed lesson is a lesson event (its first pass is its result); "unlock all" and the
// welcome flag are flag events. The onboarding rows and the app flag are their cache (rebuilt by
// src/db/events.ts) plus this device's resume point and start time, which are not replicated.
//
// Row layout: see progressFromRow/progressToRow in onboarding-mappers.ts. The welcome flag is an app flag
// (the appFlags table, schema version 3), not an onboarding row.
import type { LessonResult, OnboardingProgress } from '../domain/onboarding/progress';
import type { CardGrade } from '../domain/onboarding/check';
import { getDb } from './database';
import { CardNotFoundError, withStorage } from './errors';
import { flagFromRow, flagToRow, unlockAllFlag, WELCOME_FLAG } from './mappers';
import { progressFromRow, progressToRow } from './onboarding-mappers';
import { rateCard } from './reviews';
import type { KujiraDB } from './schema';
import { getSettings } from './settings';
import { appendEvent } from './stamp';

export function getOnboardingProgress(db: KujiraDB, deckId: string): Promise<OnboardingProgress> {
  return withStorage(db, async () => progressFromRow(deckId, await db.onboarding.get(deckId)));
}

function updateProgress(
  db: KujiraDB,
  deckId: string,
  now: number,
  change: (p: OnboardingProgress) => OnboardingProgress,
): Promise<OnboardingProgress> {
  return withStorage(db, () =>
    db.transaction('rw', db.onboarding, async () => {
      const before = progressFromRow(deckId, await db.onboarding.get(deckId));
      const next = { ...change(before), deckId, updatedAt: now };
      await db.onboarding.put(progressToRow(next));
      return next;
    }),
  );
}

/** Remember where the learner is (lesson and card on screen): the path resumes there after a reload. */
export function saveResumePoint(db: KujiraDB, deckId: string, lessonId: string, cardIndex: number, now: number): Promise<OnboardingProgress> {
  return updateProgress(db, deckId, now, (p) => ({
    ...p,
    currentLessonId: lessonId,
    cardIndex: Math.max(0, Math.floor(cardIndex)),
    startedAt: p.startedAt ?? now,
  }));
}

/** "Unlock all lessons" (for experienced members): any lesson may be taken in any order. */
export function setUnlockAll(db: KujiraDB, deckId: string, unlockAll: boolean, now: number): Promise<OnboardingProgress> {
  return withStorage(db, () =>
    db.transaction('rw', [db.onboarding, db.events, db.meta], async () => {
      await appendEvent(db, now, { type: 'flag', key: unlockAllFlag(deckId), value: unlockAll });
      return updateProgress(db, deckId, now, (p) => ({ ...p, unlockAll }));
    }),
  );
}

/** What the lesson screen hands over when a check is passed. */
export interface LessonCompletion {
  score: number;
  total: number;
  durationMs: number;
  attempts: number;
  /** The first rating of each card of the lesson (see introductionGrades). */
  grades: readonly CardGrade[];
  /** Where the path resumes afterwards (null after the last lesson). */
  nextLessonId: string | null;
}

export interface CompleteLessonResult {
  progress: OnboardingProgress;
  /** Cards rated for the first time, now in the daily review. */
  introduced: number;
}

/**
 * Complete a lesson: record its result and give every still-new card of the lesson its first
 * rating, in ONE read-write transaction (nothing is written if any write fails). A lesson
 * completed before keeps its first result (the one the completion page shows).
 */
export function completeLesson(
  db: KujiraDB,
  deckId: string,
  lessonId: string,
  completion: LessonCompletion,
  now: number,
): Promise<CompleteLessonResult> {
  return withStorage(db, () =>
    db.transaction('rw', [db.onboarding, db.cardStates, db.reviewLog, db.settings, db.events, db.meta], async () => {
      const settings = await getSettings(db);
      let introduced = 0;
      for (const { cardId, grade, durationMs } of completion.grades) {
        const row = await db.cardStates.get(cardId);
        if (!row) throw new CardNotFoundError(cardId);
        if (row.state !== 'new') continue;
        // Runs inside this transaction (same tables, same mode): Dexie makes it a sub-transaction.
        await rateCard(db, cardId, grade, now, durationMs, { settings });
        introduced += 1;
      }
      const before = progressFromRow(deckId, await db.onboarding.get(deckId));
      const already = before.completed.includes(lessonId);
      const result: LessonResult = {
        lessonId,
        score: completion.score,
        total: completion.total,
        durationMs: Math.max(0, Math.round(completion.durationMs)),
        completedAt: now,
        attempts: Math.max(1, completion.attempts),
      };
      if (!already) {
        const { score, total, durationMs, attempts } = result;
        await appendEvent(db, now, { type: 'lesson', deckId, lessonId, result: { score, total, durationMs, attempts } });
      }
      const next: OnboardingProgress = {
        ...before,
        completed: already ? before.completed : [...before.completed, lessonId],
        results: already && before.results[lessonId] ? before.results : { ...before.results, [lessonId]: result },
        currentLessonId: completion.nextLessonId,
        cardIndex: 0,
        startedAt: before.startedAt ?? now,
        updatedAt: now,
      };
      await db.onboarding.put(progressToRow(next));
      return { progress: next, introduced };
    }),
  );
}

/** Whether the welcome screens were seen (or skipped). */
export function getWelcomeSeen(db: KujiraDB): Promise<boolean> {
  return withStorage(db, async () => flagFromRow(await db.appFlags.get('welcomeSeen')));
}

/** Mark the welcome as seen, or (false: "show the welcome again" in settings) reset it. */
export function setWelcomeSeen(db: KujiraDB, seen: boolean, now: number): Promise<void> {
  return withStorage(db, () =>
    db.transaction('rw', [db.appFlags, db.events, db.meta], async () => {
      await appendEvent(db, now, { type: 'flag', key: WELCOME_FLAG, value: seen });
      await db.appFlags.put(flagToRow('welcomeSeen', seen, now));
    }),
  );
}

/** The onboarding repository over the app's database: what features call. */
export const onboardingRepository = {
  progress: (deckId: string): Promise<OnboardingProgress> => getOnboardingProgress(getDb(), deckId),
  saveResumePoint: (deckId: string, lessonId: string, cardIndex: number, now: number): Promise<OnboardingProgress> =>
    saveResumePoint(getDb(), deckId, lessonId, cardIndex, now),
  setUnlockAll: (deckId: string, unlockAll: boolean, now: number): Promise<OnboardingProgress> => setUnlockAll(getDb(), deckId, unlockAll, now),
  completeLesson: (deckId: string, lessonId: string, completion: LessonCompletion, now: number): Promise<CompleteLessonResult> =>
    completeLesson(getDb(), deckId, lessonId, completion, now),
  setWelcomeSeen: (seen: boolean, now: number): Promise<void> => setWelcomeSeen(getDb(), seen, now),
};
