// Fitted weights as stored (rounded, inside ts-fsrs's clamps), the parameters setting, and what
// the scheduler uses: the learner's weights only for the model it runs; per-deck retention.
import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { FSRS_MODEL, normalizeFsrsParams, weightsInForce } from '../../../src/domain/optimizer/fitted-params';
import { fittedWeights } from '../../../src/domain/optimizer/fitted-weights';
import { weightsProblem } from '../../../src/domain/scheduler/weights';
import { normalizeSettings } from '../../../src/domain/settings/settings';
import { schedulerParamsOf, retentionOf } from '../../../src/domain/settings/scheduler-settings';
import { TRUE_WEIGHTS } from '../../fixtures/synthetic-history';

describe('fittedWeights', () => {
  it('rounds f32 output to 4 decimals and keeps it inside ts-fsrs clamps', () => {
    const raw = Float32Array.from(TRUE_WEIGHTS.map((x) => x + 0.000012));
    const w = fittedWeights(raw)!;
    expect(w).toEqual([...TRUE_WEIGHTS]);
    expect(weightsProblem(w)).toBeNull();
    const wild = Float32Array.from(default_w);
    wild[0] = 5000; // above the initial stability clamp
    wild[19] = -3;
    const clamped = fittedWeights(wild)!;
    expect(weightsProblem(clamped)).toBeNull();
    expect(clamped[0]).toBeLessThan(5000);
  });

  it('refuses vectors of another length or with non-numbers', () => {
    expect(fittedWeights(new Float32Array(19))).toBeNull();
    expect(fittedWeights(Float32Array.from(default_w, (x, i) => (i === 3 ? NaN : x)))).toBeNull();
  });
});

describe('the parameters setting', () => {
  it('keeps parameters of another model but does not use them', () => {
    expect(normalizeFsrsParams({ model: 'FSRS-7', weights: [1, 2, 3] })).toEqual({ model: 'FSRS-7', weights: [1, 2, 3] });
    expect(weightsInForce({ model: 'FSRS-7', weights: [...TRUE_WEIGHTS] })).toBeUndefined();
    expect(weightsInForce({ model: FSRS_MODEL, weights: [...TRUE_WEIGHTS] })).toEqual([...TRUE_WEIGHTS]);
    expect(normalizeFsrsParams({ model: FSRS_MODEL, weights: [1, 'x'] })).toBeNull();
    expect(normalizeFsrsParams(null)).toBeNull();
  });

  it('puts the weights and the deck’s retention into the scheduler parameters', () => {
    const s = normalizeSettings({ desiredRetention: 0.9, fsrsParams: { model: FSRS_MODEL, weights: [...TRUE_WEIGHTS] }, deckRetention: { git: 0.85, bad: 2 } });
    expect(s.deckRetention).toEqual({ bad: 0.97, git: 0.85 });
    expect(retentionOf(s, 'git')).toBe(0.85);
    expect(retentionOf(s, 'docker')).toBe(0.9);
    expect(schedulerParamsOf(s, 'git')).toMatchObject({ desiredRetention: 0.85, weights: [...TRUE_WEIGHTS] });
    expect(schedulerParamsOf(s)).toMatchObject({ desiredRetention: 0.9 });
    expect(schedulerParamsOf(normalizeSettings({})).weights).toBeUndefined();
  });
});
