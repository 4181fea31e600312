// The start of the study day n days after a review's, cached: startOfStudyDay(addDays(dayKey, n),
// zone, hour) by the target day's number (midnight UTC ms, see dayKeyToUtcMs). startOfStudyDay()
// has its own cache, but reaching it builds two strings per review (the day key and the cache
// key), a good part of what replay costs beyond ts-fsrs. Values computed from the arguments alone.
import { addDays, startOfStudyDay } from './day';

const DAY_MS = 86_400_000;

const dayStarts = new Map<string, Map<number, number>>();
let lastZone = '';
let lastStartHour = -1;
let lastDayStarts: Map<number, number> | null = null;

/** startOfStudyDay(addDays(dayKey, n), timeZone, startHour); `dayMs` is dayKeyToUtcMs(dayKey). */
export function studyDayStartAfter(dayKey: string, dayMs: number, n: number, timeZone: string, startHour: number): number {
  if (lastDayStarts === null || timeZone !== lastZone || startHour !== lastStartHour) {
    const zoneKey = `${timeZone}|${startHour}`;
    lastDayStarts = dayStarts.get(zoneKey) ?? null;
    if (lastDayStarts === null) {
      if (dayStarts.size > 64) dayStarts.clear();
      lastDayStarts = new Map();
      dayStarts.set(zoneKey, lastDayStarts);
    }
    lastZone = timeZone;
    lastStartHour = startHour;
  }
  const target = dayMs + n * DAY_MS;
  let start = lastDayStarts.get(target);
  if (start === undefined) {
    start = startOfStudyDay(addDays(dayKey, n), timeZone, startHour);
    if (lastDayStarts.size > 50_000) lastDayStarts.clear();
    lastDayStarts.set(target, start);
  }
  return start;
}
