// Load balancing and easy days: a flatter daily load over a simulated 90 days, easy days within
// their share, every interval inside the fuzz range, the same answer for the same review.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../../src/domain/quiz/random';
import { addDays, dayKey, startOfStudyDay } from '../../../src/domain/scheduler/day';
import { fuzzRange, reviewDays, type RawIntervals } from '../../../src/domain/scheduler/intervals';
import {
  balancedPicker,
  dayWeights,
  fuzzPicker,
  LOAD_WINDOW_DAYS,
  NORMAL_WEEK,
  weekdayOf,
  type BalanceOptions,
  type EasyDays,
} from '../../../src/domain/scheduler/load-balance';
import { normalizeParams } from '../../../src/domain/scheduler/params';
import { newCardState, rateCard, replay } from '../../../src/domain/scheduler/scheduler';
import type { DayBoundary, Grade, ReviewRecord, SchedState } from '../../../src/domain/scheduler/types';

const DAY = 86_400_000;
const UTC: DayBoundary = { timeZone: 'UTC', startHour: 4 };
const params = normalizeParams();
const FIRST = '2026-03-02'; // a Monday

/** A mature collection as after an import: review cards of 5 to 60 days, due in uneven clumps. */
function collection(n: number, seed: number): SchedState[] {
  const r = rng(seed);
  const cards: SchedState[] = [];
  for (let i = 0; i < n; i++) {
    const ivl = 5 + Math.floor(r() * 56);
    // Due in the next 30 days, three times as many on the first days of each week.
    let dueIn = 1 + Math.floor(r() * 30);
    if (r() < 0.4) dueIn = 1 + 7 * Math.floor(r() * 4);
    const last = addDays(FIRST, dueIn - ivl);
    cards.push({
      ...newCardState(),
      state: 'review',
      stability: ivl * (0.8 + 0.4 * r()),
      difficulty: 3 + 5 * r(),
      reps: 4,
      scheduledDays: ivl,
      lastDayKey: last,
      lastReview: startOfStudyDay(last, 'UTC', 4) + 6 * 3_600_000,
      due: startOfStudyDay(addDays(FIRST, dueIn), 'UTC', 4),
    });
  }
  return cards;
}

interface SimResult {
  /** Reviews due on each of the 90 days. */
  daily: number[];
}

/** 90 days of reviewing every due card (mostly Good), with the given balancing. */
function simulate(balance: { enabled: boolean; easyDays: EasyDays } | null, seed = 7, n = 1500): SimResult {
  const cards = collection(n, seed);
  const r = rng(seed + 1);
  const dueDay = (s: SchedState) => dayKey(s.due, 'UTC', 4);
  const dueKeys = cards.map(dueDay);
  const perDay = new Map<string, number>();
  for (const k of dueKeys) perDay.set(k, (perDay.get(k) ?? 0) + 1);
  const daily: number[] = [];
  for (let d = 0; d < 90; d++) {
    const today = addDays(FIRST, d);
    const due = cards.flatMap((c, i) => (c.state === 'review' && (dueKeys[i] as string) <= today ? [i] : []));
    daily.push(due.length);
    const load = () => ({ from: today, counts: Array.from({ length: LOAD_WINDOW_DAYS }, (_, i) => perDay.get(addDays(today, i)) ?? 0) });
    let t = startOfStudyDay(today, 'UTC', 4) + 3 * 3_600_000;
    for (const i of due) {
      t += 20_000;
      const x = r();
      const g: Grade = x < 0.04 ? 1 : x < 0.1 ? 2 : x < 0.95 ? 3 : 4;
      const opts: BalanceOptions | undefined = balance ? { ...balance, load: load() } : undefined;
      let s = rateCard(cards[i] as SchedState, g, t, params, UTC, opts).state;
      if (s.state === 'relearning') s = rateCard(s, 3, t + 10 * 60_000, params, UTC, opts).state;
      const before = dueKeys[i] as string;
      const after = addDays(s.lastDayKey as string, s.scheduledDays);
      perDay.set(before, (perDay.get(before) ?? 1) - 1);
      perDay.set(after, (perDay.get(after) ?? 0) + 1);
      cards[i] = s;
      dueKeys[i] = after;
    }
  }
  return { daily };
}

