// The wasm boundary: the one file that imports fsrs-browser (fsrs-rs compiled to WebAssembly).
// Loaded only inside the optimizer's worker, and only when the learner asks for a fit: the
// module and its 1.7 MB wasm never reach the first visit. Single-threaded: rayon's thread pool
// needs a cross-origin isolated page (COOP/COEP), which a static host cannot promise; training
// alone does not.
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import type { TrainingSet } from '../../domain/optimizer/training-items';

/** WebAssembly is missing or the module would not start (an old browser, a locked-down one). */
export class WasmUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The optimizer's WebAssembly module could not start: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'WasmUnavailableError';
  }
}

let ready: Promise<void> | null = null;

/** Fetch and instantiate the module once (the service worker serves it offline after the first time). */
export function loadFsrs(url: string | URL = wasmUrl): Promise<void> {
  if (typeof WebAssembly !== 'object') return Promise.reject(new WasmUnavailableError('no WebAssembly'));
  ready ??= init({ module_or_path: url }).then(
    () => undefined,
    (e: unknown) => {
      ready = null;
      throw new WasmUnavailableError(e);
    },
  );
  return ready;
}

/** Fit FSRS-6 to the items (fsrs-rs's computeParameters, short-term memory on): 21 raw f32 weights. */
export function computeParameters(set: TrainingSet): Float32Array {
  // fsrs-rs logs every epoch's loss through console.log/info: not the learner's console's business.
  const { log, info, debug } = console;
  console.log = console.info = console.debug = () => {};
  try {
    // computeParameters consumes the Fsrs object: a fresh one each time.
    return new Fsrs().computeParameters(set.ratings, set.deltaTs, set.lengths, null, true);
  } finally {
    Object.assign(console, { log, info, debug });
  }
}
