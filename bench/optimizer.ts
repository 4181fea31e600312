// The optimizer's figures in Node: the review log -> training items, fsrs-rs training
// (fsrs-browser's wasm, single-threaded, as in the app's worker) for 5k / 50k / 200k reviews of a
// generated learner, scoring, and the retention simulator (10k cards, 28 retentions, 365 days).
//   npx tsx bench/optimizer.ts [--quick]   (--quick: 5k and 50k only)
// The app runs the same code in a Web Worker in the browser: bench/optimizer-browser.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cardHistories, trainingSet } from '../src/domain/optimizer/training-items';
import { evaluate } from '../src/domain/optimizer/evaluate';
import { fittedWeights } from '../src/domain/optimizer/fitted-weights';
import { DEFAULT_COSTS, DEFAULT_SHARES, sweepRetention } from '../src/domain/optimizer/simulate';
import { mulberry32 } from '../src/domain/quiz/random';
import { syntheticHistory, TRUE_WEIGHTS } from '../test/fixtures/synthetic-history';

// fsrs-browser's glue listens for rayon's worker messages on `self` at load: give Node one.
(globalThis as { self?: unknown }).self ??= new EventTarget();
const require = createRequire(import.meta.url);
const wasmPath = require.resolve('fsrs-browser/fsrs_browser_bg.wasm');
const fsrs = await import('fsrs-browser');
const t0 = performance.now();
fsrs.initSync({ module: readFileSync(wasmPath) });
console.log(`fsrs-browser 5.2.0 wasm (${(readFileSync(wasmPath).length / 1e6).toFixed(2)} MB) compiled and started in ${(performance.now() - t0).toFixed(0)} ms`);

const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 27);
const quick = process.argv.includes('--quick');
const sizes = quick ? [5_000, 50_000] : [5_000, 50_000, 200_000];

function quiet<T>(f: () => T): T {
  // fsrs-rs prints each epoch's loss to the console.
  const { log, info, debug } = console;
  console.log = console.info = console.debug = () => {};
  try {
    return f();
  } finally {
    Object.assign(console, { log, info, debug });
  }
}

for (const n of sizes) {
  const cards = Array.from({ length: Math.ceil(n / 14) }, (_, i) => ({ cardId: `c${i}`, deckId: 'd' }));
  const events = syntheticHistory({ cards, start: END - 730 * DAY, end: END, newPerDay: Math.ceil(cards.length / 500), seed: n, maxReviews: n });
  let t = performance.now();
  const histories = cardHistories(events);
  const set = trainingSet(histories);
  const convertMs = performance.now() - t;
  t = performance.now();
  const raw = quiet(() => new fsrs.Fsrs().computeParameters(set.ratings, set.deltaTs, set.lengths, null, true));
  const trainMs = performance.now() - t;
  t = performance.now();
  const again = quiet(() => new fsrs.Fsrs().computeParameters(set.ratings, set.deltaTs, set.lengths, null, true));
  const warmMs = performance.now() - t;
  const w = fittedWeights(raw);
  t = performance.now();
  const before = evaluate(histories);
  const after = evaluate(histories, w ?? undefined);
  const truth = evaluate(histories, TRUE_WEIGHTS);
  const evalMs = (performance.now() - t) / 3;
  const err = w ? Math.sqrt(w.reduce((s, x, i) => s + (x - TRUE_WEIGHTS[i]!) ** 2, 0) / w.length) : NaN;
  console.log(
    `${events.length} reviews (${set.cards} cards, ${set.items} training items): log -> items ${convertMs.toFixed(0)} ms; ` +
      `train ${(trainMs / 1000).toFixed(2)} s (again ${(warmMs / 1000).toFixed(2)} s, same result: ${raw.every((x, i) => x === again[i])}); score ${evalMs.toFixed(0)} ms each`,
  );
  console.log(
    `  log loss default ${before.logLoss.toFixed(4)} / fitted ${after.logLoss.toFixed(4)} / true ${truth.logLoss.toFixed(4)}; ` +
      `RMSE (bins) ${before.rmseBins.toFixed(4)} / ${after.rmseBins.toFixed(4)} / ${truth.rmseBins.toFixed(4)}; weights' RMS distance to the true ones ${err.toFixed(3)}`,
  );
}

const rng = mulberry32(7);
const simCards = Array.from({ length: 10_000 }, () => ({
  stability: 1 + rng() * 60,
  difficulty: 3 + rng() * 5,
  sinceReview: Math.floor(rng() * 20),
  dueIn: Math.floor(rng() * 30) - 5,
}));
for (let run = 0; run < 2; run++) {
  const t = performance.now();
  const sweep = sweepRetention({ cards: simCards, newCards: 0, newPerDay: 20, maximumInterval: 36500, costs: DEFAULT_COSTS, shares: DEFAULT_SHARES, days: 365, seed: 1 });
  const ms = performance.now() - t;
  const reviews = sweep.results.reduce((s, r) => s + r.totalReviews, 0);
  console.log(`simulator: 10,000 cards x 28 retentions x 365 days (${(reviews / 1e6).toFixed(2)}M simulated reviews) in ${ms.toFixed(0)} ms (goal < 1 s); least work per card remembered at ${sweep.best}${sweep.bestAtFloor ? " (the floor)" : ""}, recommended ${sweep.recommended}`);
}
