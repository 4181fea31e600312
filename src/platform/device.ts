// What the app reads from the device it runs on at start-up (its time zone and languages) and on
// its first screen (the app icon's badge). With ./browser.ts (storage manager, network state) and
// ./clipboard.ts, src/platform is the one place Kujira asks the browser. Start-up hands the zone reader to src/db, whose settingsRepository
// .dayBoundary(settings) is the screens' way to the study day's boundary; domain code takes the
// values as inputs, so neither reads Intl or the clock itself.

const ZONE_RECHECK_MS = 60_000;
let zoneCache: { zone: string; readAt: number } | null = null;

/**
 * The zone of the device. Reading it builds a DateTimeFormat, about a millisecond, and the review
 * reads it several times per rating: so it is cached and read again after a minute (a laptop that
 * changed zones is noticed within a minute).
 */
export function deviceTimeZone(): string {
  const now = Date.now();
  if (!zoneCache || now - zoneCache.readAt > ZONE_RECHECK_MS) {
    zoneCache = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', readAt: now };
  }
  return zoneCache.zone;
}

/** The browser's preferred languages, most preferred first. */
export function deviceLanguages(): readonly string[] {
  return navigator.languages ?? [navigator.language];
}

/** The Badging API's part of Navigator (the installed app's icon badge). */
export interface DeviceBadge {
  setAppBadge?: (contents?: number) => Promise<void>;
  clearAppBadge?: () => Promise<void>;
}

/** The app icon's badge methods, where the browser has them (none outside a browser). */
export function deviceBadge(): DeviceBadge {
  return globalThis.navigator ?? {};
}
