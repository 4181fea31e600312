// The settings model: what a learner can set, the defaults, clamping into range, and the day
// boundary they set (what they mean for the scheduler is in scheduler-settings.ts). Pure: the device's time zone is an input (src/platform reads it).
import { isValidTimeZone, DEFAULT_DAY_START_HOUR } from '../scheduler/day';
import { DEFAULT_LIMITS } from '../scheduler/queue';
import { DEFAULT_PARAMS, normalizeParams } from '../scheduler/params';
import { normalizeEasyDayPercents, NORMAL_WEEK_PERCENT } from '../scheduler/easy-days';
import type { DayBoundary } from '../scheduler/types';
import type { Lang } from '../deck/types';
import { normalizeFsrsParams, type FsrsParams } from '../optimizer/fitted-params';

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


/** The day boundary in force: the override zone or the device's, and the start hour. */
export function dayBoundaryOf(s: Settings, deviceTimeZone: string): DayBoundary {
  return { timeZone: s.timeZone ?? deviceTimeZone, startHour: s.dayStartHour };
}
