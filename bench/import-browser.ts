// The first phase of a backup import (read, check whole, plan) in Chromium: the 100,000-rating
// file of bench/rebuild-browser.ts, prepared several times into a database holding only the cards
// (nothing written; the write phase is the other bench's). Serves bench/browser/ with Vite's dev
// server and prints each round. ROUNDS sets the rounds (3); CPU_PROFILE=<file> saves a
// Chrome DevTools CPU profile of the rounds.
//   npx tsx bench/import-browser.ts
import { writeFileSync } from 'node:fs';
import { createServer } from 'vite';
import { launchBrowser } from '../test/e2e/browser';
import { freePort } from '../test/e2e/preview-server';

interface Result {
  error?: string;
  prepareMs: number[];
  entries: number;
  cards: number;
  fileMb: number;
}

const rounds = Number(process.env.ROUNDS ?? 3);
const port = await freePort();
const server = await createServer({ server: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  const profileTo = process.env.CPU_PROFILE;
  const cdp = profileTo ? await page.context().newCDPSession(page) : null;
  // The page brackets its rounds with console.profile(), so the profile leaves out the set-up.
  const profiled = new Promise<unknown>((resolve) => cdp?.on('Profiler.consoleProfileFinished', (e) => resolve(e.profile)));
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  }
  await page.goto(`http://127.0.0.1:${port}/bench/browser/import.html?rounds=${rounds}`);
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 300_000 });
  const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Result;
  if (cdp && profileTo) writeFileSync(profileTo, JSON.stringify(await profiled));
  if (result.error) throw new Error(result.error);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`Chromium ${browser.version()}, ${result.entries} ratings over ${result.cards} cards, a ${result.fileMb.toFixed(1)} MB format-2 file:`);
  console.log(`  read + check whole + plan, each round: ${result.prepareMs.map(s).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
