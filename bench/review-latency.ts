// From a rating to the next card on screen, in Chromium, with 10,000 cards in the database (or
// --cards N), made from a generated memo of N / 2 command rows (two cards a row). Lets --ratings + 50
// new cards a day into the queue, then rates cards with the keyboard and reads the
// `kujira:rate-to-next-card` performance measures the review screen records (mark at the key
// press, measure when the next card is in the DOM; the IndexedDB write of the rating happens in
// between), with 250 ms between showing an answer and rating it. Prints p50, p95 and max, and the
// same for the floor: a bare IndexedDB transaction of the rating's reads and writes.
//   npx tsx bench/review-latency.ts [--ratings 100] [--cards 10000] [--deck built-in|added]
// --deck says how the cards reach the app:
//   built-in (the default): the memo is built into the app as a built-in deck. The build precaches
//     the deck's chunk, and the service worker takes at most 8 MB a file: about 18,000 cards is the
//     most (100,000 cards compile to a 43.7 MB chunk and the build stops).
//   added: the app is built with its own decks only, and the memo is added on the Decks page as a
//     learner adds one (the file input, the preview, "Add the deck": compiled in the page, stored
//     in `storedDecks` and installed in one transaction). Any N: the 100,000-card case runs so, in
//     about 3 min (most of it adding the deck), and is left out of `npm run bench` for that.
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/e2e/browser';
import { startPreview } from '../test/e2e/preview-server';
import { buildPlain, buildWithGeneratedDeck, generatedBenchMemo } from './browser/build-with-deck';

const { values } = parseArgs({
  options: { ratings: { type: 'string', default: '100' }, cards: { type: 'string', default: '10000' }, deck: { type: 'string', default: 'built-in' } },
});
const RATINGS = Number(values.ratings);
/** Two cards a row: --cards 100000 makes a 50,000-row memo. */
const ROWS = Math.ceil(Number(values.cards) / 2);
const DECK = values.deck;
if (DECK !== 'built-in' && DECK !== 'added') throw new Error(`--deck ${DECK}: built-in or added`);
const OUT_DIR = 'dist-bench';
const THINK_MS = 250;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  if (DECK === 'built-in') buildWithGeneratedDeck(ROWS, OUT_DIR);
  else buildPlain(OUT_DIR);
  const server = await startPreview({ outDir: OUT_DIR });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    if (DECK === 'added') {
      // As a learner adds a deck: choose the file, wait for the preview, add it.
      await page.goto(server.url + '/decks');
      const t0 = Date.now();
      await page.getByLabel('Markdown files').setInputFiles({ name: 'memo.en.md', mimeType: 'text/markdown', buffer: Buffer.from(generatedBenchMemo(ROWS)) });
      await page.getByRole('button', { name: 'Add the deck' }).waitFor({ timeout: 600_000 });
      const t1 = Date.now();
      await page.getByRole('button', { name: 'Add the deck' }).click();
      await page.getByText(/^Added “Bench”/).waitFor({ timeout: 600_000 });
      const t2 = Date.now();
      console.log(`added the memo on the Decks page: compile and preview ${((t1 - t0) / 1000).toFixed(1)} s, store and install ${((t2 - t1) / 1000).toFixed(1)} s`);
    }
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
    // The floor under the same database: a bare IndexedDB transaction (no Dexie, no app code) of
    // the rating's reads and writes on a random card (its state, the counter, a log row added,
    // the state and the counter put back unchanged), as often and as far apart as the ratings.
    // tsx keeps function names with a __name helper that the page lacks.
    await page.evaluate('globalThis.__name = (f) => f');
    const floor = (
      await page.evaluate(
        async ({ n, gap }) => {
          const done = <T,>(r: IDBRequest<T>) =>
            new Promise<T>((resolve, reject) => {
              r.onsuccess = () => resolve(r.result);
              r.onerror = () => reject(r.error);
            });
          const idb = await done(indexedDB.open('kujira'));
          const ids = await done(idb.transaction('cardStates').objectStore('cardStates').getAllKeys());
          const last = await done(idb.transaction('reviewLog').objectStore('reviewLog').index('[device+seq]').openCursor(null, 'prev'));
          const template = last!.value as Record<string, unknown>;
          const times: number[] = [];
          for (let i = 0; i < n; i++) {
            await new Promise((resolve) => setTimeout(resolve, gap));
            const cardId = ids[Math.floor(Math.random() * ids.length)]!;
            const t0 = performance.now();
            const tx = idb.transaction(['cardStates', 'reviewLog', 'meta'], 'readwrite');
            const committed = new Promise<void>((resolve, reject) => {
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            });
            const [state, seq] = await Promise.all([done(tx.objectStore('cardStates').get(cardId)), done(tx.objectStore('meta').get('seq'))]);
            tx.objectStore('reviewLog').add({ ...template, id: `floor-${i}`, cardId });
            tx.objectStore('cardStates').put(state);
            if (seq) tx.objectStore('meta').put(seq);
            await committed;
            times.push(performance.now() - t0);
          }
          idb.close();
          return times;
        },
        { n: RATINGS, gap: THINK_MS },
      )
    ).sort((a, b) => a - b);
    const measures = async (name: string) =>
      (await page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name)).sort((a, b) => a - b);
    const line = (sorted: number[]) =>
      `p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`;
    const total = await measures('kujira:rate-to-next-card');
    const write = await measures('kujira:rate-write');
    console.log(`${total.length} ratings, ${cards} cards in the database, Chromium ${browser.version()}:`);
    console.log(`  rating -> next card on screen: ${line(total)}   (goal: p95 < 8 ms)`);
    console.log(`  of which the IndexedDB write (one transaction, log + state): ${line(write)}`);
    console.log(`  the floor, a bare IndexedDB transaction of the same reads and writes: ${line(floor)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
