// The deck compiler in Chromium (what "Add a deck from Markdown" runs): the Docker deck and a
// 10,000-row memo. Serves bench/browser/ with Vite's dev server and prints the figures.
//   npx tsx bench/compile-browser.ts
import { createServer } from 'vite';
import { launchBrowser } from '../test/e2e/browser';
import { freePort } from '../test/e2e/preview-server';

interface Figure { median: number; min: number; max: number; cards: number }
interface Result { error?: string; docker: Figure; tenK: Figure }

const port = await freePort();
const server = await createServer({ server: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/browser/compile.html`);
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 300_000 });
  const r = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Result;
  if (r.error) throw new Error(r.error);
  const line = (f: Figure) => `median ${f.median.toFixed(1)} ms (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)}), ${f.cards} cards`;
  console.log(`Chromium ${browser.version()}, deck compiler:`);
  console.log(`  docker deck (ja + en + notes):      ${line(r.docker)}   (goal < 50 ms)`);
  console.log(`  generated memo, 10,000 rows (en):   ${line(r.tenK)}   (goal < 1 s)`);
} finally {
  await browser.close();
  await server.close();
}
