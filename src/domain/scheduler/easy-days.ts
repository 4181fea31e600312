// The settings side of load balancing and easy days: the shares per weekday, the load the
// balancer reads, and their defaults. Apart from the balancer itself (./load-balance.ts), so the
// settings model and the due counts, which every screen loads, do not carry the balancing code.
/** Intervals longer than this are not balanced: so far out, a flat load matters little (Anki's 90). */
export const MAX_BALANCED_INTERVAL = 90;
/** Days of load to look up from today: the longest balanced interval plus its fuzz, with room. */
export const LOAD_WINDOW_DAYS = 100;

/** Share of a normal day's reviews per weekday, Monday first (1 = normal, 0 = none). */
export type EasyDays = readonly [number, number, number, number, number, number, number];
export const NORMAL_WEEK: EasyDays = Object.freeze([1, 1, 1, 1, 1, 1, 1]) as unknown as EasyDays;

/** Easy days as the settings hold them: whole percentages, Monday first. */
export const NORMAL_WEEK_PERCENT: readonly number[] = Object.freeze([100, 100, 100, 100, 100, 100, 100]);

/** Seven whole percentages 0..100 (Monday first), or every day normal if `x` is not that. */
export function normalizeEasyDayPercents(x: unknown): number[] {
  if (!Array.isArray(x) || x.length !== 7 || !x.every((p) => typeof p === 'number' && Number.isFinite(p))) {
    return [...NORMAL_WEEK_PERCENT];
  }
  return x.map((p: number) => Math.min(100, Math.max(0, Math.round(p))));
}

/** The shares the balancer reads, from the settings' percentages. */
export function easyDaysFromPercents(percents: readonly number[]): EasyDays {
  return normalizeEasyDayPercents(percents).map((p) => p / 100) as unknown as EasyDays;
}

/** Reviews due per study day: counts[i] is the number due on day `from + i`. */
export interface DayLoad {
  from: string;
  counts: readonly number[];
}

export interface BalanceOptions {
  /** Load balancing on (it only acts when fuzz is on). */
  enabled: boolean;
  easyDays: EasyDays;
  /** Reviews due per day (from the database); without it no day is balanced. */
  load: DayLoad | null;
}

