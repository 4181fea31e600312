// Rebuilding every card state from 100,000 review-log entries in Chromium's real IndexedDB
// (bench/scheduler.ts measures the same on fake-indexeddb in Node). Serves bench/browser/ with
// Vite's dev server, runs the page in Debian's Chromium and prints the figures.
//   npx tsx bench/rebuild-browser.ts
import { createServer } from 'vite';
import { launchBrowser } from '../test/e2e/browser';
import { freePort } from '../test/e2e/preview-server';

interface Timings {
  readMs: number;
  replayMs: number;
  writeMs: number;
}
interface Result {
  error?: string;
  fillMs: number;
  statsMs: number[];
  totals: number[];
  written: number[];
  runs: Timings[];
  entries: number;
  cards: number;
  importPrepareMs: number;
  importWriteMs: number;
  fileMb: number;
}

const port = await freePort();
const server = await createServer({ server: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/browser/rebuild.html`);
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, {
    timeout: 300_000,
  });
  const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Result;
  if (result.error) throw new Error(result.error);
  const line = (i: number) => {
    const t = result.runs[i]!;
    return `${(result.totals[i]! / 1000).toFixed(2)} s (read ${(t.readMs / 1000).toFixed(2)} s, replay ${(t.replayMs / 1000).toFixed(2)} s, write ${(t.writeMs / 1000).toFixed(2)} s; ${result.written[i]} states written)`;
  };
  console.log(`Chromium ${browser.version()}, IndexedDB, ${result.entries} log entries over ${result.cards} cards (filled in ${(result.fillMs / 1000).toFixed(1)} s):`);
  console.log(`  rebuild, every state stale:        ${line(0)}   (goal < 1.5 s)`);
  console.log(`  rebuild again, every state right:  ${line(1)}`);
  console.log(`  and again:                         ${line(2)}`);
  console.log(`  statistics page's read (heatmap, retention, states): ${result.statsMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}`);
  console.log(`  import of the same ${result.entries} ratings as a ${result.fileMb.toFixed(1)} MB backup into a database with only the cards:`);
  console.log(`    read + check whole + plan (replay in memory): ${(result.importPrepareMs / 1000).toFixed(2)} s; write in chunks with states: ${(result.importWriteMs / 1000).toFixed(2)} s; in all ${((result.importPrepareMs + result.importWriteMs) / 1000).toFixed(2)} s   (goal < 6 s in all)`);
} finally {
  await browser.close();
  await server.close();
}
