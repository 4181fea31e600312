// Stats math with a fixed clock, in Asia/Tokyo and America/New_York, with the "next day starts
// at" hour respected (a 02:00 review belongs to the previous study day).
import { describe, expect, it } from 'vitest';
import {
  cardsByState,
  dueForecast,
  leeches,
  masteryBySection,
  quizHistory,
  heatmapDays,
  retentionDaysFrom,
  reviewHeatmap,
  trueRetention,
  type StatsCardState,
  type StatsLogEntry,
} from '../../../src/domain/stats/stats';

const H = 3_600_000;
const DAY = 24 * H;
const TOKYO = { timeZone: 'Asia/Tokyo', startHour: 4 };
const NY = { timeZone: 'America/New_York', startHour: 4 };
// 2026-11-27 12:00 in Tokyo (03:00 UTC).
const NOW_TOKYO = Date.parse('2026-11-27T03:00:00Z');
// 2026-11-27 12:00 in New York (17:00 UTC).
const NOW_NY = Date.parse('2026-11-27T17:00:00Z');

const entry = (reviewedAt: number, rating: 1 | 2 | 3 | 4 = 3, prevState: StatsLogEntry['prevState'] = 'review'): StatsLogEntry => ({
  cardId: 'c',
  rating,
  reviewedAt,
  prevState,
});

const state = (o: Partial<StatsCardState> = {}): StatsCardState => ({
  cardId: 'c',
  deckId: 'd',
  state: 'review',
  due: 0,
  stability: 1,
  lapses: 0,
  suspended: false,
  retired: false,
  leech: false,
  ...o,
});

describe('reviewHeatmap', () => {
  it('covers the 365 study days ending today, each with the reviews recorded on it', () => {
    const reviewsOn = new Map([
      ['2025-11-27', 5], // 365 days ago: outside
      ['2025-11-28', 1], // the first day of the window
      ['2026-11-26', 1],
      ['2026-11-27', 2],
      ['2026-11-28', 3], // tomorrow: outside
    ]);
    const h = reviewHeatmap(reviewsOn, NOW_TOKYO, TOKYO);
    expect(h.days).toHaveLength(365);
    expect(h.days[0]).toEqual({ key: '2025-11-28', count: 1, weekday: 5 });
    expect(h.days.at(-1)).toEqual({ key: '2026-11-27', count: 2, weekday: 5 });
    expect(h.days.at(-2)).toMatchObject({ key: '2026-11-26', count: 1 });
    expect(h).toMatchObject({ max: 2, total: 4, activeDays: 3 });
  });

  it('ends on the study day of now: before the start hour, today is still the day before', () => {
    const beforeFour = Date.parse('2026-11-27T03:59:00+09:00');
    expect(heatmapDays(beforeFour, TOKYO).at(-1)).toBe('2026-11-26');
    expect(heatmapDays(beforeFour, { timeZone: 'Asia/Tokyo', startHour: 3 }).at(-1)).toBe('2026-11-27');
    // New York, across the DST change of 2026-11-01: one study day per date, none twice or missing.
    const days = heatmapDays(NOW_NY, NY, 40);
    expect(days.at(-1)).toBe('2026-11-27');
    expect(days.slice(10, 14)).toEqual(['2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect(new Set(days).size).toBe(40);
  });

  it('true retention reads from three study days before its window, for ratings recorded under another boundary', () => {
    // 30 days ending on the 27th begin on the 29th of October; three more: the 26th.
    expect(retentionDaysFrom(NOW_TOKYO, TOKYO, 30)).toBe('2026-10-26');
    expect(retentionDaysFrom(NOW_NY, NY, 7)).toBe('2026-11-18');
  });
});

describe('dueForecast', () => {
  it('counts due cards per study day for 30 days, overdue ones today, new/suspended/retired never', () => {
    const states = [
      state({ cardId: 'overdue', due: NOW_TOKYO - 3 * DAY }),
      state({ cardId: 'tonight', due: Date.parse('2026-11-28T03:00:00+09:00') }), // before 04:00: still today
      state({ cardId: 'tomorrow', due: Date.parse('2026-11-28T04:00:00+09:00') }),
      state({ cardId: 'learning', state: 'learning', due: NOW_TOKYO + 10 * 60_000 }),
      state({ cardId: 'day29', due: Date.parse('2026-12-26T10:00:00+09:00') }),
      state({ cardId: 'day30', due: Date.parse('2026-12-27T10:00:00+09:00') }),
      state({ cardId: 'new', state: 'new', due: 0 }),
      state({ cardId: 'suspended', suspended: true, due: NOW_TOKYO }),
      state({ cardId: 'retired', retired: true, due: NOW_TOKYO }),
    ];
    const f = dueForecast(states, NOW_TOKYO, TOKYO);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ key: '2026-11-27', count: 3 });
    expect(f[1]).toEqual({ key: '2026-11-28', count: 1 });
    expect(f[29]).toEqual({ key: '2026-12-26', count: 1 });
    expect(f.reduce((s, d) => s + d.count, 0)).toBe(5);
  });
});

