// The local study day: which day an instant belongs to when the day starts at a chosen local
// hour (default 04:00) in an IANA time zone, and when such a day starts and ends.
// Pure: the time zone is an input, never the machine's; Intl.DateTimeFormat does the zone math.

const DAY_MS = 86_400_000;
const KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const DEFAULT_DAY_START_HOUR = 4;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: better at once than a silent UTC.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
}

function wallClock(ms: number, timeZone: string): Wall {
  const w: Wall = { y: 0, m: 0, d: 0, h: 0, min: 0, s: 0 };
  for (const p of formatter(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year': w.y = Number(p.value); break;
      case 'month': w.m = Number(p.value); break;
      case 'day': w.d = Number(p.value); break;
      case 'hour': w.h = Number(p.value) % 24; break;
      case 'minute': w.min = Number(p.value); break;
      case 'second': w.s = Number(p.value); break;
      default: break;
    }
  }
  return w;
}

/** True if `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function keyFromUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const keyMsCache = new Map<string, number>();

/** Midnight UTC of the calendar date named by a day key: the day's number on a UTC axis. */
export function dayKeyToUtcMs(key: string): number {
  let ms = keyMsCache.get(key);
  if (ms === undefined) {
    const m = KEY.exec(key);
    if (!m) throw new RangeError(`Not a day key (YYYY-MM-DD): ${key}`);
    ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (keyMsCache.size > 50_000) keyMsCache.clear();
    keyMsCache.set(key, ms);
  }
  return ms;
}

/** The day key `n` days after `key` (n may be negative). */
export function addDays(key: string, n: number): string {
  return keyFromUtcMs(dayKeyToUtcMs(key) + n * DAY_MS);
}

/** Whole days from day `a` to day `b` (negative if b is earlier). */
export function dayDiff(a: string, b: string): number {
  return Math.round((dayKeyToUtcMs(b) - dayKeyToUtcMs(a)) / DAY_MS);
}

/**
 * The study day (YYYY-MM-DD) that instant `nowMs` belongs to: the local calendar date, or the
 * day before while the local hour is earlier than `startHour`.
 */
export function dayKey(nowMs: number, timeZone: string, startHour: number = DEFAULT_DAY_START_HOUR): string {
  const w = wallClock(nowMs, timeZone);
  const local = Date.UTC(w.y, w.m - 1, w.d);
  return keyFromUtcMs(w.h < startHour ? local - DAY_MS : local);
}

/** Offset of the zone from UTC at an instant, in ms (wall clock minus UTC). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wall = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

const startCache = new Map<string, number>();

/**
 * The first instant of study day `key`: local `startHour`:00 of that date. When that wall time
 * happens twice (clocks set back) it is the first one; when it does not exist (clocks set forward
 * over it) it is the instant of the change, the first moment whose day key is `key`.
 */
export function startOfStudyDay(key: string, timeZone: string, startHour: number = DEFAULT_DAY_START_HOUR): number {
  const cacheKey = `${timeZone}|${startHour}|${key}`;
  const hit = startCache.get(cacheKey);
  if (hit !== undefined) return hit;
  const wall = dayKeyToUtcMs(key) + startHour * 3_600_000;
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  const start = valid.length > 0 ? Math.min(...valid) : wall - before;
  if (startCache.size > 50_000) startCache.clear();
  startCache.set(cacheKey, start);
  return start;
}

/** The first instant after study day `key` (the start of the next one). */
export function endOfStudyDay(key: string, timeZone: string, startHour: number = DEFAULT_DAY_START_HOUR): number {
  return startOfStudyDay(addDays(key, 1), timeZone, startHour);
}

/** Start and end (exclusive) of the study day that `nowMs` is in. */
export function studyDayBounds(
  nowMs: number,
  timeZone: string,
  startHour: number = DEFAULT_DAY_START_HOUR,
): { key: string; start: number; end: number } {
  const key = dayKey(nowMs, timeZone, startHour);
  return { key, start: startOfStudyDay(key, timeZone, startHour), end: endOfStudyDay(key, timeZone, startHour) };
}