const sd = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('load balancing over 90 simulated days', () => {
  it('makes the daily review count flatter (standard deviation) than fuzz alone', () => {
    const fuzzOnly = simulate(null).daily;
    const balanced = simulate({ enabled: true, easyDays: NORMAL_WEEK }).daily;
    // The first weeks still carry the uneven import; compare the days after them.
    const a = sd(fuzzOnly.slice(30));
    const b = sd(balanced.slice(30));
    console.info(`90 days, 1,500 cards: daily reviews sd ${a.toFixed(1)} with fuzz alone, ${b.toFixed(1)} balanced (days 30-89)`);
    expect(b).toBeLessThan(a * 0.8);
    // The same work is done: balancing moves reviews, it does not drop them.
    expect(Math.abs(mean(balanced) - mean(fuzzOnly))).toBeLessThan(0.1 * mean(fuzzOnly));
  });

  it('gives an easy day at most its share of a normal day (Sunday 0 % and 50 %)', () => {
    for (const share of [0, 0.5]) {
      const easyDays = [1, 1, 1, 1, 1, 1, share] as unknown as EasyDays;
      const daily = simulate({ enabled: true, easyDays }).daily.slice(30);
      const sundays = daily.filter((_, i) => weekdayOf(addDays(FIRST, 30 + i)) === 6);
      const others = daily.filter((_, i) => weekdayOf(addDays(FIRST, 30 + i)) !== 6);
      console.info(`Sunday at ${share * 100} %: ${mean(sundays).toFixed(1)} reviews against ${mean(others).toFixed(1)} on other days`);
      // Cards with intervals under 3 days have no range to move in; they are the small slack.
      expect(mean(sundays)).toBeLessThanOrEqual(share * mean(others) + 0.1 * mean(others));
    }
  });
});

