// How well a set of FSRS weights predicts the learner's own history: log loss and RMSE (bins),
// the two figures Anki shows after optimizing. Each review on a later study day than the card's
// previous one is a prediction (the recall probability the weights give after that many days)
// and an outcome (remembered: any rating but Again). Same-day reviews move the memory state but
// are not scored, as in fsrs-rs.
import { memoryModel, type MemoryState } from '../scheduler/memory-model';
import type { CardHistory } from './training-items';

export interface Evaluation {
  /** Mean binary cross-entropy of the predictions (lower is better). */
  logLoss: number;
  /**
   * Root mean square of (mean predicted - observed recall) over bins of similar reviews, weighted
   * by each bin's size (lower is better): the srs-benchmark's "RMSE (bins)", whose bins group
   * reviews by interval, the card's review count and its lapses, each on a log scale of base 1.4.
   */
  rmseBins: number;
  /** Reviews scored. */
  count: number;
}

const EPS = 1e-6;

/** The bin of a count on the benchmark's log scale: 0, 1, 1, 2, 3, 4, 5, 5, 8, ... */
function logBin(x: number): number {
  if (x <= 0) return 0;
  return Math.round(Math.pow(1.4, Math.floor(Math.log(x) / Math.log(1.4))));
}

/** Score `weights` (absent: the FSRS-6 defaults) on the histories. */
export function evaluate(histories: readonly CardHistory[], weights?: readonly number[], onProgress?: (done: number, total: number) => void): Evaluation {
  const model = memoryModel(weights);
  let loss = 0;
  let count = 0;
  const bins = new Map<string, { p: number; y: number; n: number }>();
  for (let c = 0; c < histories.length; c++) {
    const steps = histories[c]!.steps;
    let state: MemoryState | null = null;
    let lapses = 0;
    for (let i = 0; i < steps.length; i++) {
      const { rating, days } = steps[i]!;
      if (state !== null && days > 0) {
        const p = Math.min(Math.max(model.recall(days, state.stability), EPS), 1 - EPS);
        const y = rating > 1 ? 1 : 0;
        loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        count++;
        const key = `${logBin(days)}|${logBin(i)}|${logBin(lapses)}`;
        const b = bins.get(key);
        if (b) {
          b.p += p;
          b.y += y;
          b.n++;
        } else bins.set(key, { p, y, n: 1 });
      }
      if (state !== null && rating === 1 && days > 0) lapses++;
      state = model.next(state, days, rating);
    }
    if (onProgress && (c & 1023) === 1023) onProgress(c + 1, histories.length);
  }
  let sq = 0;
  for (const b of bins.values()) sq += b.n * ((b.p - b.y) / b.n) ** 2;
  return { logLoss: count > 0 ? loss / count : NaN, rmseBins: count > 0 ? Math.sqrt(sq / count) : NaN, count };
}

/** Whether the new weights are worth adopting: they predict the same history better (log loss). */
export function isBetter(candidate: Evaluation, current: Evaluation): boolean {
  return Number.isFinite(candidate.logLoss) && candidate.count > 0 && candidate.logLoss < current.logLoss;
}