describe('trueRetention', () => {
  it('is the share of review answers that were not Again, learning steps excluded (New York)', () => {
    const log = [
      entry(NOW_NY - H, 3),
      entry(NOW_NY - 2 * H, 1),
      entry(NOW_NY - 3 * H, 2),
      entry(NOW_NY - 4 * H, 4),
      entry(NOW_NY - 5 * H, 1, 'learning'),
      entry(NOW_NY - 6 * H, 1, 'relearning'),
      entry(NOW_NY - 6 * DAY, 1), // within 7 days (the 21st)
      entry(Date.parse('2026-11-21T03:00:00-05:00'), 1), // before 04:00 on the 21st: the 20th, outside 7 days
      entry(NOW_NY - 20 * DAY, 3),
      entry(NOW_NY - 40 * DAY, 3),
    ];
    expect(trueRetention(log, NOW_NY, NY, 7)).toEqual({ passed: 3, total: 5, rate: 0.6 });
    expect(trueRetention(log, NOW_NY, NY, 30)).toEqual({ passed: 4, total: 7, rate: 4 / 7 });
    expect(trueRetention([], NOW_NY, NY, 7)).toEqual({ passed: 0, total: 0, rate: null });
  });
});

describe('cardsByState, mastery, leeches, quiz history', () => {
  const states = [
    state({ cardId: 'a', state: 'new' }),
    state({ cardId: 'b', state: 'learning' }),
    state({ cardId: 'c', state: 'relearning', leech: true, lapses: 8 }),
    state({ cardId: 'd', state: 'review', stability: 30 }),
    state({ cardId: 'e', state: 'review', stability: 21 }),
    state({ cardId: 'f', state: 'review', stability: 50, suspended: true, leech: true, lapses: 9 }),
    state({ cardId: 'g', state: 'review', stability: 99, retired: true, leech: true, lapses: 12 }),
  ];

  it('counts cards by state (suspended apart, retired left out)', () => {
    expect(cardsByState(states)).toEqual({ new: 1, learning: 1, relearning: 1, review: 2, suspended: 1, total: 6 });
  });

  it('mastery is the share of cards with stability above 21 days, per section', () => {
    const section: Record<string, string> = { a: 's1', b: 's1', c: 's1', d: 's2', e: 's2', f: 's2', g: 's2' };
    const m = masteryBySection(states, [{ deckId: 'd', sectionId: 's1' }, { deckId: 'd', sectionId: 's2' }, { deckId: 'd', sectionId: 's3' }], (id) => section[id]);
    expect(m).toEqual([
      { deckId: 'd', sectionId: 's1', mastered: 0, total: 3, share: 0 },
      { deckId: 'd', sectionId: 's2', mastered: 2, total: 3, share: 2 / 3 },
      { deckId: 'd', sectionId: 's3', mastered: 0, total: 0, share: 0 },
    ]);
  });

  it('lists leeches still in their deck, most lapses first', () => {
    expect(leeches(states)).toEqual([
      { cardId: 'f', deckId: 'd', lapses: 9, suspended: true },
      { cardId: 'c', deckId: 'd', lapses: 8, suspended: false },
    ]);
  });

  it('gives finished quizzes per mode, oldest first', () => {
    const q = (id: string, mode: string, finishedAt: number | null, score: number, total: number) => ({ id, mode, deckId: 'd', startedAt: 0, finishedAt, score, total });
    expect(quizHistory([q('1', 'sprint', 300, 8, 10), q('2', 'exam', 100, 1, 4), q('3', 'sprint', 200, 5, 10), q('4', 'sprint', null, 0, 0), q('5', 'exam', 50, 0, 0)])).toEqual([
      { mode: 'exam', points: [{ id: '5', deckId: 'd', at: 50, score: 0, total: 0, accuracy: 0 }, { id: '2', deckId: 'd', at: 100, score: 1, total: 4, accuracy: 0.25 }] },
      { mode: 'sprint', points: [{ id: '3', deckId: 'd', at: 200, score: 5, total: 10, accuracy: 0.5 }, { id: '1', deckId: 'd', at: 300, score: 8, total: 10, accuracy: 0.8 }] },
    ]);
  });
});
