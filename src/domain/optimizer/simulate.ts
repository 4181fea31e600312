// The desired-retention helper's simulator: the next N days (365) of reviews for one desired
// retention, from the learner's cards (memory states and due days), their FSRS weights, their
// measured seconds per review and their habits (how they rate). The retention that costs the
// fewest minutes per card remembered at the end is the one to suggest.
//
// Model (kept small; every choice is Anki's simulator's unless said):
//  - each card is simulated on its own (no daily review cap: the workload a retention asks for);
//  - a due review is remembered with the FSRS recall probability at that day; remembered reviews
//    are rated Hard/Good/Easy in the learner's own proportions; a lapse is Again followed by one
//    Good on the same day (Kujira's one relearning step);
//  - new cards are introduced at the daily limit while any are left; a new card's first day is its
//    first rating followed by Goods through the learning steps (1m, 10m) as the scheduler does;
//  - the next interval is where recall falls to the desired retention, rounded, 1 day to the
//    maximum interval (no fuzz, no load balancing);
//  - "remembered" at the end is the sum of every seen card's recall probability on the last day.
// Seeded: the same seed gives the same figures, and every retention sees the same random draws.
import { memoryModel, type MemoryModel, type MemoryState } from '../scheduler/memory-model';
import { MAX_RETENTION, MIN_RETENTION } from '../scheduler/params';
import { mulberry32, type Rng } from '../quiz/random';
import { dayDiff, dayKey as toDayKey } from '../scheduler/day';
import type { CardSchedule, DayBoundary, Grade } from '../scheduler/types';
import type { CardHistory } from './training-items';

/** A card already studied, as the simulator starts it. */
export interface SimCard {
  stability: number;
  difficulty: number;
  /** Study days since its last review (>= 0). */
  sinceReview: number;
  /** Study days until it is due (<= 0: due today or overdue). */
  dueIn: number;
}

/** Seconds a learner spends per event, measured from their answer times. */
export interface ReviewCosts {
  /** The whole first day of a new card (first answer and learning steps). */
  learnSeconds: number;
  /** A review remembered. */
  recallSeconds: number;
  /** A review forgotten, with its relearning on the same day. */
  forgetSeconds: number;
}

/** How the learner rates: first answers (Again, Hard, Good, Easy) and remembered reviews (Hard, Good, Easy). */
export interface RatingShares {
  first: [number, number, number, number];
  recall: [number, number, number];
}

export interface SimulationInput {
  cards: readonly SimCard[];
  /** Cards never studied that may be introduced. */
  newCards: number;
  newPerDay: number;
  /** FSRS weights (absent: defaults). */
  weights?: readonly number[];
  maximumInterval: number;
  costs: ReviewCosts;
  shares: RatingShares;
  /** Days simulated (365). */
  days: number;
  seed: number;
}

export interface SimulationResult {
  retention: number;
  /** Per day of the simulation: reviews (new cards' first days included) and seconds. */
  reviewsPerDay: number[];
  secondsPerDay: number[];
  totalReviews: number;
  totalSeconds: number;
  /** Expected number of cards remembered on the last day. */
  remembered: number;
  /** totalSeconds / remembered: what the helper minimizes. */
  secondsPerRemembered: number;
}

export const SIMULATION_DAYS = 365;

/** The retentions the helper compares: 0.70 to 0.97 in steps of 0.01. */
export const SWEEP_RETENTIONS: readonly number[] = Array.from(
  { length: Math.round((MAX_RETENTION - MIN_RETENTION) * 100) + 1 },
  (_, i) => Math.round((MIN_RETENTION + i / 100) * 100) / 100,
);

/** Answer times above this are a tab left open, not a review (Anki's default cap). */
const MAX_ANSWER_MS = 60_000;
export const DEFAULT_COSTS: Readonly<ReviewCosts> = Object.freeze({ learnSeconds: 30, recallSeconds: 10, forgetSeconds: 30 });
export const DEFAULT_SHARES: Readonly<RatingShares> = Object.freeze({ first: [0.2, 0.1, 0.6, 0.1] as RatingShares['first'], recall: [0.1, 0.8, 0.1] as RatingShares['recall'] });
/** Fewer samples than this and the default stands in for a measured figure. */
const MIN_SAMPLES = 5;

/** Learning steps passed by Goods after a first answer (Again/Hard repeat the first of 1m, 10m). */
const EXTRA_GOODS: Record<Grade, number> = { 1: 2, 2: 2, 3: 1, 4: 0 };

