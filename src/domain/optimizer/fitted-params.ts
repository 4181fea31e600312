// The personal parameters a learner can adopt: FSRS weights with the model version they belong to,
// and turning what fsrs-rs returns into weights ts-fsrs uses exactly as stored.
import { clampWeights, weightsProblem } from '../scheduler/scheduler';

/** The FSRS model the scheduler runs: weights of another model (FSRS-7 later) are not used by it. */
export const FSRS_MODEL = 'FSRS-6';
export const FSRS_MODEL_WEIGHTS = 21;

/** Personal FSRS parameters (a setting; null means the FSRS-6 defaults). */
export interface FsrsParams {
  model: string;
  weights: number[];
}

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

/** Stored parameters as they are, or null when unusable (unknown model, bad weights). */
export function normalizeFsrsParams(p: unknown): FsrsParams | null {
  if (typeof p !== 'object' || p === null) return null;
  const { model, weights } = p as Partial<FsrsParams>;
  if (typeof model !== 'string' || !Array.isArray(weights) || !weights.every((x) => typeof x === 'number')) return null;
  if (model === FSRS_MODEL && weightsProblem(weights) !== null) return null;
  return { model, weights: [...weights] };
}

/** The weights the scheduler uses: the learner's when they are for the model it runs, else none (defaults). */
export function weightsInForce(p: FsrsParams | null): number[] | undefined {
  return p !== null && p.model === FSRS_MODEL && p.weights.length === FSRS_MODEL_WEIGHTS ? [...p.weights] : undefined;
}
