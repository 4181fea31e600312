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
// Row layout: OnboardingRow (schema.ts) holds deckId, completed, currentLessonId and updatedAt;
// the rest of the progress (cardIndex, results, unlockAll, startedAt) is stored in the same row as
// extra fields (OnboardingProgressRow below), read defensively. The welcome flag lives in a row of
// its own under WELCOME_ROW_ID, which is not a deck id.
import { emptyProgress, type LessonResult, type OnboardingProgress } from '../domain/onboarding/progress';
import type { CardGrade } from '../domain/onboarding/check';
import { CardNotFoundError, withStorage } from './errors';
import { rateCard } from './reviews';
import { ONBOARDING_APP_ROW_ID, type KujiraDB, type OnboardingRow } from './schema';
import { getSettings } from './settings';

/** The key of the row holding app-wide onboarding state (the welcome flag). */
export const WELCOME_ROW_ID = ONBOARDING_APP_ROW_ID;

export interface OnboardingProgressRow extends OnboardingRow {
  cardIndex: number;
  results: Record<string, LessonResult>;
  unlockAll: boolean;
  startedAt: number | null;
}

interface WelcomeRow extends OnboardingRow {
  welcomeSeen: boolean;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function resultFromRow(lessonId: string, x: unknown): LessonResult | null {
  if (!x || typeof x !== 'object') return null;
  const r = x as Partial<LessonResult>;
  if (!isNumber(r.score) || !isNumber(r.total) || !isNumber(r.completedAt)) return null;
  return {
    lessonId,
    score: r.score,
    total: r.total,
    durationMs: isNumber(r.durationMs) ? r.durationMs : 0,
    completedAt: r.completedAt,
    attempts: isNumber(r.attempts) ? r.attempts : 1,
  };
}

/** A stored row (possibly from an older build or a backup holding only OnboardingRow) as progress. */
export function progressFromRow(deckId: string, row: OnboardingRow | undefined): OnboardingProgress {
  if (!row) return emptyProgress(deckId);
  const extra = row as Partial<OnboardingProgressRow>;
  const results: Record<string, LessonResult> = {};
  if (extra.results && typeof extra.results === 'object') {
    for (const [id, value] of Object.entries(extra.results)) {
      const r = resultFromRow(id, value);
      if (r) results[id] = r;
    }
  }
  return {
    deckId,
    completed: Array.isArray(row.completed) ? row.completed.filter((x): x is string => typeof x === 'string') : [],
    results,
    currentLessonId: typeof row.currentLessonId === 'string' ? row.currentLessonId : null,
    cardIndex: isNumber(extra.cardIndex) ? Math.max(0, Math.floor(extra.cardIndex)) : 0,
    unlockAll: extra.unlockAll === true,
    startedAt: isNumber(extra.startedAt) ? extra.startedAt : null,
    updatedAt: isNumber(row.updatedAt) ? row.updatedAt : 0,
  };
}

export function progressToRow(p: OnboardingProgress): OnboardingProgressRow {
  return {
    deckId: p.deckId,
    completed: [...p.completed],
    currentLessonId: p.currentLessonId,
    updatedAt: p.updatedAt,
    cardIndex: p.cardIndex,
    results: { ...p.results },
    unlockAll: p.unlockAll,
    startedAt: p.startedAt,
  };
}

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
  return updateProgress(db, deckId, now, (p) => ({ ...p, unlockAll }));
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
    db.transaction('rw', [db.onboarding, db.cardStates, db.reviewLog, db.settings], async () => {
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
  return withStorage(db, async () => (await db.onboarding.get(WELCOME_ROW_ID) as WelcomeRow | undefined)?.welcomeSeen === true);
}

/** Mark the welcome as seen, or (false: "show the welcome again" in settings) reset it. */
export function setWelcomeSeen(db: KujiraDB, seen: boolean, now: number): Promise<void> {
  const row: WelcomeRow = { deckId: WELCOME_ROW_ID, completed: [], currentLessonId: null, updatedAt: now, welcomeSeen: seen };
  return withStorage(db, async () => {
    await db.onboarding.put(row);
  });
}
