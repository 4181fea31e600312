// Runs in Chromium (served by Vite, driven by bench/rebuild-browser.ts): fills a real IndexedDB
// with 10,000 cards and 100,000 review-log entries, then times rebuildAllStates() three times,
// once with every state stale and twice with every state already right; then imports the same
// 100,000 ratings as a backup file (format 2) into a second database holding only the cards.
// Between the two, the statistics page's read of the first database.
import { applyImport, prepareImport } from '../../src/db/backup/import';
import { createDb } from '../../src/db/database';
import { rebuildAllStates, type RebuildTimings } from '../../src/db/reviews';
import { readStatsSnapshot } from '../../src/db/stats';
import { backupTextOf, CARDS, yearOfRatings } from './year-of-ratings';
import { publishResult } from './publish-result';

async function run() {
  const { log, staleStates: stale, after: now } = yearOfRatings();
  const db = createDb({ name: `kujira-bench-${Date.now()}` });
  const fillStart = performance.now();
  for (let i = 0; i < log.length; i += 10_000) await db.reviewLog.bulkAdd(log.slice(i, i + 10_000));
  await db.cardStates.bulkAdd(stale);
  const fillMs = performance.now() - fillStart;

  const runs: RebuildTimings[] = [];
  const totals: number[] = [];
  const written: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    written.push(await rebuildAllStates(db, { onTimings: (t) => runs.push(t) }));
    totals.push(performance.now() - t0);
  }
  // The statistics page's read over the same year of ratings (its days counted in the index,
  // the last weeks read), three times.
  const statsMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await readStatsSnapshot(db, now);
    statsMs.push(performance.now() - t0);
  }
  db.close();
  await db.delete();

  const text = backupTextOf(log);
  const target = createDb({ name: `kujira-bench-import-${Date.now()}` });
  await target.cardStates.bulkAdd(stale);
  let t0 = performance.now();
  const prepared = await prepareImport(target, new Blob([text]), now);
  const importPrepareMs = performance.now() - t0;
  t0 = performance.now();
  await applyImport(target, prepared);
  const importWriteMs = performance.now() - t0;
  target.close();
  await target.delete();
  return { fillMs, statsMs, totals, written, runs, entries: log.length, cards: CARDS, importPrepareMs, importWriteMs, fileMb: text.length / 1e6 };
}

publishResult(run());
