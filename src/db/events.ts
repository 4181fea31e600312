// The event store: this device's id and event counter, appending events, reading them all, and
// the caches a replay of them rebuilds (card suspension, the settings row, onboarding progress).
// Every function here runs inside the caller's read-write transaction, so an event and the cache
// it changes are written together or not at all.
import { foldEvents, type LearnerState } from '../domain/events/fold';
import type { LearnerEvent } from '../domain/events/types';
import { flagToRow, settingsToRow, unlockAllFlag, WELCOME_FLAG } from './mappers';
import { stateFromRow, stateToRow } from './write-mappers';
import { quizEventOf, ratingEventOf } from './event-mappers';
import type { CardStateRow, EventRow, KujiraDB, OnboardingRow } from './schema';
import { normalizeSettings } from '../domain/settings/settings';

/** Every event stored here (read inside one transaction for a consistent set). */
export async function readAllEvents(db: KujiraDB): Promise<LearnerEvent[]> {
  const [live, voided, others, quiz] = await Promise.all([
    db.reviewLog.toArray(),
    db.voidedRatings.toArray(),
    db.events.toArray(),
    db.quizResults.toArray(),
  ]);
  return [...live.map(ratingEventOf), ...voided.map(ratingEventOf), ...(others as LearnerEvent[]), ...quiz.map(quizEventOf)];
}

/** The event stored under `id` (any kind), for the import's comparison. */
export async function storedEvent(db: KujiraDB, id: string): Promise<LearnerEvent | undefined> {
  const [live, voided, other, quiz] = await Promise.all([db.reviewLog.get(id), db.voidedRatings.get(id), db.events.get(id), db.quizResults.get(id)]);
  if (live) return ratingEventOf(live);
  if (voided) return ratingEventOf(voided);
  if (other) return other as LearnerEvent;
  if (quiz) return quizEventOf(quiz);
  return undefined;
}

/** Ids voided here. */
export async function voidedTargets(db: KujiraDB): Promise<Set<string>> {
  return new Set(await db.events.where('type').equals('void').toArray().then((rows) => rows.map((r) => (r as { target: string }).target)));
}

/**
 * Rebuild the caches that the non-rating events determine: every card's suspension, the settings
 * row, and each deck's completed lessons, results and unlock-all (the resume point and start
 * time stay: they are this device's place in the path, not the learner's record). Reads the
 * events table (small: a few rows per card suspended and per lesson) in the caller's transaction.
 * Returns the state folded from those events.
 */
export async function rebuildEventCaches(db: KujiraDB): Promise<LearnerState> {
  const events = (await db.events.toArray()) as EventRow[];
  const state = foldEvents(events.filter((e) => e.type !== 'void'));
  // Suspension: cards with an event take its last writer's value; the others are not suspended.
  const rows = await db.cardStates.toArray();
  const puts: CardStateRow[] = [];
  for (const row of rows) {
    const suspended = state.suspended.get(row.cardId) ?? false;
    if (row.suspended !== suspended) puts.push(stateToRow(stateFromRow(row), { ...row, suspended }));
  }
  if (puts.length > 0) await db.cardStates.bulkPut(puts);
  // Settings: the defaults under the last writer of each field.
  if (Object.keys(state.settings).length > 0) {
    const next = settingsToRow(normalizeSettings(state.settings));
    const before = await db.settings.get('settings');
    if (JSON.stringify(before) !== JSON.stringify(next)) await db.settings.put(next);
  }
  // Onboarding: completed lessons (in order of their first pass), results, unlock-all, welcome.
  const stored = new Map((await db.onboarding.toArray()).map((r) => [r.deckId, r]));
  const decks = new Set([...state.lessons.keys(), ...[...state.flags.keys()].filter((k) => k.startsWith('unlock-all:')).map((k) => k.slice('unlock-all:'.length))]);
  const onboardingPuts: OnboardingRow[] = [];
  for (const deckId of decks) {
    const lessons = [...(state.lessons.get(deckId)?.values() ?? [])].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const before = stored.get(deckId);
    const results: NonNullable<OnboardingRow['results']> = {};
    for (const l of lessons) {
      if (l.result) results[l.lessonId] = { lessonId: l.lessonId, ...l.result, completedAt: l.at };
    }
    const firstPass = lessons.length > 0 ? lessons[0]!.at : null;
    const next: OnboardingRow = {
      deckId,
      completed: lessons.map((l) => l.lessonId),
      currentLessonId: before?.currentLessonId ?? null,
      updatedAt: Math.max(before?.updatedAt ?? 0, ...lessons.map((l) => l.at)),
      cardIndex: before?.cardIndex ?? 0,
      results,
      unlockAll: state.flags.get(unlockAllFlag(deckId)) ?? false,
      startedAt: before?.startedAt ?? (firstPass !== null && firstPass > 0 ? firstPass : null),
    };
    if (JSON.stringify(before) !== JSON.stringify(next)) onboardingPuts.push(next);
  }
  if (onboardingPuts.length > 0) await db.onboarding.bulkPut(onboardingPuts);
  const welcome = state.flags.get(WELCOME_FLAG);
  if (welcome !== undefined && (await db.appFlags.get('welcomeSeen'))?.value !== welcome) {
    await db.appFlags.put(flagToRow('welcomeSeen', welcome, 0));
  }
  return state;
}
