// Runs in Chromium (served by Vite, driven by bench/rebuild-browser.ts): fills a real IndexedDB
// with 10,000 cards and 100,000 review-log entries, then times rebuildAllStates() three times,
// once with every state stale and twice with every state already right; then imports the same
// 100,000 ratings as a backup file (format 2) into a second database holding only the cards.
// Between the two, the statistics page's read of the first database.
import { applyImport, prepareImport } from '../../src/db/backup/import';
import { createDb } from '../../src/db/database';
import { logRowFromRecord, ratingEventOf } from '../../src/db/event-mappers';
import { buildBackup, serializeBackup } from '../../src/domain/backup/format';
import { stateToRow } from '../../src/db/write-mappers';
import { rebuildAllStates, type RebuildTimings } from '../../src/db/reviews';
import { readStatsSnapshot } from '../../src/db/stats';
import { DEFAULT_SETTINGS, dayBoundaryOf } from '../../src/domain/settings/settings';
import { schedulerParamsOf } from '../../src/domain/settings/scheduler-settings';
import type { CardStateRow, ReviewLogRow } from '../../src/db/schema';
import { mulberry32 } from '../../src/domain/quiz/random';
import { newCardState, rateCard } from '../../src/domain/scheduler/scheduler';
import type { Grade } from '../../src/domain/scheduler/types';

const CARDS = 10_000;
const RATINGS_PER_CARD = 10;
const NOW = Date.parse('2026-11-27T03:00:00Z');
const DAY = 86_400_000;

async function run() {
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
  const params = schedulerParamsOf(settings);
  const day = dayBoundaryOf(settings, 'UTC');
  const random = mulberry32(42);
  const log: ReviewLogRow[] = [];
  const stale: CardStateRow[] = [];
  for (let c = 0; c < CARDS; c++) {
    const meta = { cardId: `deck:card-${c}`, deckId: 'deck', key: `cmd-${c >> 1}`, newRank: c, suspended: false, retired: false };
    let state = newCardState();
    let t = NOW - 300 * DAY + Math.floor(random() * DAY);
    for (let r = 0; r < RATINGS_PER_CARD; r++) {
      const grade = (random() < 0.15 ? 1 : 3) as Grade;
      const result = rateCard(state, grade, t, params, day);
      state = result.state;
      log.push({ ...logRowFromRecord(result.record, { id: crypto.randomUUID(), cardId: meta.cardId, deckId: 'deck', durationMs: 4000 }), device: 'bench', seq: log.length + 1 });
      t = Math.max(t + 60_000, state.due) + Math.floor(random() * DAY);
    }
    stale.push(stateToRow(newCardState(), meta));
  }
  const db = createDb({ name: `kujira-bench-${Date.now()}` });
  const fillStart = performance.now();
  for (let i = 0; i < log.length; i += 10_000) await db.reviewLog.bulkAdd(log.slice(i, i + 10_000));
  await db.cardStates.bulkAdd(stale);
  const fillMs = performance.now() - fillStart;

  const now = Math.max(...log.map((e) => e.reviewedAt)) + DAY;
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

  const text = serializeBackup(buildBackup(log.map(ratingEventOf), { device: 'bench', deckVersions: {} }, NOW));
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

run().then(
  (result) => {
    (window as unknown as { __result: unknown }).__result = result;
    document.getElementById('status')!.textContent = 'done';
  },
  (error: unknown) => {
    (window as unknown as { __result: unknown }).__result = { error: String(error) };
  },
);
