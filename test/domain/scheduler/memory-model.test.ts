// memoryModel() writes ts-fsrs's next_state and forgetting_curve out over a plain array (the
// simulator's inner loop): it must give ts-fsrs's results bit for bit, for the default weights
// and for fitted ones, on every kind of step (first review, same day, lapse, recall).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FSRSAlgorithm, default_w, forgetting_curve, generatorParameters } from 'ts-fsrs';
import { memoryModel } from '../../../src/domain/scheduler/memory-model';
import type { Grade } from '../../../src/domain/scheduler/types';
import { TRUE_WEIGHTS } from '../../fixtures/synthetic-history';

const grade = fc.constantFrom<Grade>(1, 2, 3, 4);

describe.each([
  ['default weights', [...default_w]],
  ['fitted weights', [...TRUE_WEIGHTS]],
])('memoryModel with %s', (_name, weights) => {
  const algo = new FSRSAlgorithm(generatorParameters({ w: weights, enable_short_term: true }));
  const model = memoryModel(weights);

  it('matches ts-fsrs next_state on random histories', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(grade, fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 30 }), (steps) => {
        let ours = model.next(null, 0, steps[0]![0]);
        let theirs = algo.next_state(null, 0, steps[0]![0]);
        expect(ours).toEqual(theirs);
        for (const [g, days] of steps.slice(1)) {
          ours = model.next(ours, days, g);
          theirs = algo.next_state(theirs, days, g);
          expect(ours).toEqual(theirs);
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('matches ts-fsrs forgetting_curve, and recall at t = S is 0.9', () => {
    for (const s of [0.1, 1, 3.7, 40, 900]) {
      for (const t of [0, 1, 2, 10, 365]) expect(model.recall(t, s)).toBe(forgetting_curve(weights, t, s));
      expect(model.recall(s, s)).toBeCloseTo(0.9, 7);
    }
  });

  it('gives the interval where recall falls to the retention', () => {
    for (const r of [0.7, 0.85, 0.9, 0.97]) expect(model.recall(model.interval(25, r), 25)).toBeCloseTo(r, 6);
  });
});
