// Messages between the settings page and the optimizer's worker.
import type { Evaluation } from '../../domain/optimizer/evaluate';
import type { SimulationInput, Sweep } from '../../domain/optimizer/simulate';
import type { CardHistory } from '../../domain/optimizer/training-items';

export type WorkerRequest =
  | { type: 'train'; histories: CardHistory[]; currentWeights: number[] | null }
  | { type: 'simulate'; input: SimulationInput };

/** 'reading' (the history from the database) happens on the page, before the worker starts. */
export type Phase = 'reading' | 'loading' | 'training' | 'evaluating' | 'simulating';

export interface TrainResult {
  /** Adoptable weights (clamped, rounded), or null when fsrs-rs returned none usable. */
  weights: number[] | null;
  current: Evaluation;
  candidate: Evaluation | null;
  items: number;
  reviews: number;
  trainMs: number;
}

export type WorkerReply =
  | { type: 'progress'; phase: Phase; done: number; total: number }
  | { type: 'trained'; result: TrainResult }
  | { type: 'simulated'; sweep: Sweep; ms: number }
  | { type: 'error'; kind: 'wasm' | 'failed'; message: string };
