// User settings: the defaults, validation, and the single settings row.
import { isValidTimeZone, DEFAULT_DAY_START_HOUR } from '../domain/scheduler/day';
import { DEFAULT_LIMITS } from '../domain/scheduler/queue';
import { DEFAULT_PARAMS, normalizeParams } from '../domain/scheduler/params';
import type { DayBoundary, SchedulerParams } from '../domain/scheduler/types';
import { settingsFromRow, settingsToRow } from './mappers';
import { withStorage } from './errors';
import type { KujiraDB, Theme } from './schema';
import type { Lang } from '../domain/deck/types';

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
  };
}

const ZONE_RECHECK_MS = 60_000;
let zoneCache: { zone: string; readAt: number } | null = null;

/**
 * The zone of the device (the one place Kujira reads it). Reading it builds a DateTimeFormat,
 * about a millisecond, and the review reads it several times per rating: so it is cached and read
 * again after a minute (a laptop that changed zones is noticed within a minute).
 */
export function deviceTimeZone(): string {
  const now = Date.now();
  if (!zoneCache || now - zoneCache.readAt > ZONE_RECHECK_MS) {
    zoneCache = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', readAt: now };
  }
  return zoneCache.zone;
}

/** The day boundary in force: the override zone or the device's, and the start hour. */
export function dayBoundaryOf(s: Settings): DayBoundary {
  return { timeZone: s.timeZone ?? deviceTimeZone(), startHour: s.dayStartHour };
}

/** The scheduler parameters in force. */
export function schedulerParamsOf(s: Settings): SchedulerParams {
  return normalizeParams({
    desiredRetention: s.desiredRetention,
    maximumInterval: s.maximumInterval,
    enableFuzz: s.enableFuzz,
  });
}

export function getSettings(db: KujiraDB): Promise<Settings> {
  return withStorage(db, async () => normalizeSettings(settingsFromRow(await db.settings.get('settings'))));
}

/** Change some settings (clamped); returns the settings now in force. */
export function updateSettings(db: KujiraDB, patch: Partial<Settings>): Promise<Settings> {
  return withStorage(db, () =>
    db.transaction('rw', db.settings, async () => {
      const next = normalizeSettings({ ...settingsFromRow(await db.settings.get('settings')), ...patch });
      await db.settings.put(settingsToRow(next));
      return next;
    }),
  );
}
