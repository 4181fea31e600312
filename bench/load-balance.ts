// Benchmark of rating with load balancing at 10k and 100k cards: the due-count lookup the
// balancer reads (first build by one index-range read, then the kept counts), and one rating written
// with balancing on and off. Prints figures; asserts nothing.
// Runs in Node on fake-indexeddb (an in-memory IndexedDB in JavaScript): the lookup after the
// first build touches no IndexedDB at all, so its figure holds in the browser too; the first
// build and the write are relative figures.
// Run: npx tsx bench/load-balance.ts
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../src/db/database';
import { dueCountsByDay } from '../src/db/due-counts';
import { stateToRow } from '../src/db/write-mappers';
import { rateCard } from '../src/db/reviews';
import { KujiraDB, type CardStateRow } from '../src/db/schema';
import { addDays, dayKey, startOfStudyDay } from '../src/domain/scheduler/day';
import { mulberry32 } from '../src/domain/quiz/random';
import { newCardState } from '../src/domain/scheduler/scheduler';
import type { DayBoundary, SchedState } from '../src/domain/scheduler/types';
import { DEFAULT_SETTINGS } from '../src/domain/settings/settings';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const TOKYO: DayBoundary = { timeZone: 'Asia/Tokyo', startHour: 4 };
const balanced = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
const unbalanced = { ...balanced, loadBalancing: false };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] as number;
}

/** n review cards due over the next 120 days (most inside the balancer's 100-day window). */
function reviewStates(n: number): CardStateRow[] {
  const r = mulberry32(n);
  const today = dayKey(NOW, TOKYO.timeZone, TOKYO.startHour);
  const rows: CardStateRow[] = [];
  for (let i = 0; i < n; i++) {
    const ivl = 3 + Math.floor(r() * 60);
    const dueIn = Math.floor(r() * 120);
    const last = addDays(today, dueIn - ivl);
    const s: SchedState = {
      ...newCardState(),
      state: 'review',
      due: startOfStudyDay(addDays(today, dueIn), TOKYO.timeZone, TOKYO.startHour),
      stability: ivl * (0.8 + 0.4 * r()),
      difficulty: 1 + r() * 9,
      scheduledDays: ivl,
      reps: 4,
      lastReview: startOfStudyDay(last, TOKYO.timeZone, TOKYO.startHour) + 3_600_000,
      lastDayKey: last,
    };
    rows.push(stateToRow(s, { cardId: `c${String(i).padStart(6, '0')}`, deckId: 'd', key: `k${i}`, newRank: i, suspended: false, retired: false }));
  }
  return rows;
}

async function bench(n: number): Promise<void> {
  const factory = new IDBFactory();
  const db: KujiraDB = createDb({ name: `bench-${n}`, indexedDB: factory, IDBKeyRange });
  const rows = reviewStates(n);
  await db.cardStates.bulkAdd(rows);

  let t = performance.now();
  const first = await dueCountsByDay(db, TOKYO, NOW);
  const buildMs = performance.now() - t;
  const counted = first.counts.reduce((a, b) => a + b, 0);

  const lookups: number[] = [];
  for (let i = 0; i < 200; i++) {
    t = performance.now();
    await dueCountsByDay(db, TOKYO, NOW + i);
    lookups.push(performance.now() - t);
  }

  // Ratings of cards due today or earlier (the ones a review session shows).
  const due = rows.filter((r) => r.due <= NOW + 86_400_000).map((r) => r.cardId);
  let at = NOW;
  let k = 0;
  const rate = async (settings: typeof balanced) => {
    const t0 = performance.now();
    await rateCard(db, due[k++ % due.length] as string, 3, (at += 1000), 1000, { settings });
    return performance.now() - t0;
  };
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < 60; i++) {
    on.push(await rate(balanced));
    off.push(await rate(unbalanced));
  }
  // After the ratings the kept counts must still be what a fresh scan finds (a second,
  // untracked connection scans every time).
  const kept = (await dueCountsByDay(db, TOKYO, at)).counts;
  const other = new KujiraDB(`bench-${n}`, { indexedDB: factory, IDBKeyRange });
  const scanned = (await dueCountsByDay(other, TOKYO, at)).counts;
  other.close();
  db.close();

  console.log(
    `${n.toLocaleString('en')} cards (${counted.toLocaleString('en')} due in the next 100 days): ` +
      `due-count lookup ${median(lookups).toFixed(3)} ms median, ${percentile(lookups, 0.99).toFixed(3)} ms p99 (200 lookups); ` +
      `first build (one index-range read) ${buildMs.toFixed(1)} ms`,
  );
  console.log(
    `  one rating written: ${median(on).toFixed(2)} ms with load balancing, ${median(off).toFixed(2)} ms without (median of 60 each); ` +
      `counts kept ${kept.every((c, i) => c === scanned[i]) ? 'equal to' : 'DIFFERENT from'} a fresh scan`,
  );
}

async function main(): Promise<void> {
  console.log('Kujira load-balancing benchmark — Node ' + process.version + ', IndexedDB = fake-indexeddb (in-memory, JS)');
  for (const n of (process.env.BENCH_N ? [Number(process.env.BENCH_N)] : [10_000, 100_000])) await bench(n);
}

await main();
