// Rating, preview, replay, fuzz, leeches and card info, with a fixed clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayKey, startOfStudyDay } from '../../../src/domain/scheduler/day';
import { DEFAULT_PARAMS, normalizeParams } from '../../../src/domain/scheduler/params';
import { newCardState, previewRatings, rateCard, replay } from '../../../src/domain/scheduler/scheduler';
import { cardInfo, retrievability } from '../../../src/domain/scheduler/card-info';
import type { DayBoundary, Grade, ReviewRecord, SchedState } from '../../../src/domain/scheduler/types';

const MOCK_NOW = Date.parse('2026-11-27T12:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const params = normalizeParams();
const TOKYO: DayBoundary = { timeZone: 'Asia/Tokyo', startHour: 4 };
const NY: DayBoundary = { timeZone: 'America/New_York', startHour: 4 };
const UTC: DayBoundary = { timeZone: 'UTC', startHour: 4 };

function run(ratings: [Grade, number][], day: DayBoundary = UTC, p = params) {
  let s = newCardState();
  const records: ReviewRecord[] = [];
  for (const [g, t] of ratings) {
    const r = rateCard(s, g, t, p, day);
    s = r.state;
    records.push(r.record);
  }
  return { s, records };
}

describe('rateCard', () => {
  it('takes a new card through the learning steps (1m, 10m) into review', () => {
    const a = rateCard(newCardState(), 1, MOCK_NOW, params, UTC);
    expect(a.state.state).toBe('learning');
    expect(a.state.due).toBe(MOCK_NOW + MIN);
    const b = rateCard(a.state, 3, MOCK_NOW + MIN, params, UTC);
    expect(b.state.state).toBe('learning');
    expect(b.state.due).toBe(MOCK_NOW + 11 * MIN);
    const c = rateCard(b.state, 3, MOCK_NOW + 11 * MIN, params, UTC);
    expect(c.state.state).toBe('review');
    expect(c.state.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(c.record.prevState).toBe('learning');
    expect(c.record.nextState).toBe('review');
    expect(c.record.dayKey).toBe('2026-11-27');
  });

  it('puts day-scale due dates at the start of the local study day (Tokyo, 04:00 JST)', () => {
    const now = Date.parse('2026-11-27T13:00:00Z'); // 22:00 JST
    const { state } = rateCard(newCardState(), 4, now, params, TOKYO);
    expect(state.state).toBe('review');
    const dueKey = addDays('2026-11-27', state.scheduledDays);
    expect(state.due).toBe(startOfStudyDay(dueKey, 'Asia/Tokyo', 4));
    expect(new Date(state.due).toISOString().slice(11)).toBe('19:00:00.000Z');
  });

  it('counts elapsed days in local study days, not UTC dates (Tokyo)', () => {
    const first = rateCard(newCardState(), 4, Date.parse('2026-11-27T13:00:00Z'), params, TOKYO).state; // 22:00 JST, day 11-27
    // 03:00 JST on 11-28 is still study day 11-27; 05:00 JST is day 11-28. Both are UTC date 11-27.
    const sameDay = rateCard(first, 3, Date.parse('2026-11-27T18:00:00Z'), params, TOKYO);
    const nextDay = rateCard(first, 3, Date.parse('2026-11-27T20:00:00Z'), params, TOKYO);
    expect(sameDay.state.elapsedDays).toBe(0);
    expect(nextDay.state.elapsedDays).toBe(1);
    // And two reviews at 08:00 and 10:00 JST (a UTC date apart) are the same study day.
    const morning = rateCard(first, 3, Date.parse('2026-11-28T23:00:00Z'), params, TOKYO).state; // 08:00 JST 11-29
    const later = rateCard(morning, 3, Date.parse('2026-11-29T01:00:00Z'), params, TOKYO); // 10:00 JST 11-29
    expect(later.state.elapsedDays).toBe(0);
  });

  it('New York: a 1-day interval over the spring-forward lands at 04:00 EDT', () => {
    const p = { ...params, enableFuzz: false };
    // A card in review with stability tiny enough for a 1-day interval: Hard right after learning.
    const learned = run([[3, Date.parse('2026-03-07T15:00:00Z')], [3, Date.parse('2026-03-07T15:10:00Z')]], NY, p).s;
    expect(learned.state).toBe('review');
    const dueKey = addDays('2026-03-07', learned.scheduledDays);
    expect(learned.due).toBe(startOfStudyDay(dueKey, 'America/New_York', 4));
    expect(dayKey(learned.due, 'America/New_York', 4)).toBe(dueKey);
    expect(dayKey(learned.due - 1, 'America/New_York', 4)).toBe(addDays(dueKey, -1));
    // After the change, 04:00 local is 08:00 UTC (EDT), not 09:00 (EST).
    expect(new Date(learned.due).toISOString().slice(11)).toBe('08:00:00.000Z');
  });

  it('New York: a review on the fall-back day counts one study day since the day before', () => {
    const first = rateCard(newCardState(), 4, Date.parse('2026-10-31T14:00:00Z'), params, NY).state; // 10:00 EDT
    // 01:30 EST on 11-01 (06:30Z) is still study day 10-31; 04:30 EST (09:30Z) is 11-01.
    expect(rateCard(first, 3, Date.parse('2026-11-01T06:30:00Z'), params, NY).state.elapsedDays).toBe(0);
    expect(rateCard(first, 3, Date.parse('2026-11-01T09:30:00Z'), params, NY).state.elapsedDays).toBe(1);
  });

  it('never lets the time of a card run backwards (clock set back)', () => {
    const a = rateCard(newCardState(), 3, MOCK_NOW, params, UTC);
    const b = rateCard(a.state, 3, MOCK_NOW - 5 * MIN, params, UTC);
    expect(b.record.reviewedAt).toBe(MOCK_NOW + 1);
  });

  it('rejects a rating outside 1..4', () => {
    expect(() => rateCard(newCardState(), 5 as Grade, MOCK_NOW, params, UTC)).toThrow(RangeError);
  });

  it('flags a leech at 8 lapses', () => {
    let s: SchedState = run([[4, MOCK_NOW]]).s;
    let t = MOCK_NOW;
    for (let lapse = 1; lapse <= 8; lapse++) {
      t = Math.max(s.due, t + DAY);
      s = rateCard(s, 1, t, params, UTC).state; // lapse
      expect(s.lapses).toBe(lapse);
      expect(s.leech).toBe(lapse >= 8);
      t += 10 * MIN;
      s = rateCard(s, 3, t, params, UTC).state; // back to review
    }
    expect(s.leech).toBe(true);
  });
});

describe('fuzz', () => {
  it('is on by default and seeded by the review: replaying the log gives the same fuzzed interval', () => {
    expect(DEFAULT_PARAMS.enableFuzz).toBe(true);
    const seq: [Grade, number][] = [[4, MOCK_NOW], [3, MOCK_NOW + 20 * DAY], [3, MOCK_NOW + 90 * DAY]];
    const rated = run(seq);
    // Other cards rated in between change nothing: the fuzz comes from the review, not from a
    // random source or from what ran before.
    run([[1, MOCK_NOW + 3 * DAY], [3, MOCK_NOW + 3 * DAY + 10 * MIN], [4, MOCK_NOW + 40 * DAY]]);
    expect(replay(rated.records)).toEqual(rated.s);
    expect(run(seq).s.scheduledDays).toBe(rated.s.scheduledDays);
    // A fuzzed interval stays near the unfuzzed one (ts-fsrs moves it by at most a few percent).
    const off = run(seq, UTC, { ...params, enableFuzz: false }).s.scheduledDays;
    expect(off).toBeGreaterThan(20);
    expect(Math.abs(rated.s.scheduledDays - off)).toBeLessThanOrEqual(Math.ceil(off * 0.1) + 2);
  });

  it('actually moves long intervals (compared with fuzz off)', () => {
    let differ = 0;
    for (let i = 0; i < 20; i++) {
      const seq: [Grade, number][] = [[4, MOCK_NOW + i * 3_600_000], [3, MOCK_NOW + (30 + i) * DAY]];
      const on = run(seq).s;
      const off = run(seq, UTC, { ...params, enableFuzz: false }).s;
      if (on.scheduledDays !== off.scheduledDays) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });
});

describe('previewRatings', () => {
  it('gives the four outcomes in increasing order', () => {
    const p = previewRatings(newCardState(), MOCK_NOW, params, UTC);
    expect(p[1].intervalMs).toBe(MIN);
    expect(p[2].intervalMs).toBe(6 * MIN);
    expect(p[3].intervalMs).toBe(10 * MIN);
    expect(p[4].state.state).toBe('review');
    expect(p[4].intervalMs).toBe(p[4].state.scheduledDays * DAY);
    const review = run([[4, MOCK_NOW]]).s;
    const q = previewRatings(review, review.due, params, UTC);
    expect(q[1].due).toBeLessThan(q[2].due);
    expect(q[2].due).toBeLessThan(q[3].due);
    expect(q[3].due).toBeLessThan(q[4].due);
  });

  it('matches what rating then does', () => {
    const s = run([[3, MOCK_NOW], [3, MOCK_NOW + 10 * MIN]]).s;
    const now = s.due + 3_600_000;
    const p = previewRatings(s, now, params, TOKYO);
    for (const g of [1, 2, 3, 4] as const) expect(p[g].state).toEqual(rateCard(s, g, now, params, TOKYO).state);
  });
});

describe('replay', () => {
  const zones: DayBoundary[] = [UTC, TOKYO, NY, { timeZone: 'Europe/London', startHour: 4 }, { timeZone: 'Asia/Tokyo', startHour: 0 }];
  const history = fc.array(
    fc.record({
      rating: fc.constantFrom<Grade>(1, 2, 3, 4),
      gap: fc.oneof(fc.integer({ min: 1, max: 30 * MIN }), fc.integer({ min: 1, max: 400 * DAY })),
      zone: fc.integer({ min: 0, max: zones.length - 1 }),
      retention: fc.double({ min: 0.7, max: 0.97, noNaN: true }),
    }),
    { minLength: 1, maxLength: 40 },
  );

  it('of the records equals the state built rating by rating (random histories)', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2027-01-01') }), (steps, start) => {
        let s = newCardState();
        let t = start;
        const recs: ReviewRecord[] = [];
        for (const st of steps) {
          t += st.gap;
          const r = rateCard(s, st.rating, t, normalizeParams({ desiredRetention: st.retention }), zones[st.zone] as DayBoundary);
          s = r.state;
          recs.push(r.record);
        }
        expect(replay([...recs].reverse())).toEqual(s);
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it('of an empty log is a new card', () => {
    expect(replay([])).toEqual(newCardState());
  });
});

describe('card info', () => {
  it('gives memory state, retrievability that falls with time, and the sorted history', () => {
    const { s, records } = run([[3, MOCK_NOW], [3, MOCK_NOW + 10 * MIN]]);
    const soon = retrievability(s, MOCK_NOW + 11 * MIN) as number;
    const late = retrievability(s, MOCK_NOW + 30 * DAY) as number;
    expect(soon).toBeGreaterThan(0.99);
    expect(late).toBeLessThan(soon);
    const info = cardInfo(s, [...records].reverse(), MOCK_NOW + DAY);
    expect(info.stability).toBe(s.stability);
    expect(info.difficulty).toBe(s.difficulty);
    expect(info.due).toBe(s.due);
    expect(info.history.map((h) => h.reviewedAt)).toEqual([MOCK_NOW, MOCK_NOW + 10 * MIN]);
    expect(cardInfo(newCardState(), [], MOCK_NOW)).toMatchObject({ stability: null, retrievability: null, due: null });
  });
});

describe('normalizeParams', () => {
  it('clamps desired retention to 0.70..0.97 and fills defaults', () => {
    expect(normalizeParams({ desiredRetention: 0.5 }).desiredRetention).toBe(0.7);
    expect(normalizeParams({ desiredRetention: 0.99 }).desiredRetention).toBe(0.97);
    expect(normalizeParams({ desiredRetention: Number.NaN }).desiredRetention).toBe(0.9);
    expect(normalizeParams({ learningSteps: ['bogus'] }).learningSteps).toEqual(['1m', '10m']);
    expect(normalizeParams({ maximumInterval: 0 }).maximumInterval).toBe(1);
  });
});
