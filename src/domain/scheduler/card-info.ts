// What the app shows about one card's memory: recall probability now, days since its last review,
// and the card info dialog's figures with its history.
import { default_w, forgetting_curve } from 'ts-fsrs';
import { dayDiff } from './day';
import { compareEntries } from './scheduler';
import type { CardStateKind, SchedState, SchedulerParams } from './types';

const DAY_MS = 86_400_000;

/** Probability of recall at `now` (null for a card never reviewed). */
export function retrievability(s: SchedState, now: number, params: Pick<SchedulerParams, 'weights'> = {}): number | null {
  if (s.state === 'new' || s.lastReview === null || s.stability <= 0) return null;
  const elapsed = Math.max(0, (now - s.lastReview) / DAY_MS);
  return forgetting_curve(params.weights ?? default_w, elapsed, s.stability);
}

export interface CardInfo<E> {
  state: CardStateKind;
  stability: number | null;
  difficulty: number | null;
  retrievability: number | null;
  due: number | null;
  reps: number;
  lapses: number;
  leech: boolean;
  lastReview: number | null;
  /** Oldest first. */
  history: E[];
}

/** What the card info dialog shows. */
export function cardInfo<E extends { reviewedAt: number; id?: string }>(
  s: SchedState,
  history: readonly E[],
  now: number,
  params: Pick<SchedulerParams, 'weights'> = {},
): CardInfo<E> {
  const isNew = s.state === 'new';
  return {
    state: s.state,
    stability: isNew ? null : s.stability,
    difficulty: isNew ? null : s.difficulty,
    retrievability: retrievability(s, now, params),
    due: isNew ? null : s.due,
    reps: s.reps,
    lapses: s.lapses,
    leech: s.leech,
    lastReview: s.lastReview,
    history: [...history].sort(compareEntries),
  };
}

/** Local study days since the card was last reviewed (null if never). */
export function daysSinceReview(s: SchedState, todayKey: string): number | null {
  return s.lastDayKey === null ? null : dayDiff(s.lastDayKey, todayKey);
}
