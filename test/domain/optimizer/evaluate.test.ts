// Log loss and RMSE (bins) of a set of weights on a history, against a hand-computed case, and
// on a generated learner: their true weights predict better than the defaults.
import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { evaluate, isBetter } from '../../../src/domain/optimizer/evaluate';
import { cardHistories, type CardHistory } from '../../../src/domain/optimizer/training-items';
import { syntheticHistory, TRUE_WEIGHTS } from '../../fixtures/synthetic-history';

const MOCK_NOW = Date.UTC(2026, 5, 1, 10);
const step = (rating: 1 | 2 | 3 | 4, days: number) => ({ rating, days, durationMs: 5000 });

describe('evaluate', () => {
  it('scores a two-card history as computed by hand (FSRS-6 defaults)', () => {
    const histories: CardHistory[] = [
      { cardId: 'a', deckId: 'd', steps: [step(3, 0), step(3, 3)] },
      { cardId: 'b', deckId: 'd', steps: [step(1, 0), step(1, 2)] },
    ];
    const decay = -default_w[20]!;
    const factor = Math.pow(0.9, 1 / decay) - 1;
    const R = (t: number, s: number) => Math.pow(1 + (factor * t) / s, decay);
    const p1 = R(3, default_w[2]!); // Good first: S0 = w2; remembered after 3 days
    const p2 = R(2, default_w[0]!); // Again first: S0 = w0; forgotten after 2 days
    const e = evaluate(histories);
    expect(e.count).toBe(2);
    expect(e.logLoss).toBeCloseTo((-Math.log(p1) - Math.log(1 - p2)) / 2, 6);
    // 3 and 2 days fall in different bins: each bin holds one review.
    expect(e.rmseBins).toBeCloseTo(Math.sqrt(((1 - p1) ** 2 + p2 ** 2) / 2), 6);
  });

  it('scores nothing without a review on a later day', () => {
    const e = evaluate([{ cardId: 'a', deckId: 'd', steps: [step(3, 0), step(3, 0)] }]);
    expect(e.count).toBe(0);
    expect(Number.isNaN(e.logLoss)).toBe(true);
    expect(isBetter(e, { logLoss: 1, rmseBins: 1, count: 1 })).toBe(false);
  });

  it('prefers the weights the learner’s memory really follows', () => {
    const cards = Array.from({ length: 120 }, (_, i) => ({ cardId: `c${i}`, deckId: 'd' }));
    const events = syntheticHistory({ cards, start: MOCK_NOW - 300 * 86_400_000, end: MOCK_NOW, newPerDay: 4, seed: 5 });
    const h = cardHistories(events);
    const defaults = evaluate(h);
    const truth = evaluate(h, TRUE_WEIGHTS);
    expect(truth.count).toBe(defaults.count);
    expect(truth.count).toBeGreaterThan(500);
    expect(truth.logLoss).toBeLessThan(defaults.logLoss);
    expect(isBetter(truth, defaults)).toBe(true);
    expect(isBetter(defaults, truth)).toBe(false);
  });
});
