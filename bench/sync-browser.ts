// Live sync measured in Debian's Chromium against the built app (run `npx vite build` first):
// the initial sync of 10k and 100k rating events from the dev server into an empty device (the
// real IndexedDB store, each event checked like a backup import and replayed), through the
// Settings -> Sync page, and rating -> visible on a second profile, p50/p95 over RATINGS ratings.
// Prints figures; asserts nothing.   npx tsx bench/sync-browser.ts   (SIZES=10000,100000 RATINGS=100)
// DECK_ROWS=5000 builds the app with a generated 10k-card deck instead (into dist-bench-sync/) and
// spreads the events over its cards; RATINGS=0 skips the rating -> other profile part.
import type { Page } from 'playwright-core';
import { startSyncServer, type SyncServer } from '../scripts/sync-server';
import { launchBrowser } from '../test/e2e/browser';
import { startPreview } from '../test/e2e/preview-server';
import { eventToDoc } from '../src/sync/event-docs';
import { createDatabase } from '../test/sync/helpers';
import { ratingHistory } from './rating-history';
import { buildWithGeneratedDeck } from './browser/build-with-deck';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** The page's own requests to the sync server, by kind, from its Resource Timing entries (request sent to last byte). */
function serverTime(page: Page): Promise<Record<string, { n: number; ms: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { n: number; ms: number }> = {};
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const path = new URL(e.name).pathname;
      if (!/_changes|_local|_session|_bulk_docs|_revs_diff/.test(path) || e.name.includes("feed=longpoll")) continue;
      const kind = path.includes('_local') ? '_local' : path.split('/').pop()!;
      const k = (out[kind] ??= { n: 0, ms: 0 });
      k.n += 1;
      // duration, not requestStart: a cross-origin entry without Timing-Allow-Origin zeroes the detail.
      k.ms += e.duration;
    }
    return out;
  });
}

function idbCount(page: Page, store: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kujira');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const r = db.transaction(name).objectStore(name).count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return n;
  }, store);
}

async function startSync(page: Page, baseUrl: string, server: SyncServer, dbUrl: string) {
  await page.goto(`${baseUrl}/settings/sync?server=${encodeURIComponent(dbUrl)}`);
  await page.getByLabel('User name').fill(server.user.name);
  await page.getByLabel('Password', { exact: true }).fill(server.user.password);
  await page.getByRole('button', { name: 'Start sync' }).click();
}

const deckRows = Number(process.env.DECK_ROWS ?? 0);
const preview = await startPreview(deckRows > 0 ? { outDir: buildWithGeneratedDeck(deckRows, 'dist-bench-sync') } : {});
const server = await startSyncServer({ port: 0 });
const browser = await launchBrowser();
const auth = { authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`, 'content-type': 'application/json' };
try {
  // The deck's card ids, read once from a device that opened the app.
  const probe = await (await browser.newContext()).newPage();
  await probe.goto(preview.url + '/');
  await probe.getByRole('link', { name: 'Start review' }).waitFor({ timeout: 120_000 });
  const cards = (await probe.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('kujira');
      r.onsuccess = () => resolve(r.result);
    });
    return new Promise((resolve) => {
      const r = db.transaction('cards').objectStore('cards').getAll();
      r.onsuccess = () => resolve((r.result as { id: string; deckId: string }[]).map((c) => ({ id: c.id, deckId: c.deckId })));
    });
  })) as { id: string; deckId: string }[];

  for (const n of (process.env.SIZES ?? '10000,100000').split(',').map(Number)) {
    const dbUrl = await createDatabase(server, `bench-browser-${n}`);
    // Ending an hour ago: a document stamped in the device's future would be held, not applied.
    const events = ratingHistory(n, cards, Date.now() - 3_600_000);
    for (let i = 0; i < events.length; i += 5000) {
      const res = await fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: events.slice(i, i + 5000).map(eventToDoc), new_edits: false }) });
      if (!res.ok) throw new Error(`seeding: ${res.status}`);
    }
    const page = await (await browser.newContext()).newPage();
    // Room for every request's timing (the default buffer keeps 250).
    await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
    const progress = new Set<string>();
    await page.goto(preview.url + '/');
    await page.getByRole('link', { name: 'Start review' }).waitFor({ timeout: 30_000 });
    const t = performance.now();
    await startSync(page, preview.url, server, dbUrl);
    const status = page.getByRole('status').filter({ hasText: /Sync|Synced/ }).first();
    for (;;) {
      const text = (await status.textContent()) ?? '';
      if (text.startsWith('Syncing')) progress.add(text);
      if (text.startsWith('Synced') && (await idbCount(page, 'reviewLog')) >= n) break;
      if (/refused|no such|cannot|not what/.test(text)) throw new Error(text);
      if (performance.now() - t > 900_000) throw new Error(`gave up after 900 s at ${await idbCount(page, 'reviewLog')} events`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const s = (performance.now() - t) / 1000;
    console.log(
      `initial sync of ${n.toLocaleString('en')} events on ${cards.length} cards to an empty device (Chromium, the app's IndexedDB): ${s.toFixed(1)} s, ${Math.round(n / s).toLocaleString('en')} events/s, ${progress.size} distinct progress lines shown   (goal: < 30 s with progress)`,
    );
    const answers = await serverTime(page);
    const serverMs = Object.values(answers).reduce((a, k) => a + k.ms, 0);
    console.log(
      `  where the time went: the server's answers ${(serverMs / 1000).toFixed(1)} s (${Object.entries(answers)
        .map(([k, v]) => `${k} ${v.n} x ${(v.ms / v.n).toFixed(0)} ms`)
        .join(', ')}); the next answer is on its way while the device writes a batch, so the two overlap: the device's part is in its measures below`,
    );
    const measures = await page.evaluate(() => {
      const out: Record<string, { n: number; ms: number }> = {};
      for (const e of performance.getEntriesByType('measure')) {
        if (!e.name.startsWith('kujira:sync:')) continue;
        const k = (out[e.name.slice('kujira:sync:'.length)] ??= { n: 0, ms: 0 });
        k.n += 1;
        k.ms += e.duration;
      }
      return out;
    });
    console.log(
      `  the device's own measures: ${Object.entries(measures)
        .map(([k, v]) => `${k} ${(v.ms / 1000).toFixed(1)} s (${v.n} x ${(v.ms / v.n).toFixed(0)} ms)`)
        .join(', ')}`,
    );
    await page.context().close();
  }

  // Rating -> visible on the other profile.
  const n = Number(process.env.RATINGS ?? 100);
  if (n > 0) {
    const dbUrl = await createDatabase(server, 'bench-browser-latency');
    const [laptop, phone] = await Promise.all([browser.newContext(), browser.newContext()].map(async (c) => (await c).newPage()));
    for (const p of [laptop!, phone!]) {
      await startSync(p, preview.url, server, dbUrl);
      await p.getByText(/^Synced at/).waitFor({ timeout: 30_000 });
      await p.goto(`${preview.url}/review`);
    }
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      await laptop!.getByRole('button', { name: 'Show answer' }).click({ timeout: 20_000 });
      const before = await idbCount(phone!, 'reviewLog');
      const t = performance.now();
      await laptop!.getByRole('button', { name: /^Good/ }).click();
      while ((await idbCount(phone!, 'reviewLog')) <= before) await new Promise((r) => setTimeout(r, 5));
      times.push(performance.now() - t);
    }
    console.log(`rating -> visible on the other profile (${n} ratings, Chromium, loopback): p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
  await preview.stop();
}
process.exit(0);
