// Runs in Chromium (served by Vite, driven by bench/import-browser.ts): the first phase of an
// import (read the file, check it whole, plan the merge) for the backup bench/browser/rebuild.ts
// imports (100,000 ratings over 10,000 cards, format 2) into a database holding only the cards,
// several rounds; nothing is written. Its write phase is measured by bench/rebuild-browser.ts.
import { prepareImport } from '../../src/db/backup/import';
import { createDb } from '../../src/db/database';
import { logRowFromRecord, ratingEventOf } from '../../src/db/event-mappers';
import { buildBackup, serializeBackup } from '../../src/domain/backup/format';
import { stateToRow } from '../../src/db/write-mappers';
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
const ROUNDS = Number(new URLSearchParams(location.search).get('rounds') ?? 3);

async function run() {
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
  const params = schedulerParamsOf(settings);
  const day = dayBoundaryOf(settings, 'UTC');
  const random = mulberry32(42);
  const log: ReviewLogRow[] = [];
  const cards: CardStateRow[] = [];
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
    cards.push(stateToRow(newCardState(), meta));
  }
  const text = serializeBackup(buildBackup(log.map(ratingEventOf), { device: 'bench', deckVersions: {} }, NOW));
  const now = Math.max(...log.map((e) => e.reviewedAt)) + DAY;
  const target = createDb({ name: `kujira-bench-import-${Date.now()}` });
  await target.cardStates.bulkAdd(cards);
  const prepareMs: number[] = [];
  // Seen by bench/import-browser.ts when it records a CPU profile: the rounds only, not the set-up.
  console.profile('prepare');
  for (let i = 0; i < ROUNDS; i++) {
    // A new Blob each round, as a file the learner picks: its text is read every time.
    const file = new Blob([text]);
    const t0 = performance.now();
    const prepared = await prepareImport(target, file, now);
    prepareMs.push(performance.now() - t0);
    if (prepared.plan.added.rating !== log.length) throw new Error(`planned ${prepared.plan.added.rating} ratings`);
  }
  console.profileEnd('prepare');
  target.close();
  await target.delete();
  return { prepareMs, entries: log.length, cards: CARDS, fileMb: text.length / 1e6 };
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
