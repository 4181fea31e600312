// The optimizer in Chromium: the app's worker fitting 5k / 50k / 200k generated reviews with
// fsrs-rs (wasm, single-threaded, no COOP/COEP), and the retention simulator in the same worker.
// Serves bench/browser/ with Vite's dev server and prints the figures.
//   npx tsx bench/optimizer-browser.ts [--quick]
import { createServer } from 'vite';
import { launchBrowser } from '../test/e2e/browser';
import { freePort } from '../test/e2e/preview-server';

interface Result {
  error?: string;
  rows: { reviews: number; items: number; runs: { trainMs: number; totalMs: number }[]; logLoss: [number, number] }[];
  sims: number[];
}

const quick = process.argv.includes('--quick');
const port = await freePort();
const server = await createServer({ server: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/browser/optimizer.html${quick ? '?sizes=5000,50000' : ''}`);
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 900_000 });
  const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Result;
  if (result.error) throw new Error(result.error);
  console.log(`Chromium ${browser.version()}, the optimizer's worker (fsrs-browser 5.2.0, single-threaded, no cross-origin isolation):`);
  for (const r of result.rows) {
    const [cold, again] = r.runs;
    console.log(
      `  ${r.reviews} reviews (${r.items} training items): fit ${(cold!.trainMs / 1000).toFixed(2)} s in a fresh worker ` +
        `(start to compared result ${(cold!.totalMs / 1000).toFixed(2)} s), again ${(again!.trainMs / 1000).toFixed(2)} s; ` +
        `log loss ${r.logLoss[0].toFixed(4)} -> ${r.logLoss[1].toFixed(4)}`,
    );
  }
  console.log(`  simulator, 10,000 cards x 28 retentions x 365 days: ${result.sims.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (goal < 1 s)`);
} finally {
  await browser.close();
  await server.close();
}
