// The browser tests' time zone (test/e2e/time-zone.ts): early afternoon whenever the suite starts,
// on the same date as UTC, so dates the tests compute in UTC agree with the app's.
import { describe, expect, it } from 'vitest';
import { afternoonZone } from '../e2e/time-zone';

describe('afternoonZone', () => {
  it.each(Array.from({ length: 24 }, (_, h) => h))('puts %i:37 UTC at 14:37 local time on the same date', (hour) => {
    const now = new Date(Date.UTC(2026, 11, 8, hour, 37));
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: afternoonZone(now), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value;
    expect(`${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`).toBe('2026-12-08 14:37');
  });
});
