// Benchmark of the scheduling core: today's queue at 1k/10k/100k cards, one rating written, and
// rebuilding every state from 100k log entries (median of 3, with where the time went).
// Prints figures; asserts nothing.
// Runs in Node on fake-indexeddb (an in-memory IndexedDB in JavaScript): browser IndexedDB has
// different costs (reads usually faster per row, writes slower), so read these as relative.
// Run: npx tsx bench/scheduler.ts
import { mulberry32 } from '../src/domain/quiz/random';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../src/db/database';
import { stateToRow } from '../src/db/write-mappers';
import { logRowFromRecord } from '../src/db/event-mappers';
import { getTodayQueue } from '../src/db/queue';
import { rateCard, rebuildAllStates, type RebuildTimings } from '../src/db/reviews';
import { DEFAULT_SETTINGS, dayBoundaryOf } from '../src/domain/settings/settings';
import { schedulerParamsOf } from '../src/domain/settings/scheduler-settings';
import type { CardStateRow, KujiraDB, ReviewLogRow } from '../src/db/schema';
import { newCardState, rateCard as rateInDomain } from '../src/domain/scheduler/scheduler';
import type { Grade, SchedState } from '../src/domain/scheduler/types';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };

function freshDb(): KujiraDB {
  return createDb({ name: 'bench', indexedDB: new IDBFactory(), IDBKeyRange });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function time(runs: number, f: () => Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return median(out);
}

/** n card states: 25% new, 0.2% learning, the rest review due over the past and next 60 days. */
function states(n: number): CardStateRow[] {
  const r = mulberry32(n);
  const rows: CardStateRow[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    const s: SchedState =
      x < 0.25
        ? newCardState()
        : {
            ...newCardState(),
            state: x < 0.252 ? 'learning' : 'review',
            due: NOW + Math.round((r() - 0.5) * 120 * DAY),
            stability: 1 + r() * 100,
            difficulty: 1 + r() * 9,
            reps: 3,
            lastReview: NOW - 10 * DAY,
            lastDayKey: '2026-11-17',
          };
    rows.push(
      stateToRow(s, {
        cardId: `deck:card-${String(i).padStart(6, '0')}`,
        deckId: 'deck',
        key: `cmd-${Math.floor(i / 2)}`,
        newRank: i,
        suspended: false,
        retired: false,
      }),
    );
  }
  return rows;
}

async function benchQueue(n: number): Promise<void> {
  const db = freshDb();
  await db.cardStates.bulkAdd(states(n));
  await getTodayQueue(db, NOW, settings); // warm up (opens the db)
  const ms = await time(15, () => getTodayQueue(db, NOW, settings));
  const q = await getTodayQueue(db, NOW, settings);
  console.log(
    `today's queue, ${String(n).padStart(6)} cards: ${ms.toFixed(2)} ms (median of 15; ` +
      `${q.counts.learning} learning, ${q.counts.review} review, ${q.counts.new} new)`,
  );
  db.close();
}

async function benchRating(): Promise<void> {
  const db = freshDb();
  const rows = states(10_000);
  await db.cardStates.bulkAdd(rows);
  let t = NOW;
  await rateCard(db, rows[0]!.cardId, 3, t, 1000, { settings });
  const ids = rows.slice(1, 101).map((r) => r.cardId);
  let i = 0;
  const ms = await time(100, () => rateCard(db, ids[i++] as string, 3, (t += 1000), 1000, { settings }));
  console.log(`one rating written (log entry + state, one transaction): ${ms.toFixed(2)} ms (median of 100)`);
  const msSettings = await time(50, () => rateCard(db, ids[i++ % 100] as string, 3, (t += 1000), 1000));
  console.log(`one rating written, settings read inside the transaction: ${msSettings.toFixed(2)} ms (median of 50)`);
  db.close();
}

/** A UUID-shaped id from `r`: log ids are random, so key order is not time order (as in the app). */
function uuidLike(r: () => number): string {
  let h = '';
  for (let i = 0; i < 4; i++) h += Math.floor(r() * 2 ** 32).toString(16).padStart(8, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A database holding `entries` log entries over `cards` cards, and the right states. Built in its
 * own function so that none of the generated arrays is still in memory while the rebuild is timed.
 */
async function rebuildFixture(entries: number, cards: number): Promise<{ db: KujiraDB; right: CardStateRow[] }> {
  const db = freshDb();
  const r = mulberry32(7);
  const ids = mulberry32(8);
  const params = schedulerParamsOf(settings);
  const day = dayBoundaryOf(settings, 'UTC');
  const right: CardStateRow[] = [];
  const log: ReviewLogRow[] = [];
  const perCard = entries / cards;
  for (let c = 0; c < cards; c++) {
    const cardId = `deck:card-${String(c).padStart(6, '0')}`;
    let s = newCardState();
    let t = NOW - 400 * DAY + Math.floor(r() * DAY);
    for (let k = 0; k < perCard; k++) {
      const g = (r() < 0.1 ? 1 : r() < 0.2 ? 2 : r() < 0.9 ? 3 : 4) as Grade;
      const res = rateInDomain(s, g, t, params, day);
      s = res.state;
      log.push({ ...logRowFromRecord(res.record, { id: uuidLike(ids), cardId, deckId: 'deck', durationMs: 3000 }), device: 'bench', seq: log.length + 1 });
      t = Math.max(s.due, t + 60_000);
    }
    right.push(stateToRow(s, { cardId, deckId: 'deck', key: `cmd-${c}`, newRank: c, suspended: false, retired: false }));
  }
  await db.cardStates.bulkAdd(right);
  await db.reviewLog.bulkAdd(log);
  return { db, right };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function benchRebuild(entries: number, cards: number, runs = 3): Promise<void> {
  const { db, right } = await rebuildFixture(entries, cards);
  const stale = right.map((row) => ({ ...row, stability: 0 }));
  const timings = { stale: [] as RebuildTimings[], same: [] as RebuildTimings[] };
  const total = { stale: [] as number[], same: [] as number[] };
  for (let i = 0; i < runs; i++) {
    await db.cardStates.bulkPut(stale); // every state wrong again (not timed)
    for (const kind of ['stale', 'same'] as const) {
      const t0 = performance.now();
      await rebuildAllStates(db, { onTimings: (t) => timings[kind].push(t) });
      total[kind].push(performance.now() - t0);
    }
  }
  for (const kind of ['stale', 'same'] as const) {
    const ts = timings[kind];
    const written = ts[0]?.written ?? 0;
    const title =
      kind === 'stale'
        ? `rebuild every state from ${entries} log entries (${cards} cards), all states stale`
        : 'rebuild again, every state already right';
    console.log(`${title}: ${seconds(median(total[kind]))} (median of ${runs}; ${written} states written)`);
    console.log(
      `  of which: reading states and log ${seconds(median(ts.map((t) => t.readMs)))}, ` +
        `replay with ts-fsrs ${seconds(median(ts.map((t) => t.replayMs)))}, ` +
        `writing ${written} states ${seconds(median(ts.map((t) => t.writeMs)))}`,
    );
  }
  db.close();
}

async function main(): Promise<void> {
  console.log('Kujira scheduler benchmark — Node ' + process.version + ', IndexedDB = fake-indexeddb (in-memory, JS)');
  for (const n of [1_000, 10_000, 100_000]) await benchQueue(n);
  await benchRating();
  await benchRebuild(100_000, 10_000);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
