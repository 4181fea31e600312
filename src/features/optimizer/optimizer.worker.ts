// The optimizer's worker: fits FSRS to the learner's history with fsrs-rs (WebAssembly, loaded on
// the first fit), scores the current and the new weights, and runs the retention simulator, all
// off the page's thread so the settings page stays responsive. Cancel terminates the worker.
import { evaluate } from '../../domain/optimizer/evaluate';
import { fittedWeights } from '../../domain/optimizer/fitted-weights';
import { sweepRetention } from '../../domain/optimizer/simulate';
import { trainingSet } from '../../domain/optimizer/training-items';
import type { Phase, WorkerReply, WorkerRequest } from './protocol';

const post = (m: WorkerReply) => self.postMessage(m);
const progress = (phase: Phase, done = 0, total = 0) => post({ type: 'progress', phase, done, total });

async function train(req: Extract<WorkerRequest, { type: 'train' }>): Promise<void> {
  progress('loading');
  const wasm = await import('./fsrs-wasm');
  try {
    await wasm.loadFsrs();
  } catch (e) {
    post({ type: 'error', kind: 'wasm', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const set = trainingSet(req.histories);
  // fsrs-rs runs in one synchronous call: its own progress counter cannot be read from here
  // until it returns, so this phase shows as indeterminate.
  progress('training', 0, set.items);
  const t0 = performance.now();
  const raw = wasm.computeParameters(set);
  const trainMs = performance.now() - t0;
  const weights = fittedWeights(raw);
  progress('evaluating', 0, 2);
  const current = evaluate(req.histories, req.currentWeights ?? undefined);
  progress('evaluating', 1, 2);
  const candidate = weights ? evaluate(req.histories, weights) : null;
  post({ type: 'trained', result: { weights, current, candidate, items: set.items, reviews: set.reviews, trainMs } });
}

function simulate(req: Extract<WorkerRequest, { type: 'simulate' }>): void {
  const t0 = performance.now();
  const sweep = sweepRetention(req.input, undefined, (done, total) => progress('simulating', done, total));
  post({ type: 'simulated', sweep, ms: performance.now() - t0 });
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  (req.type === 'train' ? train(req) : Promise.resolve(simulate(req))).catch((x: unknown) =>
    post({ type: 'error', kind: 'failed', message: x instanceof Error ? x.message : String(x) }),
  );
};
