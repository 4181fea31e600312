// Today's review queue, as a pure function of candidate cards and what was done today.
// The database layer fetches the candidates with index range queries and hands them here.
import type { CardSchedule, CardStateKind } from './types';

export interface QueueCandidate {
  cardId: string;
  deckId: string;
  /** The command/option/fact key: two cards with the same deck and key are siblings. */
  key: string;
  state: CardStateKind;
  /** Epoch ms (ignored for new cards). */
  due: number;
  /** Deck order of a new card: section order, then card order. */
  newRank: number;
  suspended: boolean;
  retired: boolean;
}

export interface QueueLimits {
  newPerDay: number;
  maxReviewsPerDay: number;
}

export const DEFAULT_LIMITS: Readonly<QueueLimits> = Object.freeze({ newPerDay: 20, maxReviewsPerDay: 200 });

/**
 * Anki's "learn ahead limit": learning cards due within 20 minutes count as today's work and are
 * shown early once nothing else is left, so a lesson's freshly introduced cards appear in today's
 * review at once and a session is not left waiting for a step of a few minutes.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface DoneToday {
  /** New cards first rated today. */
  newIntroduced: number;
  /** Ratings of cards that were in review state (they count against the review limit). */
  reviewsDone: number;
  /** siblingKey(deckId, key) of the cards first rated today. */
  introducedKeys: Iterable<string>;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface TodayQueue {
  /** Learning cards due now, then due reviews, then new cards: the order to show them in. */
  items: QueueCandidate[];
  counts: QueueCounts;
  /** When the next learning card beyond the learn-ahead window becomes due today (null if none). */
  nextLearningDue: number | null;
}

/** A stored card schedule as a queue candidate. */
export function candidateOf(s: CardSchedule): QueueCandidate {
  return { cardId: s.cardId, deckId: s.deckId, key: s.key, state: s.state, due: s.due, newRank: s.newRank, suspended: s.suspended, retired: s.retired };
}

export function siblingKey(deckId: string, key: string): string {
  return `${deckId}\u0000${key}`;
}

const byDue = (a: QueueCandidate, b: QueueCandidate) => a.due - b.due || (a.cardId < b.cardId ? -1 : 1);
const byDeckOrder = (a: QueueCandidate, b: QueueCandidate) =>
  a.deckId === b.deckId ? a.newRank - b.newRank : a.deckId < b.deckId ? -1 : 1;

/**
 * Learning and relearning cards due by `now` (and, last, those due within the learn-ahead
 * window); reviews due before the end of the study day, up to
 * the review limit minus reviews done today; new cards in deck order up to the new limit minus
 * those introduced today, never two siblings (both directions of a command) on one day.
 * Suspended and retired cards never.
 */
export function buildTodayQueue(
  candidates: readonly QueueCandidate[],
  opts: { now: number; endOfDay: number; limits: QueueLimits; done: DoneToday },
): TodayQueue {
  const live = candidates.filter((c) => !c.suspended && !c.retired);
  const learningAll = live.filter((c) => c.state === 'learning' || c.state === 'relearning').sort(byDue);
  const learning = learningAll.filter((c) => c.due <= opts.now);
  const aheadUntil = Math.min(opts.now + LEARN_AHEAD_MS, opts.endOfDay);
  const ahead = learningAll.filter((c) => c.due > opts.now && c.due < aheadUntil);
  const later = learningAll.find((c) => c.due >= aheadUntil && c.due < opts.endOfDay);

  const reviewRoom = Math.max(0, opts.limits.maxReviewsPerDay - opts.done.reviewsDone);
  const reviews = live
    .filter((c) => c.state === 'review' && c.due < opts.endOfDay)
    .sort(byDue)
    .slice(0, reviewRoom);

  let newRoom = Math.max(0, opts.limits.newPerDay - opts.done.newIntroduced);
  const taken = new Set(opts.done.introducedKeys);
  const fresh: QueueCandidate[] = [];
  for (const c of live.filter((x) => x.state === 'new').sort(byDeckOrder)) {
    if (newRoom <= 0) break;
    const sk = siblingKey(c.deckId, c.key);
    if (taken.has(sk)) continue;
    taken.add(sk);
    fresh.push(c);
    newRoom -= 1;
  }

  return {
    items: [...learning, ...reviews, ...fresh, ...ahead],
    counts: { new: fresh.length, learning: learning.length + ahead.length, review: reviews.length },
    nextLearningDue: later ? later.due : null,
  };
}
