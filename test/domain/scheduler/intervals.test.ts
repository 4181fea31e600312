// Anki's interval rules as Kujira applies them: fuzz ranges, the no-backwards minimum, the cap
// after the ordering rule, Easy >= Good + 1 when leaving (re)learning.
import { describe, expect, it } from 'vitest';
import { fuzzRange, minimumReviewInterval, reviewDays, roundedDays, type RawIntervals } from '../../../src/domain/scheduler/intervals';
import { fuzzPicker } from '../../../src/domain/scheduler/load-balance';

describe('fuzzRange', () => {
  it('has no fuzz below 2.5 days, then 1 day plus 15 %, 10 % and 5 % of the days in each band', () => {
    expect(fuzzRange(1, 1, 1000)).toEqual({ lo: 1, hi: 1 });
    expect(fuzzRange(2.49, 1, 1000)).toEqual({ lo: 2, hi: 2 });
    expect(fuzzRange(2.5, 1, 1000)).toEqual({ lo: 2, hi: 4 });
    expect(fuzzRange(7, 1, 1000)).toEqual({ lo: 5, hi: 9 });
    expect(fuzzRange(17, 1, 1000)).toEqual({ lo: 14, hi: 20 });
    expect(fuzzRange(37, 1, 1000)).toEqual({ lo: 33, hi: 41 });
  });

  it('stays inside the minimum and maximum, and is two days wide where it can be', () => {
    expect(fuzzRange(100, 101, 1000)).toEqual({ lo: 101, hi: 108 });
    expect(fuzzRange(100, 1, 99)).toEqual({ lo: 92, hi: 99 });
    expect(fuzzRange(2, 3, 1000)).toEqual({ lo: 3, hi: 4 });
    expect(fuzzRange(2, 3, 3)).toEqual({ lo: 3, hi: 3 });
    expect(fuzzRange(1, 3, 2)).toEqual({ lo: 2, hi: 2 });
  });
});

describe('minimumReviewInterval', () => {
  it('keeps the previous interval while it is inside the new fuzz range, one more day when it grew', () => {
    expect(minimumReviewInterval(2.7269483, 4, 36500)).toBe(4);
    expect(minimumReviewInterval(2.7269483, 5, 36500)).toBe(0);
    expect(minimumReviewInterval(4.591988, 4, 36500)).toBe(5);
  });
});

describe('reviewDays', () => {
  const raw = (a: number, h: number, g: number, e: number): RawIntervals => ({ 1: a, 2: h, 3: g, 4: e });

  it('caps Hard, Good and Easy at the maximum after ordering them (365, not 365/366/367)', () => {
    const r = raw(20, 520, 560, 700);
    const ctx = { from: 'review' as const, previous: 300, maximum: 365, pick: roundedDays };
    expect([2, 3, 4].map((g) => reviewDays(g as 2 | 3 | 4, r, ctx))).toEqual([365, 365, 365]);
    expect([2, 3, 4].map((g) => reviewDays(g as 2 | 3 | 4, r, { ...ctx, maximum: 36500 }))).toEqual([520, 560, 700]);
  });

  it('orders a passing review: Good >= Hard + 1, Easy >= Good + 1', () => {
    const ctx = { from: 'review' as const, previous: 1, maximum: 36500, pick: roundedDays };
    expect([2, 3, 4].map((g) => reviewDays(g as 2 | 3 | 4, raw(0.5, 1.2, 1.3, 1.4), ctx))).toEqual([1, 2, 3]);
  });

  it('makes Easy at least Good + 1 day when a card leaves learning or relearning', () => {
    for (const from of ['new', 'learning', 'relearning'] as const) {
      const ctx = { from, previous: 0, maximum: 36500, pick: roundedDays };
      expect(reviewDays(3, raw(0.2, 1.2, 1.3, 1.4), ctx)).toBe(1);
      expect(reviewDays(4, raw(0.2, 1.2, 1.3, 1.4), ctx)).toBe(2);
      expect(reviewDays(4, raw(0.2, 1.2, 1.3, 9.6), ctx)).toBe(10);
    }
  });

  it('never exceeds the maximum, fuzzed or not', () => {
    for (const f of [0, 0.5, 0.999]) {
      for (const from of ['new', 'review', 'relearning'] as const) {
        for (const g of [1, 2, 3, 4] as const) {
          const d = reviewDays(g, raw(40, 900, 1000, 1400), { from, previous: 800, maximum: 1000, pick: fuzzPicker(f) });
          expect(d).toBeLessThanOrEqual(1000);
          expect(d).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });
});
