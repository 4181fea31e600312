// Which FSRS weight vectors the scheduler can use as they are: ts-fsrs's accepted lengths and
// its own clamps (a stored log whose weights ts-fsrs clipped would not replay to what was shown).
import { CLAMP_PARAMETERS, W17_W18_Ceiling } from 'ts-fsrs';

/** Weight counts ts-fsrs accepts: FSRS-4.5 (17), FSRS-5 (19), FSRS-6 (21). */
const WEIGHT_COUNTS = [17, 19, 21];

/**
 * Why a weight vector is unusable, or null when ts-fsrs would use it as it is: a known length
 * and every weight within ts-fsrs's own clamps (it would silently clip anything outside them, so
 * a stored log whose weights were clipped would not replay to what was shown).
 */
export function weightsProblem(weights: readonly number[]): string | null {
  if (!WEIGHT_COUNTS.includes(weights.length)) return `${weights.length} weights (ts-fsrs takes 17, 19 or 21)`;
  const clamps = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const [lo, hi] = clamps[i] ?? [-Infinity, Infinity];
    if (!Number.isFinite(w) || w < lo! || w > hi!) return `weight ${i} is ${w}, outside ${lo}..${hi}`;
  }
  return null;
}

/** The weights moved into ts-fsrs's clamps (so that what is stored is exactly what is used). */
export function clampWeights(weights: readonly number[]): number[] {
  const clamps = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  return weights.map((w, i) => {
    const [lo, hi] = clamps[i] ?? [-Infinity, Infinity];
    return Math.min(Math.max(w, lo!), hi!);
  });
}
