// The review log as training items: voided ratings and suspended cards left out, same-day reviews
// counted as 0 days, days counted between the study days recorded with each review (whatever the
// zone), and fsrs-rs's flattened prefixes.
import { describe, expect, it } from 'vitest';
import { cardHistories, trainingSet, type RatingFacts } from '../../../src/domain/optimizer/training-items';
import { dayKey } from '../../../src/domain/scheduler/day';
import type { Grade } from '../../../src/domain/scheduler/types';

const MOCK_NOW = Date.UTC(2026, 5, 1, 10);
const DAY = 86_400_000;
let n = 0;
function rating(cardId: string, g: Grade, at: number, timeZone = 'UTC', over: Partial<RatingFacts> = {}): RatingFacts {
  return { id: `r${++n}`, cardId, deckId: 'd', rating: g, reviewedAt: at, dayKey: dayKey(at, timeZone, 4), durationMs: 5000, ...over };
}

describe('cardHistories', () => {
  it('orders each card by time and counts study days between reviews (0 on the same day)', () => {
    const log = [
      rating('a', 3, MOCK_NOW + 3 * DAY),
      rating('a', 1, MOCK_NOW),
      rating('a', 3, MOCK_NOW + 10 * 60_000),
      rating('b', 4, MOCK_NOW),
    ];
    const h = cardHistories(log);
    expect(h.map((x) => x.cardId)).toEqual(['a', 'b']);
    expect(h[0]!.steps.map(({ rating: r, days }) => [r, days])).toEqual([
      [1, 0],
      [3, 0],
      [3, 3],
    ]);
    expect(cardHistories([...log].reverse())).toEqual(h);
  });

  it('leaves out voided ratings and excluded (suspended) cards', () => {
    const a1 = rating('a', 3, MOCK_NOW);
    const a2 = rating('a', 1, MOCK_NOW + 2 * DAY);
    const a3 = rating('a', 3, MOCK_NOW + 5 * DAY);
    const b1 = rating('b', 3, MOCK_NOW);
    const h = cardHistories([a1, a2, a3, b1], { voided: new Set([a2.id]), excludeCards: new Set(['b']) });
    expect(h).toHaveLength(1);
    expect(h[0]!.steps.map((s) => [s.rating, s.days])).toEqual([
      [3, 0],
      [3, 5],
    ]);
  });

  it('counts the days the learner lived, in the zone of each review', () => {
    // 23:00 in Tokyo and 01:00 the next night in Tokyo are the same study day (day starts 04:00).
    const tokyoLate = Date.UTC(2026, 5, 1, 14); // 23:00 JST
    const tokyoAfterMidnight = Date.UTC(2026, 5, 1, 16); // 01:00 JST
    const nextMorning = Date.UTC(2026, 5, 2, 0); // 09:00 JST
    const h = cardHistories([rating('a', 3, tokyoLate, 'Asia/Tokyo'), rating('a', 3, tokyoAfterMidnight, 'Asia/Tokyo'), rating('a', 3, nextMorning, 'Asia/Tokyo')]);
    expect(h[0]!.steps.map((s) => s.days)).toEqual([0, 0, 1]);
    // A move west that makes the later review's study day the earlier one counts 0, never < 0.
    const beforeMove = rating('c', 3, Date.UTC(2026, 5, 2, 0), 'Asia/Tokyo'); // 2026-06-02 in Tokyo
    const afterMove = rating('c', 3, Date.UTC(2026, 5, 2, 5), 'America/Los_Angeles'); // 2026-06-01 in LA
    expect(cardHistories([beforeMove, afterMove])[0]!.steps.map((s) => s.days)).toEqual([0, 0]);
  });
});

describe('trainingSet', () => {
  it('flattens every prefix whose last review came on a later day', () => {
    const h = cardHistories([
      rating('a', 1, MOCK_NOW),
      rating('a', 3, MOCK_NOW + 60_000),
      rating('a', 3, MOCK_NOW + 1 * DAY),
      rating('a', 2, MOCK_NOW + 4 * DAY),
      rating('b', 3, MOCK_NOW),
    ]);
    const set = trainingSet(h);
    expect(set.items).toBe(2);
    expect(set.reviews).toBe(5);
    expect(set.cards).toBe(2);
    expect([...set.lengths]).toEqual([3, 4]);
    expect([...set.ratings]).toEqual([1, 3, 3, 1, 3, 3, 2]);
    expect([...set.deltaTs]).toEqual([0, 0, 1, 0, 0, 1, 3]);
  });

  it('is empty for an empty log', () => {
    const set = trainingSet([]);
    expect(set.items).toBe(0);
    expect(set.ratings.length).toBe(0);
  });
});
