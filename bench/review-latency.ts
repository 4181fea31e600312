// From a rating to the next card on screen, in Chromium, with 10,000 cards in the database (or
// --cards N). Builds the app with a generated 5,000-row deck (10,000 cards), lets 200 new cards a day into the
// queue, then rates cards with the keyboard and reads the `kujira:rate-to-next-card` performance
// measures the review screen records (mark at the key press, measure when the next card is in the
// DOM; the IndexedDB write of the rating happens in between), with 250 ms between showing an
// answer and rating it. Prints p50, p95 and max.
//   npx tsx bench/review-latency.ts [--ratings 100] [--cards 10000]
// The cards are a built-in deck, so the build precaches them: about 18,000 cards is the most the
// service worker's 8 MB limit per file takes (100,000 cards compile to a 43.7 MB chunk and the
// build stops). The 100k-card case needs its cards written to IndexedDB directly: not built.
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/e2e/browser';
import { startPreview } from '../test/e2e/preview-server';
import { buildWithGeneratedDeck } from './browser/build-with-deck';

const { values } = parseArgs({ options: { ratings: { type: 'string', default: '100' }, cards: { type: 'string', default: '10000' } } });
const RATINGS = Number(values.ratings);
/** Two cards a row: --cards 100000 builds a 50,000-row deck. */
const ROWS = Math.ceil(Number(values.cards) / 2);
const OUT_DIR = 'dist-bench';
const THINK_MS = 250;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  buildWithGeneratedDeck(ROWS, OUT_DIR);
  const server = await startPreview({ outDir: OUT_DIR });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(server.url + '/settings');
    const newPerDay = page.getByLabel('New cards per day', { exact: false }).first();
    await newPerDay.fill(String(RATINGS + 50));
    await newPerDay.blur();
    // Wait until the setting is on disk.
    await page.waitForFunction(
      (expected) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('kujira');
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('settings');
            get.onsuccess = () => resolve(get.result?.newPerDay === expected);
          };
          open.onerror = () => resolve(false);
        }),
      RATINGS + 50,
    );
    const cards = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('kujira');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('cardStates').objectStore('cardStates').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    console.log(`cards in the database: ${cards}`);

    await page.goto(server.url + '/review');
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    for (let i = 0; i < RATINGS; i++) {
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: /^Good/ }).waitFor({ timeout: 5000 }).catch(async (error) => {
        await page.screenshot({ path: '/tmp/bench-fail.png' });
        console.error(`rating ${i}: ${(await page.locator('main').innerText()).slice(0, 400)}`);
        throw error;
      });
      // A person reads the answer before rating: let the live queries the last rating set off
      // settle, as they do between real ratings (a rating pressed mid-query waits for it).
      await page.waitForTimeout(THINK_MS);
      await page.keyboard.press('3');
      await page.waitForFunction((n) => performance.getEntriesByName('kujira:rate-to-next-card').length >= n, i + 1);
    }
    const measures = async (name: string) =>
      (await page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name)).sort((a, b) => a - b);
    const line = (sorted: number[]) =>
      `p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`;
    const total = await measures('kujira:rate-to-next-card');
    const write = await measures('kujira:rate-write');
    console.log(`${total.length} ratings, ${cards} cards in the database, Chromium ${browser.version()}:`);
    console.log(`  rating -> next card on screen: ${line(total)}   (goal: p95 < 8 ms)`);
    console.log(`  of which the IndexedDB write (one transaction, log + state): ${line(write)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
