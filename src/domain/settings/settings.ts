// The settings model: what a learner can set, the defaults, clamping into range, and what the
// settings mean for the scheduler. Pure: the device's time zone is an input (src/platform reads it).
import { isValidTimeZone, DEFAULT_DAY_START_HOUR } from '../scheduler/day';
import { DEFAULT_LIMITS } from '../scheduler/queue';
import { DEFAULT_PARAMS, normalizeParams } from '../scheduler/params';
import {
  easyDaysFromPercents,
  normalizeEasyDayPercents,
  NORMAL_WEEK_PERCENT,
  type BalanceOptions,
  type DayLoad,
} from '../scheduler/easy-days';
import type { DayBoundary, SchedulerParams } from '../scheduler/types';
import type { Lang } from '../deck/types';
import { normalizeFsrsParams, weightsInForce, type FsrsParams } from '../optimizer/fitted-params';

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  /** null: follow the browser language. */
  language: Lang | null;
  showBothLanguages: boolean;
  /** 0.70 to 0.97. */
  desiredRetention: number;
  /** Days. */
  maximumInterval: number;
  enableFuzz: boolean;
  newPerDay: number;
  maxReviewsPerDay: number;
  /** "Next day starts at", local hour 0-23. */
  dayStartHour: number;
  theme: Theme;
  /** IANA zone override; null follows the device. */
  timeZone: string | null;
  /** Load balancing: review intervals prefer the days of their fuzz range with fewer reviews due. */
  loadBalancing: boolean;
  /** Easy days: per weekday (Monday first), the percentage of a normal day's reviews it takes. */
  easyDays: number[];
  /** Personal FSRS parameters fitted to the learner's history (null: the FSRS-6 defaults). */
  fsrsParams: FsrsParams | null;
  /** Desired retention per deck id, where it differs from `desiredRetention`. */
  deckRetention: Record<string, number>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  language: null,
  showBothLanguages: false,
  desiredRetention: DEFAULT_PARAMS.desiredRetention,
  maximumInterval: DEFAULT_PARAMS.maximumInterval,
  enableFuzz: true,
  newPerDay: DEFAULT_LIMITS.newPerDay,
  maxReviewsPerDay: DEFAULT_LIMITS.maxReviewsPerDay,
  dayStartHour: DEFAULT_DAY_START_HOUR,
  theme: 'system',
  timeZone: null,
  loadBalancing: true,
  easyDays: NORMAL_WEEK_PERCENT as number[],
  fsrsParams: null,
  deckRetention: {},
});

const int = (x: unknown, lo: number, hi: number, d: number) =>
  typeof x === 'number' && Number.isFinite(x) ? Math.min(Math.max(Math.round(x), lo), hi) : d;

/** Fill in defaults and clamp every field into its range. */
export function normalizeSettings(s: Partial<Settings>): Settings {
  const params = normalizeParams({
    desiredRetention: s.desiredRetention ?? DEFAULT_SETTINGS.desiredRetention,
    maximumInterval: s.maximumInterval ?? DEFAULT_SETTINGS.maximumInterval,
  });
  return {
    language: s.language === 'ja' || s.language === 'en' ? s.language : null,
    showBothLanguages: s.showBothLanguages === true,
    desiredRetention: params.desiredRetention,
    maximumInterval: params.maximumInterval,
    enableFuzz: s.enableFuzz ?? true,
    newPerDay: int(s.newPerDay, 0, 9999, DEFAULT_SETTINGS.newPerDay),
    maxReviewsPerDay: int(s.maxReviewsPerDay, 0, 99999, DEFAULT_SETTINGS.maxReviewsPerDay),
    dayStartHour: int(s.dayStartHour, 0, 23, DEFAULT_SETTINGS.dayStartHour),
    theme: s.theme === 'light' || s.theme === 'dark' ? s.theme : 'system',
    timeZone: typeof s.timeZone === 'string' && isValidTimeZone(s.timeZone) ? s.timeZone : null,
    loadBalancing: typeof s.loadBalancing === 'boolean' ? s.loadBalancing : true,
    easyDays: normalizeEasyDayPercents(s.easyDays),
    fsrsParams: normalizeFsrsParams(s.fsrsParams),
    deckRetention: normalizeDeckRetention(s.deckRetention),
  };
}

/** Per-deck retentions clamped like the global one; anything unusable is dropped. */
export function normalizeDeckRetention(x: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return out;
  for (const [deckId, r] of Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // `__proto__` as a key would set the object's prototype, not an entry (the backup check refuses it).
    if (deckId === '__proto__') continue;
    if (typeof r === 'number' && Number.isFinite(r)) out[deckId] = normalizeParams({ desiredRetention: r }).desiredRetention;
  }
  return out;
}

/** The desired retention in force for a deck: its own, or the global one. */
export function retentionOf(s: Settings, deckId?: string): number {
  // Own entries only: `constructor` or `toString` is not a deck's retention.
  return (deckId !== undefined && Object.hasOwn(s.deckRetention, deckId) ? s.deckRetention[deckId] : undefined) ?? s.desiredRetention;
}

/** The day boundary in force: the override zone or the device's, and the start hour. */
export function dayBoundaryOf(s: Settings, deviceTimeZone: string): DayBoundary {
  return { timeZone: s.timeZone ?? deviceTimeZone, startHour: s.dayStartHour };
}

/**
 * The scheduler parameters in force for a card of `deckId`: the deck's desired retention if it has
 * one, and the learner's own FSRS weights if they adopted some. Each rating records them, so a
 * replay schedules every review with what was in force when it was made.
 */
export function schedulerParamsOf(s: Settings, deckId?: string): SchedulerParams {
  const weights = weightsInForce(s.fsrsParams);
  return normalizeParams({
    desiredRetention: retentionOf(s, deckId),
    maximumInterval: s.maximumInterval,
    enableFuzz: s.enableFuzz,
    ...(weights ? { weights } : {}),
  });
}

/** Load balancing and easy days in force, over the given due counts (see docs/scheduling.md). */
export function balanceOf(s: Settings, load: DayLoad | null): BalanceOptions {
  return { enabled: s.loadBalancing, easyDays: easyDaysFromPercents(s.easyDays), load };
}
