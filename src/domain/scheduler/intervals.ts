// Anki's interval rules (rslib scheduler/states: review.rs, learning.rs, relearning.rs, fuzz.rs),
// restated for Kujira: FSRS gives a stability, these rules turn it into a whole number of days.
// ts-fsrs applies its own ordering after capping at the maximum interval (so a cap of 365 days gave
// Hard/Good/Easy = 365/366/367) and lets Easy equal Good when a card leaves (re)learning; Kujira
// uses these rules instead. See docs/scheduling.md.
import type { CardStateKind, Grade } from './types';

/** Fuzz widens an interval by 1 day plus these shares of the days it has in each band (Anki's). */
const FUZZ_BANDS: readonly { start: number; end: number; factor: number }[] = [
  { start: 2.5, end: 7, factor: 0.15 },
  { start: 7, end: 20, factor: 0.1 },
  { start: 20, end: Infinity, factor: 0.05 },
];

/** Days of fuzz each side of `interval` (0 below 2.5 days). */
export function fuzzDelta(interval: number): number {
  if (interval < 2.5) return 0;
  let delta = 1;
  for (const b of FUZZ_BANDS) delta += b.factor * Math.max(0, Math.min(interval, b.end) - b.start);
  return delta;
}

export interface DayRange {
  lo: number;
  hi: number;
}

/**
 * The days fuzz may choose from for `interval`, inside [minimum, maximum]. Where the range would
 * be a single day of 3 or more that is not the maximum, it is widened to two days (Anki does so,
 * so that fuzz still spreads cards).
 */
export function fuzzRange(interval: number, minimum: number, maximum: number): DayRange {
  const min = Math.min(minimum, maximum);
  const x = Math.min(Math.max(interval, min), maximum);
  const delta = fuzzDelta(x);
  const clampDay = (d: number) => Math.min(Math.max(d, min), maximum);
  const lo = clampDay(Math.round(x - delta));
  let hi = clampDay(Math.round(x + delta));
  if (hi === lo && hi > 2 && hi < maximum) hi = lo + 1;
  return { lo, hi };
}

/**
 * The least interval a passing review may get, given the interval it had: one more day when the
 * new interval grew; the old interval when that is still inside the new fuzz range (so fuzz does
 * not move a card backwards); no limit when the interval shrank for real (retention changed).
 */
export function minimumReviewInterval(interval: number, previous: number, maximum: number): number {
  if (Math.round(interval) > previous) return previous + 1;
  return previous <= fuzzRange(interval, 1, maximum).hi ? previous : 0;
}

/**
 * How one interval becomes a day count: `pick(interval, minimum, maximum)` is the fuzz, the load
 * balancer, or plain rounding; it must return a day in [min(minimum, maximum), maximum].
 */
export type DayPicker = (interval: number, minimum: number, maximum: number) => number;

/** No fuzz: the rounded interval, clamped (the minimum first capped by the maximum). */
export const roundedDays: DayPicker = (interval, minimum, maximum) =>
  Math.min(Math.max(Math.round(interval), Math.min(minimum, maximum)), maximum);

/**
 * FSRS's unrounded interval in days for each answer, as a table or computed on demand (only the
 * answers a rule needs are read).
 */
export type RawIntervals = Record<Grade, number> | ((grade: Grade) => number);

export interface IntervalContext {
  /** The card's kind before the answer. */
  from: CardStateKind;
  /** Its interval in days before the answer (review cards). */
  previous: number;
  maximum: number;
  pick: DayPicker;
}

/** Maximum interval as Anki reads it: at least 1 day. */
function cap(maximum: number): number {
  return Math.max(1, Math.floor(maximum));
}

/**
 * Days until the next review for an answer that puts the card in review, by Anki's rules:
 * - a passing review: Hard >= 1 (and >= the previous interval where above), Good >= Hard + 1,
 *   Easy >= Good + 1, each then capped at the maximum (the cap always holds);
 * - leaving learning or relearning: Good and Hard as FSRS says (at least 1 day), Easy at least
 *   the Good interval + 1 day;
 * - a lapse with no relearning step: the FSRS interval, at least 1 day, no fuzz.
 */
export function reviewDays(grade: Grade, rawIntervals: RawIntervals, ctx: IntervalContext): number {
  const table = rawIntervals;
  const raw = typeof table === 'function' ? table : (g: Grade) => table[g];
  const max = cap(ctx.maximum);
  const pick = (x: number, min: number) => ctx.pick(x, Math.min(Math.max(min, 1), max), max);
  if (ctx.from === 'review') {
    if (grade === 1) return Math.min(Math.max(Math.round(raw(1)), 1), max);
    const floor = (x: number) => minimumReviewInterval(x, ctx.previous, max);
    const hard = pick(raw(2), Math.max(1, floor(raw(2))));
    if (grade === 2) return hard;
    const good = pick(raw(3), Math.max(hard + 1, floor(raw(3))));
    if (grade === 3) return good;
    return pick(raw(4), Math.max(good + 1, floor(raw(4))));
  }
  // New, learning or relearning card graduating (or a step-less Again/Hard).
  const atLeastOne = (x: number) => Math.max(Math.round(x), 1);
  if (grade !== 4) return pick(atLeastOne(raw(grade)), 1);
  const good = pick(raw(3), 1);
  return pick(atLeastOne(raw(4)), good + 1);
}
