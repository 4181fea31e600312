// The personal parameters a learner can adopt: FSRS weights with the model version they belong to.
// Part of the settings model, so it stays off ts-fsrs (which the first visit does not load): the
// clamps are checked where weights come in, when fitted (./fitted-weights.ts) and when an event
// arrives from outside (../events/check.ts).

/** The FSRS model the scheduler runs: weights of another model (FSRS-7 later) are not used by it. */
export const FSRS_MODEL = 'FSRS-6';
export const FSRS_MODEL_WEIGHTS = 21;

/** Personal FSRS parameters (a setting; null means the FSRS-6 defaults). */
export interface FsrsParams {
  model: string;
  weights: number[];
}

/** Stored parameters as they are, or null when unusable (unknown model, bad weights). */
export function normalizeFsrsParams(p: unknown): FsrsParams | null {
  if (typeof p !== 'object' || p === null) return null;
  const { model, weights } = p as Partial<FsrsParams>;
  if (typeof model !== 'string' || !Array.isArray(weights) || !weights.every((x) => typeof x === 'number')) return null;
  if (!weights.every(Number.isFinite)) return null;
  return { model, weights: [...weights] };
}

/** The weights the scheduler uses: the learner's when they are for the model it runs, else none (defaults). */
export function weightsInForce(p: FsrsParams | null): number[] | undefined {
  return p !== null && p.model === FSRS_MODEL && p.weights.length === FSRS_MODEL_WEIGHTS ? [...p.weights] : undefined;
}
