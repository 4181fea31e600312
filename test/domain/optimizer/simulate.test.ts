// The retention simulator against hand-computed small cases (a fixed seed), the sweep, and the
// learner's measured habits and starting cards.
import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import {
  DEFAULT_COSTS,
  DEFAULT_SHARES,
  RECOMMEND_WITHIN,
  recommendRetention,
  SWEEP_RETENTIONS,
  measureHabits,
  simulate,
  simulationCards,
  sweepRetention,
  type SimulationInput,
  type SimulationResult,
} from '../../../src/domain/optimizer/simulate';
import { mulberry32 } from '../../../src/domain/quiz/random';
import { dayKey } from '../../../src/domain/scheduler/day';
import type { CardSchedule } from '../../../src/domain/scheduler/types';

const w = default_w;
const decay = -w[20]!;
const factor = Math.round((Math.pow(0.9, 1 / decay) - 1) * 1e8) / 1e8;
const R = (t: number, s: number) => Math.pow(1 + (factor * t) / s, decay);

function input(over: Partial<SimulationInput>): SimulationInput {
  return {
    cards: [],
    newCards: 0,
    newPerDay: 0,
    maximumInterval: 36500,
    costs: { learnSeconds: 30, recallSeconds: 7, forgetSeconds: 20 },
    shares: { first: [0, 0, 0, 1], recall: [0, 1, 0] },
    days: 3,
    seed: 1,
    ...over,
  };
}

/** A seed whose first draw is below (or at least) 0.9. */
function seedWhere(ok: (u: number) => boolean): number {
  for (let seed = 1; ; seed++) if (ok(mulberry32(seed)())) return seed;
}

describe('simulate', () => {
  const card = { stability: 10, difficulty: 5, sinceReview: 10, dueIn: 0 };

  it('a card due today and remembered (recall 0.9 at t = S): one review, then an interval past the end', () => {
    const seed = seedWhere((u) => u < 0.9);
    const res = simulate(input({ cards: [card], seed }), 0.9);
    // Good after 10 days at S = 10, D = 5 (R = 0.9): FSRS-6's recall stability, by hand.
    const s1 = 10 * (1 + Math.exp(w[8]!) * (11 - 5) * Math.pow(10, -w[9]!) * (Math.exp((1 - 0.9) * w[10]!) - 1));
    expect(s1).toBeGreaterThan(3);
    expect(res.reviewsPerDay).toEqual([1, 0, 0]);
    expect(res.secondsPerDay).toEqual([7, 0, 0]);
    expect(res.remembered).toBeCloseTo(R(2, s1), 6);
    expect(res.secondsPerRemembered).toBeCloseTo(7 / R(2, s1), 5);
  });

  it('a card forgotten: Again and one relearning review the same day, at the cost of a lapse', () => {
    const seed = seedWhere((u) => u >= 0.9);
    const res = simulate(input({ cards: [card], seed, days: 1 }), 0.9);
    expect(res.reviewsPerDay).toEqual([2]);
    expect(res.secondsPerDay).toEqual([20]);
    expect(res.totalReviews).toBe(2);
  });

  it('introduces new cards at the daily limit (Easy first: no learning steps)', () => {
    const res = simulate(input({ newCards: 2, newPerDay: 1, days: 2 }), 0.9);
    expect(res.reviewsPerDay).toEqual([1, 1]);
    expect(res.secondsPerDay).toEqual([30, 30]);
    // Easy first: S = w3 (8.3 days), next review after the end; recall on the last day.
    expect(res.remembered).toBeCloseTo(R(1, w[3]!) + 1, 6);
  });

  it('is reproducible for a seed, and a higher retention costs more reviews', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ stability: 1 + (i % 40), difficulty: 3 + (i % 6), sinceReview: i % 9, dueIn: (i % 11) - 3 }));
    const base = input({ cards: many, days: 365, newCards: 50, newPerDay: 5, costs: DEFAULT_COSTS, shares: DEFAULT_SHARES, seed: 17 });
    expect(simulate(base, 0.85)).toEqual(simulate(base, 0.85));
    expect(simulate(base, 0.95).totalReviews).toBeGreaterThan(simulate(base, 0.8).totalReviews);
  });
});