describe('the balancer', () => {
  const raw = fc.record({
    a: fc.double({ min: 0.05, max: 5, noNaN: true }),
    h: fc.double({ min: 1, max: 120, noNaN: true }),
    gx: fc.double({ min: 1, max: 1.5, noNaN: true }),
    ex: fc.double({ min: 1, max: 2, noNaN: true }),
  });

  it("keeps a rating's interval within the fuzz range, whatever the load and easy days", () => {
    fc.assert(
      fc.property(
        raw,
        fc.constantFrom('new', 'learning', 'relearning', 'review'),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 36500 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: LOAD_WINDOW_DAYS, maxLength: LOAD_WINDOW_DAYS }),
        fc.array(fc.constantFrom(0, 0.3, 0.5, 1), { minLength: 7, maxLength: 7 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        ({ a, h, gx, ex }, from, previous, maximum, counts, week, fraction) => {
          const ivl: RawIntervals = { 1: a, 2: h, 3: h * gx, 4: h * gx * ex };
          const balance: BalanceOptions = { enabled: true, easyDays: week as unknown as EasyDays, load: { from: FIRST, counts } };
          const ctx = { from, previous: from === 'review' ? previous : 0, maximum };
          for (const g of [1, 2, 3, 4] as Grade[]) {
            const balanced = reviewDays(g, ivl, { ...ctx, pick: balancedPicker(fraction, FIRST, balance, null) });
            // Fuzz's lowest and highest draws bound every day fuzz can give.
            const lo = reviewDays(g, ivl, { ...ctx, pick: fuzzPicker(0) });
            const hi = reviewDays(g, ivl, { ...ctx, pick: fuzzPicker(0.999999) });
            if (balanced < lo || balanced > hi) return false;
          }
          return true;
        },
      ),
      { numRuns: 400, seed: 18 },
    );
  });

  it('picks each single interval inside fuzzRange and prefers emptier days', () => {
    const counts = Array.from({ length: LOAD_WINDOW_DAYS }, (_, i) => (i % 2 === 0 ? 40 : 2));
    const balance: BalanceOptions = { enabled: true, easyDays: NORMAL_WEEK, load: { from: FIRST, counts } };
    let odd = 0;
    for (let k = 0; k < 200; k++) {
      const d = balancedPicker(k / 200, FIRST, balance, null)(30, 1, 36500);
      const { lo, hi } = fuzzRange(30, 1, 36500);
      expect(d).toBeGreaterThanOrEqual(lo);
      expect(d).toBeLessThanOrEqual(hi);
      if (d % 2 === 1) odd += 1;
    }
    expect(odd).toBeGreaterThan(190);
  });

  it('closes an easy day while it holds its share, and opens it when the others fill up', () => {
    // Days 10..12; day 11 at 50 %.
    // Day 11 with this card: 5 reviews for half a share, the others 10 per share: open.
    expect(dayWeights([10, 4, 10], [1, 0.5, 1], 10)[1]).toBeGreaterThan(0);
    expect(dayWeights([10, 5, 10], [1, 0.5, 1], 10)[1]).toBe(0);
    // A 0 % day takes nothing while another day is open, and still something if all are closed.
    expect(dayWeights([50, 0, 50], [1, 0, 1], 10)[1]).toBe(0);
    expect(dayWeights([3, 3], [0, 0], 10).every((w) => w > 0)).toBe(true);
  });

  it('is deterministic: the same review with the same load gives the same day', () => {
    const card = collection(1, 3)[0] as SchedState;
    const counts = Array.from({ length: LOAD_WINDOW_DAYS }, (_, i) => (i * 7) % 13);
    const balance: BalanceOptions = { enabled: true, easyDays: NORMAL_WEEK, load: { from: FIRST, counts } };
    const at = startOfStudyDay(addDays(FIRST, 5), 'UTC', 4) + DAY / 3;
    const one = rateCard(card, 3, at, params, UTC, balance);
    const two = rateCard(card, 3, at, params, UTC, { ...balance, load: { from: FIRST, counts: [...counts] } });
    expect(two.state).toEqual(one.state);
    expect(one.record.scheduledDays).toBe(one.state.scheduledDays);
  });

  it('does nothing with fuzz off: the interval is the rounded one', () => {
    const card = collection(1, 4)[0] as SchedState;
    const counts = Array.from({ length: LOAD_WINDOW_DAYS }, (_, i) => (i % 3) * 50);
    const noFuzz = { ...params, enableFuzz: false };
    const at = startOfStudyDay(addDays(FIRST, 5), 'UTC', 4);
    const plain = rateCard(card, 3, at, noFuzz, UTC).state;
    const withLoad = rateCard(card, 3, at, noFuzz, UTC, { enabled: true, easyDays: NORMAL_WEEK, load: { from: FIRST, counts } }).state;
    expect(withLoad).toEqual(plain);
  });
});

describe('replay safety', () => {
  it('replays a balanced log to the live state on a device that knows nothing of the load', () => {
    const counts = Array.from({ length: LOAD_WINDOW_DAYS }, (_, i) => (i % 7 === 3 ? 0 : 60));
    let moved = 0;
    for (const start of collection(20, 11)) {
      let s = start;
      const records: ReviewRecord[] = [];
      for (let i = 0; i < 3; i++) {
        const t = s.due + 3_600_000;
        const balance: BalanceOptions = { enabled: true, easyDays: NORMAL_WEEK, load: { from: dayKey(t, 'UTC', 4), counts } };
        const g: Grade = i === 1 ? 2 : 3;
        const r = rateCard(s, g, t, params, UTC, balance);
        if (r.state.scheduledDays !== rateCard(s, g, t, params, UTC).state.scheduledDays) moved += 1;
        records.push(r.record);
        s = r.state;
      }
      expect(replay(records, start)).toEqual(s);
    }
    // The balancer did move intervals, so the replay had something to reproduce.
    expect(moved).toBeGreaterThan(10);
  });

  it('gives an entry without a usable interval one by the rules (no balancer)', () => {
    const card = collection(1, 5)[0] as SchedState;
    const at = startOfStudyDay(addDays(FIRST, 3), 'UTC', 4) + 3_600_000;
    const { record, state } = rateCard(card, 3, at, params, UTC);
    for (const bad of [0, -3, 2.5, Number.NaN, 1e9]) {
      expect(replay([{ ...record, scheduledDays: bad }], card)).toEqual(state);
    }
    const { scheduledDays: _omit, ...withoutDays } = record;
    expect(replay([withoutDays], card)).toEqual(state);
  });
});