/** Seconds per review and rating shares, measured from the learner's histories. */
export function measureHabits(histories: readonly CardHistory[]): { costs: ReviewCosts; shares: RatingShares } {
  const sums = { learn: [0, 0], recall: [0, 0], forget: [0, 0] };
  const first = [0, 0, 0, 0];
  const recall = [0, 0, 0];
  for (const { steps } of histories) {
    let i = 0;
    while (i < steps.length) {
      // A day's group: a review and the same-day reviews after it.
      let j = i + 1;
      let ms = Math.min(steps[i]!.durationMs, MAX_ANSWER_MS);
      while (j < steps.length && steps[j]!.days === 0) ms += Math.min(steps[j++]!.durationMs, MAX_ANSWER_MS);
      const rating = steps[i]!.rating;
      const bucket = i === 0 ? sums.learn : rating === 1 ? sums.forget : sums.recall;
      bucket[0]! += ms;
      bucket[1]!++;
      if (i === 0) first[rating - 1]!++;
      else if (rating > 1) recall[rating - 2]!++;
      i = j;
    }
  }
  const mean = ([ms, n]: number[], d: number) => (n! >= MIN_SAMPLES ? ms! / n! / 1000 : d);
  const share = <T extends number[]>(counts: number[], d: T): T => {
    const n = counts.reduce((a, b) => a + b, 0);
    return (n >= MIN_SAMPLES ? counts.map((c) => c / n) : [...d]) as T;
  };
  return {
    costs: {
      learnSeconds: mean(sums.learn, DEFAULT_COSTS.learnSeconds),
      recallSeconds: mean(sums.recall, DEFAULT_COSTS.recallSeconds),
      forgetSeconds: mean(sums.forget, DEFAULT_COSTS.forgetSeconds),
    },
    shares: {
      first: share(first, DEFAULT_SHARES.first),
      recall: share(recall, DEFAULT_SHARES.recall),
    },
  };
}

function pick(rng: Rng, shares: readonly number[], offset: number): Grade {
  let u = rng();
  for (let i = 0; i < shares.length - 1; i++) {
    u -= shares[i]!;
    if (u < 0) return (i + offset) as Grade;
  }
  return (shares.length - 1 + offset) as Grade;
}

interface Sim {
  model: MemoryModel;
  /** Days per unit of stability at the desired retention (the interval is linear in stability). */
  perStability: number;
  input: SimulationInput;
  rng: Rng;
  reviews: Float64Array;
  seconds: Float64Array;
}

/** Runs one card from `day` (its next review) to the end; returns its recall on the last day. */
function runCard(sim: Sim, start: MemoryState, last: number, day: number): number {
  const { model, perStability, input, rng, reviews, seconds } = sim;
  const end = input.days;
  let state = start;
  let t = day;
  while (t < end) {
    const elapsed = t - last;
    const r = model.recall(elapsed, state.stability);
    reviews[t]!++;
    if (rng() < r) {
      state = model.next(state, elapsed, pick(rng, input.shares.recall, 2));
      seconds[t]! += input.costs.recallSeconds;
    } else {
      state = model.next(model.next(state, elapsed, 1), 0, 3);
      reviews[t]!++;
      seconds[t]! += input.costs.forgetSeconds;
    }
    last = t;
    t += Math.min(Math.max(Math.round(state.stability * perStability), 1), input.maximumInterval);
  }
  return model.recall(end - 1 - last, state.stability);
}

