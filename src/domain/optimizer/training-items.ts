// The review log as the optimizer reads it: each card's live ratings as (rating, study days since
// the previous review) steps, and the training items fsrs-rs takes (every prefix of a card's
// history whose last review came on a later study day; the last review is the label). Pure: no
// wasm here, so the conversion is tested in Node (the wasm boundary is src/features/optimizer/fsrs-wasm.ts).
import { dayDiff } from '../scheduler/day';
import { compareEntries } from '../scheduler/scheduler';
import type { Grade } from '../scheduler/types';

/** What the optimizer reads of a rating event (src/domain/events RatingEvent has these fields). */
export interface RatingFacts {
  id: string;
  cardId: string;
  deckId: string;
  rating: Grade;
  reviewedAt: number;
  /** Study day of the review under the zone and day start in force then (YYYY-MM-DD). */
  dayKey: string;
  durationMs: number;
}

/** One review of a card's history: its rating and the study days since the previous review. */
export interface ReviewStep {
  rating: Grade;
  /** 0 for the first review and for a review on the same study day as the previous one. */
  days: number;
  /** Answer time (for the simulator's seconds per review). */
  durationMs: number;
}

export interface CardHistory {
  cardId: string;
  deckId: string;
  steps: ReviewStep[];
}

export interface HistoryOptions {
  /** Ids of voided ratings (undone): left out. */
  voided?: ReadonlySet<string>;
  /** Cards left out (suspended ones, as Anki's optimizer leaves out `is:suspended`). */
  excludeCards?: ReadonlySet<string>;
}

/**
 * Each card's history in review order. Days are counted between the study days recorded with
 * each review (each under its own zone and day start), so a learner who moved or changed the day
 * start keeps the days they lived; a move west that makes a later review's day earlier counts 0.
 */
export function cardHistories(ratings: Iterable<RatingFacts>, options: HistoryOptions = {}): CardHistory[] {
  const byCard = new Map<string, RatingFacts[]>();
  for (const r of ratings) {
    if (options.voided?.has(r.id) || options.excludeCards?.has(r.cardId)) continue;
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  const out: CardHistory[] = [];
  for (const [cardId, list] of [...byCard].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort(compareEntries);
    const steps: ReviewStep[] = list.map((r, i) => ({
      rating: r.rating,
      days: i === 0 ? 0 : Math.max(0, dayDiff(list[i - 1]!.dayKey, r.dayKey)),
      durationMs: r.durationMs,
    }));
    out.push({ cardId, deckId: list[0]!.deckId, steps });
  }
  return out;
}

/** fsrs-rs's training input, flattened: item i is `lengths[i]` consecutive (rating, delta_t) pairs. */
export interface TrainingSet {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
  /** Items (= lengths.length): reviews on a later day than the card's previous one, with their history. */
  items: number;
  /** Reviews in the histories (every rating, same-day ones included). */
  reviews: number;
  cards: number;
}

/**
 * The training items of some histories. fsrs-rs trains only on items whose last review came on a
 * later study day (it drops the others itself), so they are left out here already: less to copy
 * into the worker, and `items` is the count that decides whether fitting is worth it.
 */
export function trainingSet(histories: readonly CardHistory[]): TrainingSet {
  let items = 0;
  let pairs = 0;
  let reviews = 0;
  for (const h of histories) {
    reviews += h.steps.length;
    for (let k = 1; k < h.steps.length; k++) {
      if (h.steps[k]!.days > 0) {
        items++;
        pairs += k + 1;
      }
    }
  }
  const ratings = new Uint32Array(pairs);
  const deltaTs = new Uint32Array(pairs);
  const lengths = new Uint32Array(items);
  let p = 0;
  let i = 0;
  for (const h of histories) {
    for (let k = 1; k < h.steps.length; k++) {
      if (h.steps[k]!.days <= 0) continue;
      for (let j = 0; j <= k; j++) {
        ratings[p] = h.steps[j]!.rating;
        deltaTs[p] = h.steps[j]!.days;
        p++;
      }
      lengths[i++] = k + 1;
    }
  }
  return { ratings, deltaTs, lengths, items, reviews, cards: histories.length };
}

/**
 * fsrs-rs keeps its default parameters below 8 items and fits only the four initial stabilities
 * below 64: Kujira offers fitting from 64, where every parameter can move.
 */
export const MIN_TRAINING_ITEMS = 64;
