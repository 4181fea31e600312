// The check of a rating's scheduler parameters answers from the last set checked while the values
// are the same (a log repeats one set thousands of times): it must never answer for other values.
import { describe, expect, it } from 'vitest';
import { paramsProblem } from '../../../src/domain/events/check';
import type { SchedulerParams } from '../../../src/domain/scheduler/types';

const WEIGHTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
const params = (overrides: Partial<SchedulerParams> = {}): SchedulerParams => ({
  desiredRetention: 0.9,
  maximumInterval: 36500,
  enableFuzz: true,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  weights: [...WEIGHTS],
  ...overrides,
});

describe('paramsProblem', () => {
  it('finds the one bad set in a run of good ones that differ from it by one value', () => {
    expect(paramsProblem(params())).toBeNull();
    expect(paramsProblem(params())).toBeNull();
    expect(paramsProblem(params({ weights: WEIGHTS.map((w, i) => (i === 5 ? 99 : w)) }))?.field).toBe('params.weights');
    expect(paramsProblem(params())).toBeNull();
    expect(paramsProblem(params({ learningSteps: ['1m', '31d'] }))?.field).toBe('params.learningSteps[1]');
    expect(paramsProblem(params({ learningSteps: ['1m', '31d'] }), 'changes')?.field).toBe('changes.learningSteps[1]');
  });

  it('never answers for a set changed in place since it was checked', () => {
    const p = params();
    expect(paramsProblem(p)).toBeNull();
    p.relearningSteps.push('40d');
    expect(paramsProblem(p)?.field).toBe('params.relearningSteps[1]');
    p.relearningSteps.pop();
    (p as { maximumInterval: number }).maximumInterval = 0;
    expect(paramsProblem(p)?.field).toBe('params.maximumInterval');
  });
});
