// FSRS's memory model alone (no scheduling around it), over a plain array of weights: the
// optimizer's evaluation and the retention simulator run it millions of times.
import { computeDecayFactor, default_w, FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import type { Grade } from './types';

/** FSRS's memory state of a card: stability (days) and difficulty (1..10). */
export interface MemoryState {
  stability: number;
  difficulty: number;
}

/**
 * FSRS's memory model under a weight vector, without the scheduler around it: what the
 * optimizer's evaluation and the retention simulator need. The same formulas as fsrs-rs: a review
 * on the same study day as the previous one (0 days) takes the short-term stability.
 */
export interface MemoryModel {
  readonly weights: readonly number[];
  /** The state after a review `days` study days after the previous one (null: first review). */
  next(state: MemoryState | null, days: number, rating: Grade): MemoryState;
  /** Probability of recall `days` after a review that left `stability`. */
  recall(days: number, stability: number): number;
  /** The unrounded interval (days) at which recall falls to `retention`. */
  interval(stability: number, retention: number): number;
}

const S_MIN = 1e-3;
const S_MAX = 36_500;
const round8 = (x: number) => Math.round(x * 1e8) / 1e8;
const clampTo = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/**
 * The memory model of `weights` (absent: ts-fsrs's FSRS-6 defaults). The weights are the ones
 * ts-fsrs would use (after its own checks and clipping); the formulas are ts-fsrs's
 * FSRSAlgorithm.next_state and forgetting_curve, operation for operation, over a plain array:
 * ts-fsrs reads its weights through a Proxy on every access, which made the retention simulator's
 * inner loop three times slower. test/domain/scheduler/memory-model.test.ts holds the two to the
 * same bits.
 */
export function memoryModel(weights?: readonly number[]): MemoryModel {
  const algo = new FSRSAlgorithm(generatorParameters({ w: weights && weights.length > 0 ? [...weights] : [...default_w], enable_short_term: true, enable_fuzz: false }));
  const w = Float64Array.from(algo.parameters.w);
  const { decay, factor } = computeDecayFactor([...w]);
  const curve = (t: number, s: number) => round8(Math.pow(1 + (factor * t) / s, decay));
  const initDifficulty = (g: number) => round8(w[4]! - Math.exp((g - 1) * w[5]!) + 1);
  const initEasy = initDifficulty(4);
  const nextDifficulty = (d: number, g: number) => {
    const next = d + round8((-w[6]! * (g - 3) * (10 - d)) / 9);
    return clampTo(round8(w[7]! * initEasy + (1 - w[7]!) * next), 1, 10);
  };
  const shortTermRatio = Math.exp(w[17]! * w[18]!);
  const next = (state: MemoryState | null, days: number, g: Grade): MemoryState => {
    const t = Math.max(0, days);
    if (state === null || (state.difficulty === 0 && state.stability === 0)) {
      return { difficulty: clampTo(initDifficulty(g), 1, 10), stability: Math.max(w[g - 1]!, 0.1) };
    }
    const { difficulty: d, stability: s } = state;
    if (d < 1 || s < S_MIN) throw new RangeError(`Invalid memory state { difficulty: ${d}, stability: ${s} }`);
    const r = curve(t, s);
    let ns: number;
    if (t === 0) {
      const sinc = Math.pow(s, -w[19]!) * Math.exp(w[17]! * (g - 3 + w[18]!));
      ns = round8(clampTo(s * (g >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
    } else if (g === 1) {
      const afterFail = round8(clampTo(w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp((1 - r) * w[14]!), S_MIN, S_MAX));
      ns = clampTo(round8(s / shortTermRatio), S_MIN, afterFail);
    } else {
      const hard = g === 2 ? w[15]! : 1;
      const easy = g === 4 ? w[16]! : 1;
      ns = round8(clampTo(s * (1 + Math.exp(w[8]!) * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - r) * w[10]!) - 1) * hard * easy), S_MIN, S_MAX));
    }
    return { difficulty: nextDifficulty(d, g), stability: ns };
  };
  return {
    weights: Array.from(w),
    next,
    recall: (days, stability) => curve(Math.max(0, days), stability),
    interval: (stability, retention) => (stability / factor) * (Math.pow(retention, 1 / decay) - 1),
  };
}
