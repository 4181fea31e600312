// The local study day across time zones and the 2026 DST changes.
import { describe, expect, it } from 'vitest';
import { addDays, dayDiff, dayKey, endOfStudyDay, startOfStudyDay, studyDayBounds } from '../../../src/domain/scheduler/day';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

describe('dayKey', () => {
  it('UTC: the day starts at 04:00 UTC', () => {
    expect(dayKey(at('2026-11-27T03:59:59Z'), 'UTC', 4)).toBe('2026-11-26');
    expect(dayKey(at('2026-11-27T04:00:00Z'), 'UTC', 4)).toBe('2026-11-27');
    expect(dayKey(at('2026-11-27T23:59:59Z'), 'UTC', 4)).toBe('2026-11-27');
  });

  it('Asia/Tokyo: rolls over at 04:00 JST (19:00 UTC), not at 09:00 JST like a UTC day', () => {
    expect(dayKey(at('2026-11-27T18:59:59Z'), 'Asia/Tokyo', 4)).toBe('2026-11-27');
    expect(dayKey(at('2026-11-27T19:00:00Z'), 'Asia/Tokyo', 4)).toBe('2026-11-28');
    // 08:00 and 10:00 JST are one study day although they straddle a UTC date change.
    expect(dayKey(at('2026-11-27T23:00:00Z'), 'Asia/Tokyo', 4)).toBe(dayKey(at('2026-11-28T01:00:00Z'), 'Asia/Tokyo', 4));
  });

  it('start hour 0 is the plain local date', () => {
    expect(dayKey(at('2026-11-27T15:00:00Z'), 'Asia/Tokyo', 0)).toBe('2026-11-28');
    expect(dayKey(at('2026-11-27T14:59:59Z'), 'Asia/Tokyo', 0)).toBe('2026-11-27');
  });

  it('America/New_York around both DST changes', () => {
    // Spring forward, 2026-03-08 02:00 EST -> 03:00 EDT.
    expect(dayKey(at('2026-03-08T07:59:59Z'), 'America/New_York', 4)).toBe('2026-03-07'); // 03:59:59 EDT
    expect(dayKey(at('2026-03-08T08:00:00Z'), 'America/New_York', 4)).toBe('2026-03-08'); // 04:00 EDT
    // Fall back, 2026-11-01 02:00 EDT -> 01:00 EST.
    expect(dayKey(at('2026-11-01T08:59:59Z'), 'America/New_York', 4)).toBe('2026-10-31'); // 03:59:59 EST
    expect(dayKey(at('2026-11-01T09:00:00Z'), 'America/New_York', 4)).toBe('2026-11-01'); // 04:00 EST
  });

  it('Europe/London in winter (GMT) and summer (BST)', () => {
    expect(dayKey(at('2026-01-15T03:59:59Z'), 'Europe/London', 4)).toBe('2026-01-14');
    expect(dayKey(at('2026-01-15T04:00:00Z'), 'Europe/London', 4)).toBe('2026-01-15');
    expect(dayKey(at('2026-07-15T02:59:59Z'), 'Europe/London', 4)).toBe('2026-07-14');
    expect(dayKey(at('2026-07-15T03:00:00Z'), 'Europe/London', 4)).toBe('2026-07-15');
  });

  it('rejects an unknown zone', () => {
    expect(() => dayKey(0, 'Mars/Olympus', 4)).toThrow(RangeError);
  });
});

describe('start and end of the study day', () => {
  it('is 24 h long on ordinary days, in every zone', () => {
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/London']) {
      const start = startOfStudyDay('2026-06-10', tz, 4);
      expect(endOfStudyDay('2026-06-10', tz, 4) - start).toBe(24 * H);
      expect(dayKey(start, tz, 4)).toBe('2026-06-10');
      expect(dayKey(start - 1, tz, 4)).toBe('2026-06-09');
    }
    expect(iso(startOfStudyDay('2026-06-10', 'Asia/Tokyo', 4))).toBe('2026-06-09T19:00:00.000Z');
    expect(iso(startOfStudyDay('2026-06-10', 'UTC', 4))).toBe('2026-06-10T04:00:00.000Z');
  });

  it('New York 2026-03-07 study day is 23 h (it contains the spring-forward), 2026-03-08 is 24 h', () => {
    expect(iso(startOfStudyDay('2026-03-07', 'America/New_York', 4))).toBe('2026-03-07T09:00:00.000Z');
    expect(iso(startOfStudyDay('2026-03-08', 'America/New_York', 4))).toBe('2026-03-08T08:00:00.000Z');
    expect(endOfStudyDay('2026-03-07', 'America/New_York', 4) - startOfStudyDay('2026-03-07', 'America/New_York', 4)).toBe(23 * H);
  });

  it('New York 2026-10-31 study day is 25 h (it contains the fall-back)', () => {
    expect(iso(startOfStudyDay('2026-11-01', 'America/New_York', 4))).toBe('2026-11-01T09:00:00.000Z');
    expect(endOfStudyDay('2026-10-31', 'America/New_York', 4) - startOfStudyDay('2026-10-31', 'America/New_York', 4)).toBe(25 * H);
  });

  it('a start hour inside the skipped hour starts the day at the change itself', () => {
    // 2026-03-08 02:00 does not exist in New York: the day starts at 03:00 EDT = 07:00 UTC.
    const start = startOfStudyDay('2026-03-08', 'America/New_York', 2);
    expect(iso(start)).toBe('2026-03-08T07:00:00.000Z');
    expect(dayKey(start, 'America/New_York', 2)).toBe('2026-03-08');
    expect(dayKey(start - 1, 'America/New_York', 2)).toBe('2026-03-07');
  });

  it('a start hour inside the repeated hour takes its first occurrence', () => {
    // 2026-11-01 01:00 happens twice in New York; the first is 01:00 EDT = 05:00 UTC.
    expect(iso(startOfStudyDay('2026-11-01', 'America/New_York', 1))).toBe('2026-11-01T05:00:00.000Z');
  });

  it('London around its 2026 changes (03-29 and 10-25)', () => {
    expect(iso(startOfStudyDay('2026-03-29', 'Europe/London', 4))).toBe('2026-03-29T03:00:00.000Z');
    expect(iso(startOfStudyDay('2026-10-25', 'Europe/London', 4))).toBe('2026-10-25T04:00:00.000Z');
    expect(endOfStudyDay('2026-10-24', 'Europe/London', 4) - startOfStudyDay('2026-10-24', 'Europe/London', 4)).toBe(25 * H);
  });

  it('studyDayBounds contains now', () => {
    const now = at('2026-11-01T06:30:00Z'); // 01:30 EST/EDT in New York
    const b = studyDayBounds(now, 'America/New_York', 4);
    expect(b.key).toBe('2026-10-31');
    expect(b.start <= now && now < b.end).toBe(true);
  });
});

describe('day key arithmetic', () => {
  it('adds and diffs across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayDiff('2026-03-07', '2026-03-09')).toBe(2);
    expect(dayDiff('2026-11-02', '2026-10-31')).toBe(-2);
  });
});
