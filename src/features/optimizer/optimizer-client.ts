// The page's side of the optimizer's worker: one job at a time, progress as it comes, and Cancel,
// which ends the worker (fsrs-rs cannot be interrupted inside its one call). The worker module is
// created only here, when a job starts: the browser fetches it (and, for a fit, the wasm) then.
import type { Phase, TrainResult, WorkerReply, WorkerRequest } from './protocol';
import type { Sweep } from '../../domain/optimizer/simulate';

export interface Job<T> {
  result: Promise<T>;
  cancel: () => void;
}

/** A job the learner cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** The worker failed; `kind` 'wasm' means WebAssembly is unavailable here. */
export class OptimizerError extends Error {
  constructor(
    readonly kind: 'wasm' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'OptimizerError';
  }
}

export type ProgressListener = (phase: Phase, done: number, total: number) => void;

/** Makes the worker (replaced in tests). */
export type WorkerFactory = () => Worker;

export const createOptimizerWorker: WorkerFactory = () =>
  new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module', name: 'kujira-optimizer' });

function run<T>(request: WorkerRequest, pick: (m: WorkerReply) => T | undefined, onProgress: ProgressListener, factory: WorkerFactory): Job<T> {
  let worker: Worker | null = null;
  let reject: (e: unknown) => void = () => {};
  const result = new Promise<T>((resolve, rej) => {
    reject = rej;
    try {
      worker = factory();
    } catch (e) {
      rej(new OptimizerError('wasm', e instanceof Error ? e.message : String(e)));
      return;
    }
    const finish = () => {
      worker?.terminate();
      worker = null;
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.phase, m.done, m.total);
      finish();
      if (m.type === 'error') return rej(new OptimizerError(m.kind, m.message));
      const value = pick(m);
      if (value === undefined) rej(new OptimizerError('failed', `unexpected reply ${m.type}`));
      else resolve(value);
    };
    worker.onerror = (e: ErrorEvent) => {
      finish();
      // A worker that cannot even load (no module workers, blocked script) is "not available here".
      rej(new OptimizerError('wasm', e.message || 'the optimizer could not start'));
    };
    worker.postMessage(request);
  });
  return {
    result,
    cancel: () => {
      if (worker === null) return;
      worker.terminate();
      worker = null;
      reject(new CancelledError());
    },
  };
}

export function trainInWorker(
  request: Extract<WorkerRequest, { type: 'train' }>,
  onProgress: ProgressListener,
  factory: WorkerFactory = createOptimizerWorker,
): Job<TrainResult> {
  return run(request, (m) => (m.type === 'trained' ? m.result : undefined), onProgress, factory);
}

export function simulateInWorker(
  request: Extract<WorkerRequest, { type: 'simulate' }>,
  onProgress: ProgressListener,
  factory: WorkerFactory = createOptimizerWorker,
): Job<{ sweep: Sweep; ms: number }> {
  return run(request, (m) => (m.type === 'simulated' ? { sweep: m.sweep, ms: m.ms } : undefined), onProgress, factory);
}
