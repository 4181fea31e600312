// Rows <-> domain: how card states, decks, settings, flags and onboarding progress are laid out in
// IndexedDB (the rows start-up and the first screen read). The log's rows and quiz results, and
// how they convert to events, are in db/event-mappers.ts. Private to src/db.
import type { Card, Deck } from '../domain/deck/types';
import { emptyProgress, type LessonResult, type OnboardingProgress } from '../domain/onboarding/progress';
import { candidateOf, newRankOf, scheduleStateOf, type QueueCandidate } from '../domain/scheduler/queue';
import type { CardSchedule, SchedState } from '../domain/scheduler/types';
import { normalizeSettings, type Settings } from '../domain/settings/settings';
import {
  QUEUE,
  type AppFlagId,
  type AppFlagRow,
  type CardRow,
  type CardStateRow,
  type DeckRow,
  type OnboardingRow,
  type QueueNumber,
  type SettingsRow,
} from './schema';

export function queueOf(s: Pick<SchedState, 'state'>, suspended: boolean, retired: boolean): QueueNumber {
  if (suspended || retired) return QUEUE.off;
  switch (s.state) {
    case 'new':
      return QUEUE.new;
    case 'learning':
    case 'relearning':
      return QUEUE.learning;
    case 'review':
      return QUEUE.review;
  }
}

export function stateFromRow(r: CardStateRow): SchedState {
  // A state row is a stored schedule plus its queue index: the domain's mapping is the one.
  return scheduleStateOf(r);
}

/** The row for `s`, keeping the card's identity and flags from `meta`. */
export function stateToRow(
  s: SchedState,
  meta: Pick<CardStateRow, 'cardId' | 'deckId' | 'key' | 'newRank' | 'suspended' | 'retired'>,
): CardStateRow {
  return {
    cardId: meta.cardId,
    deckId: meta.deckId,
    key: meta.key,
    newRank: meta.newRank,
    suspended: meta.suspended,
    retired: meta.retired,
    queue: queueOf(s, meta.suspended, meta.retired),
    leech: s.leech,
    state: s.state,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
    lastDayKey: s.lastDayKey,
  };
}

/** The schedule of a card as features see it (the row without its queue index). */
export function scheduleFromRow(r: CardStateRow): CardSchedule {
  const { queue: _queue, ...schedule } = r;
  return schedule;
}

export function candidateFromRow(r: CardStateRow): QueueCandidate {
  return candidateOf(r);
}

export function deckToRow(d: Deck, version: number, syncedAt: number): DeckRow {
  return { id: d.id, hash: d.hash, version, syncedAt, title: d.title, languages: d.languages, sections: d.sections };
}

export function cardToRow(c: Card, retired: boolean, updatedAt: number): CardRow {
  return { id: c.id, deckId: c.deckId, retired: retired ? 1 : 0, content: c, updatedAt };
}

export function newRankOfCard(c: Card, sectionOrder: ReadonlyMap<string, number>): number {
  return newRankOf(sectionOrder.get(c.sectionId) ?? 999_999, c.order);
}

/** The stored settings as they are, unvalidated (settingsOfRow gives the ones in force). */
export function rawSettingsOfRow(r: SettingsRow | undefined): Partial<Settings> {
  if (!r) return {};
  const { id: _id, ...rest } = r;
  return rest;
}

/** The settings in force from the stored row (defaults for anything missing or out of range). */
export function settingsOfRow(r: SettingsRow | undefined): Settings {
  return normalizeSettings(rawSettingsOfRow(r));
}

export function settingsToRow(s: Settings): SettingsRow {
  return { id: 'settings', ...s };
}

// ---- App flags

export function flagToRow(id: AppFlagId, value: boolean, updatedAt: number): AppFlagRow {
  return { id, value, updatedAt };
}

export function flagFromRow(r: AppFlagRow | undefined): boolean {
  return r?.value === true;
}

// ---- Onboarding progress

/** The progress fields a row may hold (rows from v2 on hold them all; older backups may not). */
interface OnboardingProgressRow extends OnboardingRow {
  cardIndex: number;
  results: Record<string, LessonResult>;
  unlockAll: boolean;
  startedAt: number | null;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function lessonResultFromRow(lessonId: string, x: unknown): LessonResult | null {
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
      const r = lessonResultFromRow(id, value);
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