/** The next `input.days` days at one desired retention. */
export function simulate(input: SimulationInput, retention: number, model: MemoryModel = memoryModel(input.weights)): SimulationResult {
  const sim: Sim = {
    model,
    perStability: model.interval(1, retention),
    input,
    rng: mulberry32(input.seed),
    reviews: new Float64Array(input.days),
    seconds: new Float64Array(input.days),
  };
  let remembered = 0;
  for (const c of input.cards) {
    const state = { stability: c.stability, difficulty: c.difficulty };
    const due = Math.max(0, c.dueIn);
    remembered += runCard(sim, state, -c.sinceReview, due);
  }
  let left = input.newCards;
  for (let day = 0; day < input.days && left > 0; day++) {
    const n = Math.min(left, input.newPerDay);
    left -= n;
    for (let k = 0; k < n; k++) {
      const first = pick(sim.rng, input.shares.first, 1);
      let state = model.next(null, 0, first);
      for (let g = 0; g < EXTRA_GOODS[first]; g++) state = model.next(state, 0, 3);
      sim.reviews[day]! += 1 + EXTRA_GOODS[first];
      sim.seconds[day]! += input.costs.learnSeconds;
      const ivl = Math.min(Math.max(Math.round(state.stability * sim.perStability), 1), input.maximumInterval);
      remembered += runCard(sim, state, day, day + ivl);
    }
    if (input.newPerDay <= 0) break;
  }
  const reviewsPerDay = Array.from(sim.reviews);
  const secondsPerDay = Array.from(sim.seconds);
  const totalReviews = reviewsPerDay.reduce((a, b) => a + b, 0);
  const totalSeconds = secondsPerDay.reduce((a, b) => a + b, 0);
  return {
    retention,
    reviewsPerDay,
    secondsPerDay,
    totalReviews,
    totalSeconds,
    remembered,
    secondsPerRemembered: remembered > 0 ? totalSeconds / remembered : Infinity,
  };
}

export interface Sweep {
  results: SimulationResult[];
  /** The retention with the fewest seconds per card remembered (null when nothing is remembered). */
  best: number | null;
  /**
   * What the helper recommends: the highest retention whose seconds per card remembered are
   * within RECOMMEND_WITHIN of the least (null with `best`). docs/optimizer.md says why.
   */
  recommended: number | null;
  /** The least work lies at the lowest retention offered: the true minimum may be lower still. */
  bestAtFloor: boolean;
}

/**
 * How much more work per card remembered the recommendation may cost than the least. Under
 * FSRS-6 the least work per card remembered usually lies at or below 70 % (fsrs-rs's own simulator
 * agrees: docs/optimizer.md), in a flat valley: within 10 % of its floor a learner remembers
 * markedly more. The recommendation is the top of that flat part, not its lowest point.
 */
export const RECOMMEND_WITHIN = 0.1;

/** The highest retention within RECOMMEND_WITHIN of the least seconds per card remembered. */
export function recommendRetention(results: readonly SimulationResult[]): number | null {
  const finite = results.filter((r) => Number.isFinite(r.secondsPerRemembered));
  if (finite.length === 0) return null;
  const least = Math.min(...finite.map((r) => r.secondsPerRemembered));
  return Math.max(...finite.filter((r) => r.secondsPerRemembered <= least * (1 + RECOMMEND_WITHIN)).map((r) => r.retention));
}

/** Simulate each retention (default 0.70 to 0.97), mark the cheapest per card remembered and recommend one. */
export function sweepRetention(input: SimulationInput, retentions: readonly number[] = SWEEP_RETENTIONS, onProgress?: (done: number, total: number) => void): Sweep {
  const model = memoryModel(input.weights);
  const results: SimulationResult[] = [];
  let best: SimulationResult | null = null;
  for (const r of retentions) {
    const res = simulate(input, r, model);
    results.push(res);
    if (Number.isFinite(res.secondsPerRemembered) && (best === null || res.secondsPerRemembered < best.secondsPerRemembered)) best = res;
    onProgress?.(results.length, retentions.length);
  }
  const lowest = Math.min(...retentions);
  return { results, best: best?.retention ?? null, recommended: recommendRetention(results), bestAtFloor: best !== null && best.retention === lowest };
}

/**
 * The simulator's starting point from the card schedules (optionally one deck's): studied cards
 * with their memory state and due day, and how many new cards are left. Suspended and retired
 * cards are out of the workload.
 */
export function simulationCards(
  cards: readonly CardSchedule[],
  todayKey: string,
  day: DayBoundary,
  deckId?: string,
): { cards: SimCard[]; newCards: number } {
  const out: SimCard[] = [];
  let newCards = 0;
  for (const c of cards) {
    if (c.suspended || c.retired || (deckId !== undefined && c.deckId !== deckId)) continue;
    if (c.state === 'new' || c.lastDayKey === null || c.stability <= 0) {
      if (c.state === 'new') newCards++;
      continue;
    }
    const sinceReview = Math.max(0, dayDiff(c.lastDayKey, todayKey));
    const dueIn = c.state === 'review' ? dayDiff(todayKey, toDayKey(c.due, day.timeZone, day.startHour)) : 0;
    out.push({ stability: c.stability, difficulty: c.difficulty, sinceReview, dueIn });
  }
  return { cards: out, newCards };
}