describe('sweepRetention', () => {
  it('simulates 0.70 to 0.97 and marks the fewest seconds per card remembered', () => {
    expect(SWEEP_RETENTIONS).toHaveLength(28);
    expect(SWEEP_RETENTIONS[0]).toBe(0.7);
    expect(SWEEP_RETENTIONS.at(-1)).toBe(0.97);
    const cards = Array.from({ length: 100 }, (_, i) => ({ stability: 2 + (i % 20), difficulty: 5, sinceReview: i % 5, dueIn: i % 7 }));
    const sweep = sweepRetention(input({ cards, days: 365, newCards: 30, newPerDay: 3, costs: DEFAULT_COSTS, shares: DEFAULT_SHARES, seed: 3 }));
    expect(sweep.results.map((r) => r.retention)).toEqual(SWEEP_RETENTIONS);
    const min = Math.min(...sweep.results.map((r) => r.secondsPerRemembered));
    expect(sweep.results.find((r) => r.retention === sweep.best)!.secondsPerRemembered).toBe(min);
  });

  it('has no best when there is nothing to simulate', () => {
    const sweep = sweepRetention(input({ days: 10 }));
    expect(sweep.best).toBeNull();
    expect(sweep.recommended).toBeNull();
  });

  // A year of 1,000 new cards at 10 a day on FSRS-6's default weights: the figures docs/optimizer.md
  // compares with fsrs-rs's own simulator.
  const year = (costs: typeof DEFAULT_COSTS) => sweepRetention(input({ days: 365, newCards: 1000, newPerDay: 10, costs, shares: DEFAULT_SHARES, seed: 1 }));

  it('lets a higher retention win where forgetting is expensive (the least work moves up, and so does the recommendation)', () => {
    const cheap = year(DEFAULT_COSTS);
    const dear = year({ ...DEFAULT_COSTS, forgetSeconds: 120 });
    const dearer = year({ ...DEFAULT_COSTS, forgetSeconds: 300 });
    expect(cheap.best).toBeLessThan(0.76);
    expect(dear.best).toBeGreaterThanOrEqual(0.85);
    expect(dearer.best).toBeGreaterThanOrEqual(0.88);
    expect(dear.bestAtFloor).toBe(false);
    expect(dear.recommended).toBeGreaterThanOrEqual(dear.best!);
    expect(dearer.recommended).toBeGreaterThanOrEqual(0.93);
  });

  it('recommends the highest retention within 10 % of the least work per card remembered, never the floor of a flat valley', () => {
    const sweep = year(DEFAULT_COSTS);
    const least = Math.min(...sweep.results.map((r) => r.secondsPerRemembered));
    const within = sweep.results.filter((r) => r.secondsPerRemembered <= least * (1 + RECOMMEND_WITHIN)).map((r) => r.retention);
    expect(sweep.recommended).toBe(Math.max(...within));
    expect(sweep.recommended).toBeGreaterThanOrEqual(0.78);
    const chosen = sweep.results.find((r) => r.retention === sweep.recommended)!;
    const cheapest = sweep.results.find((r) => r.retention === sweep.best)!;
    expect(chosen.remembered).toBeGreaterThan(cheapest.remembered);
    expect(chosen.secondsPerRemembered).toBeLessThanOrEqual(cheapest.secondsPerRemembered * 1.1);
  });

  it('says when the least work lies at the lowest retention offered', () => {
    const flat = (retention: number, secondsPerRemembered: number) => ({ retention, secondsPerRemembered }) as SimulationResult;
    expect(recommendRetention([flat(0.7, 100), flat(0.8, 109), flat(0.9, 111)])).toBe(0.8);
    expect(recommendRetention([flat(0.7, 100), flat(0.8, Infinity)])).toBe(0.7);
    expect(recommendRetention([])).toBeNull();
    const sweep = sweepRetention(input({ days: 365, newCards: 1000, newPerDay: 10, costs: { learnSeconds: 30, recallSeconds: 15, forgetSeconds: 15 }, shares: DEFAULT_SHARES, seed: 1 }));
    expect(sweep.best).toBe(0.7);
    expect(sweep.bestAtFloor).toBe(true);
    expect(sweep.recommended).toBeGreaterThan(0.7);
  });
});

describe('measureHabits', () => {
  const s = (rating: 1 | 2 | 3 | 4, days: number, durationMs: number) => ({ rating, days, durationMs });
  it('measures seconds per new card, per remembered and per forgotten review (same-day reviews included, 60 s cap)', () => {
    const histories = Array.from({ length: 5 }, (_, i) => ({
      cardId: `c${i}`,
      deckId: 'd',
      steps: [s(1, 0, 10_000), s(3, 0, 5_000), s(3, 2, 4_000), s(1, 5, 90_000), s(3, 0, 6_000)],
    }));
    const { costs, shares } = measureHabits(histories);
    expect(costs).toEqual({ learnSeconds: 15, recallSeconds: 4, forgetSeconds: 66 });
    expect(shares.first).toEqual([1, 0, 0, 0]);
    expect(shares.recall).toEqual([0, 1, 0]);
  });

  it('falls back to the defaults with too few samples', () => {
    expect(measureHabits([])).toEqual({ costs: DEFAULT_COSTS, shares: DEFAULT_SHARES });
  });
});

describe('simulationCards', () => {
  const NOW = Date.UTC(2026, 5, 10, 10);
  const day = { timeZone: 'UTC', startHour: 4 };
  const base: CardSchedule = {
    cardId: 'x', deckId: 'd', key: 'k', newRank: 0, suspended: false, retired: false, state: 'review',
    due: Date.UTC(2026, 5, 13, 4), stability: 12, difficulty: 4, elapsedDays: 3, scheduledDays: 6, learningSteps: 0,
    reps: 3, lapses: 0, lastReview: Date.UTC(2026, 5, 7, 10), lastDayKey: '2026-06-07', leech: false,
  };
  it('starts studied cards with their memory and due day, counts new ones, leaves out suspended and retired', () => {
    const cards: CardSchedule[] = [
      base,
      { ...base, cardId: 'n', state: 'new', stability: 0, lastDayKey: null, lastReview: null },
      { ...base, cardId: 's', suspended: true },
      { ...base, cardId: 'r', retired: true },
      { ...base, cardId: 'l', state: 'learning', stability: 0.5 },
      { ...base, cardId: 'o', deckId: 'other' },
    ];
    const today = dayKey(NOW, 'UTC', 4);
    expect(simulationCards(cards, today, day, 'd')).toEqual({
      cards: [
        { stability: 12, difficulty: 4, sinceReview: 3, dueIn: 3 },
        { stability: 0.5, difficulty: 4, sinceReview: 3, dueIn: 0 },
      ],
      newCards: 1,
    });
    expect(simulationCards(cards, today, day).cards).toHaveLength(3);
  });
});
