// Fuzz, load balancing and easy days: how a review interval picks its day inside the fuzz range.
// Deterministic: the one random draw comes from a seed made of the card and the review.
// Load balancing (Anki 24.11): prefer the days of the range with fewer reviews due, so the daily
// load stays flat. Easy days: a weekday may take only a share of a normal day's load.
import { addDays, dayDiff, dayKeyToUtcMs } from './day';
import { fuzzRange, roundedDays, type DayPicker } from './intervals';

export { MAX_BALANCED_INTERVAL, LOAD_WINDOW_DAYS, NORMAL_WEEK, NORMAL_WEEK_PERCENT, normalizeEasyDayPercents, easyDaysFromPercents } from './easy-days';
export type { EasyDays, DayLoad, BalanceOptions } from './easy-days';
import type { BalanceOptions } from './easy-days';
import { MAX_BALANCED_INTERVAL } from './easy-days';

/** 0 = Monday ... 6 = Sunday, of a study day key. */
export function weekdayOf(dayKey: string): number {
  return (new Date(dayKeyToUtcMs(dayKey)).getUTCDay() + 6) % 7;
}

/** 32-bit FNV-1a of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) from a seed string (one round of mulberry32 over its hash). */
export function seededFraction(seed: string): number {
  let t = (hash32(seed) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Fuzz alone: a uniform day of the fuzz range, chosen by `fraction`. */
export function fuzzPicker(fraction: number): DayPicker {
  return (interval, minimum, maximum) => {
    const { lo, hi } = fuzzRange(interval, minimum, maximum);
    return Math.min(hi, Math.floor(lo + fraction * (1 + hi - lo)));
  };
}

/**
 * Weights of the days lo..hi for the balancer. A day's weight falls steeply with the reviews
 * already due on it, and a little with its distance (without that the later days, still
 * emptier, would draw too many cards). An easy day (share below 1) is open only while its
 * reviews, with this card, per unit of share stay at most those of the other days of the range;
 * a closed day gets no weight, unless every day of the range is closed.
 */
export function dayWeights(counts: readonly number[], shares: readonly number[], lo: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  const open = counts.map((c, i) => {
    const share = shares[i] as number;
    if (share >= 1) return true;
    if (share <= 0) return false;
    const otherShare = shareTotal - share;
    const perShare = otherShare > 0 ? (total - c) / otherShare : Infinity;
    return c + 1 <= share * perShare;
  });
  const anyOpen = open.includes(true);
  return counts.map((c, i) => (anyOpen && !open[i] ? 0 : (c + 1) ** -2.15 * (lo + i) ** -3));
}

/**
 * The load balancer's picker: the day of the fuzz range drawn by `fraction` over the days'
 * weights. Falls back to plain fuzz for long intervals or when the load does not cover the range.
 * `today` is the study day of the review; `excludeDay` (a day index from today) is the day the
 * card itself is counted on, if any, so it does not count against itself.
 */
export function balancedPicker(
  fraction: number,
  today: string,
  balance: BalanceOptions,
  excludeDay: number | null,
): DayPicker {
  const fuzz = fuzzPicker(fraction);
  const load = balance.load;
  if (!balance.enabled || !load) return fuzz;
  const offset = dayDiff(load.from, today);
  return (interval, minimum, maximum) => {
    if (interval > MAX_BALANCED_INTERVAL || minimum > MAX_BALANCED_INTERVAL) return fuzz(interval, minimum, maximum);
    const { lo, hi } = fuzzRange(interval, minimum, maximum);
    if (hi <= lo || offset + lo < 0 || offset + hi >= load.counts.length) return fuzz(interval, minimum, maximum);
    const counts: number[] = [];
    const shares: number[] = [];
    for (let d = lo; d <= hi; d++) {
      const own = d === excludeDay ? 1 : 0;
      counts.push(Math.max(0, (load.counts[offset + d] ?? 0) - own));
      shares.push(Math.min(1, Math.max(0, balance.easyDays[weekdayOf(addDays(today, d))] ?? 1)));
    }
    const weights = dayWeights(counts, shares, lo);
    const sum = weights.reduce((a, b) => a + b, 0);
    let target = fraction * sum;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return lo + i;
    }
    return hi;
  };
}

/** The picker for a review: rounding when fuzz is off, else fuzz or the load balancer. */
export function dayPicker(
  enableFuzz: boolean,
  fraction: number,
  today: string,
  balance: BalanceOptions | undefined,
  excludeDay: number | null,
): DayPicker {
  if (!enableFuzz) return roundedDays;
  return balance ? balancedPicker(fraction, today, balance, excludeDay) : fuzzPicker(fraction);
}
