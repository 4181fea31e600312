// Runs in Chromium (served by Vite, driven by bench/optimizer-browser.ts): the app's optimizer
// worker (src/features/optimizer) fits generated histories of 5k / 50k / 200k reviews, each in a
// fresh worker (cold: the wasm is compiled again) and once more in another fresh worker, then
// simulates 10,000 cards over 365 days for 28 retentions. No COOP/COEP: single-threaded.
import { cardHistories } from '../../src/domain/optimizer/training-items';
import { DEFAULT_COSTS, DEFAULT_SHARES } from '../../src/domain/optimizer/simulate';
import { mulberry32 } from '../../src/domain/quiz/random';
import { simulateInWorker, trainInWorker } from '../../src/features/optimizer/optimizer-client';
import { syntheticHistory } from '../../test/fixtures/synthetic-history';
import { publishResult } from './publish-result';

const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 27);
const sizes = new URLSearchParams(location.search).get('sizes')?.split(',').map(Number) ?? [5_000, 50_000, 200_000];

interface Row {
  reviews: number;
  items: number;
  runs: { trainMs: number; totalMs: number }[];
  logLoss: [number, number];
}

async function run() {
  const rows: Row[] = [];
  for (const n of sizes) {
    const cards = Array.from({ length: Math.ceil(n / 14) }, (_, i) => ({ cardId: `c${i}`, deckId: 'd' }));
    const events = syntheticHistory({ cards, start: END - 730 * DAY, end: END, newPerDay: Math.ceil(cards.length / 500), seed: n, maxReviews: n });
    const histories = cardHistories(events);
    const row: Row = { reviews: events.length, items: 0, runs: [], logLoss: [0, 0] };
    for (let k = 0; k < 2; k++) {
      const t = performance.now();
      const r = await trainInWorker({ type: 'train', histories, currentWeights: null }, () => {}).result;
      row.runs.push({ trainMs: r.trainMs, totalMs: performance.now() - t });
      row.items = r.items;
      row.logLoss = [r.current.logLoss, r.candidate?.logLoss ?? NaN];
    }
    rows.push(row);
  }
  const rng = mulberry32(7);
  const simCards = Array.from({ length: 10_000 }, () => ({
    stability: 1 + rng() * 60,
    difficulty: 3 + rng() * 5,
    sinceReview: Math.floor(rng() * 20),
    dueIn: Math.floor(rng() * 30) - 5,
  }));
  const sims: number[] = [];
  for (let k = 0; k < 2; k++) {
    const s = await simulateInWorker(
      { type: 'simulate', input: { cards: simCards, newCards: 0, newPerDay: 20, maximumInterval: 36500, costs: DEFAULT_COSTS, shares: DEFAULT_SHARES, days: 365, seed: 1 } },
      () => {},
    ).result;
    sims.push(s.ms);
  }
  return { rows, sims };
}

publishResult(run());
