// Turning what fsrs-rs returns into weights ts-fsrs uses exactly as stored.
import { clampWeights, weightsProblem } from '../scheduler/weights';
import { FSRS_MODEL_WEIGHTS } from './fitted-params';

/**
 * fsrs-rs's f32 output as stored weights: rounded to 4 decimals (what Anki shows; f32 noise is
 * not information) and moved into ts-fsrs's clamps. Null when it is not an FSRS-6 weight vector.
 */
export function fittedWeights(raw: ArrayLike<number>): number[] | null {
  if (raw.length !== FSRS_MODEL_WEIGHTS) return null;
  const w = Array.from(raw, (x) => Math.round(x * 10_000) / 10_000);
  if (!w.every(Number.isFinite)) return null;
  const clamped = clampWeights(w);
  return weightsProblem(clamped) === null ? clamped : null;
}

