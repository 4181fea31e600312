// The per-day due counts the load balancer reads: equal to a count from scratch after ratings,
// suspensions, deck syncs, deletes and an aborted transaction.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { dueCountsByDay } from '../../src/db/due-counts';
import { rateCard, suspendCard } from '../../src/db/reviews';
import { QUEUE, type KujiraDB } from '../../src/db/schema';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { addDays, dayDiff, dayKey } from '../../src/domain/scheduler/day';
import { LOAD_WINDOW_DAYS } from '../../src/domain/scheduler/load-balance';
import type { DayBoundary, Grade } from '../../src/domain/scheduler/types';
import { createSeededTestDb } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const TOKYO: DayBoundary = { timeZone: 'Asia/Tokyo', startHour: 4 };
const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
let db: KujiraDB;
afterEach(() => db?.close());

/** The counts computed from every row, the slow way. */
async function fromScratch(now: number, day: DayBoundary = TOKYO): Promise<number[]> {
  const today = dayKey(now, day.timeZone, day.startHour);
  const counts = new Array<number>(LOAD_WINDOW_DAYS).fill(0);
  for (const row of await db.cardStates.toArray()) {
    if (row.queue !== QUEUE.review) continue;
    const i = dayDiff(today, dayKey(row.due, day.timeZone, day.startHour));
    if (i >= 0 && i < LOAD_WINDOW_DAYS) counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

async function rateAll(ids: readonly string[], grade: Grade, at: number, s = settings): Promise<void> {
  let t = at;
  for (const id of ids) {
    t += 1000;
    await rateCard(db, id, grade, t, 2000, { settings: s });
  }
}

describe('dueCountsByDay', () => {
  it('counts review cards per study day from today, and stays equal to a fresh count as cards change', async () => {
    const seeded = await createSeededTestDb(30, NOW);
    db = seeded.db;
    const ids = seeded.deck.cards.map((c) => c.id);
    // Build the counts before anything is due, so every later change goes through the tracker.
    expect((await dueCountsByDay(db, TOKYO, NOW)).counts.every((c) => c === 0)).toBe(true);
    await rateAll(ids, 4, NOW); // Easy: straight to review, due in a few days
    let load = await dueCountsByDay(db, TOKYO, NOW);
    expect(load.from).toBe(dayKey(NOW, 'Asia/Tokyo', 4));
    expect(load.counts).toEqual(await fromScratch(NOW));
    expect(load.counts.reduce((a, b) => a + b, 0)).toBe(ids.length);

    await rateAll(ids.slice(0, 10), 3, NOW + 3 * DAY);
    await suspendCard(db, ids[10] as string, NOW + 3 * DAY);
    await db.cardStates.delete(ids[11] as string);
    load = await dueCountsByDay(db, TOKYO, NOW + 3 * DAY);
    expect(load.counts).toEqual(await fromScratch(NOW + 3 * DAY));
  });

  it('forgets a write whose transaction aborted', async () => {
    const seeded = await createSeededTestDb(5, NOW);
    db = seeded.db;
    const ids = seeded.deck.cards.map((c) => c.id);
    await rateAll(ids, 4, NOW);
    await dueCountsByDay(db, TOKYO, NOW);
    const row = (await db.cardStates.get(ids[0] as string))!;
    let aborted: Promise<unknown> = Promise.resolve();
    await expect(
      db.transaction('rw', db.cardStates, async () => {
        await db.cardStates.put({ ...row, due: row.due + 5 * DAY });
        // The abort event comes after the promise rejects, at a time of fake-indexeddb's choosing
        // (a setTimeout(0) lost that race on a loaded machine): wait for the event itself. The
        // counts' own listener was added at the put, so it has run by then.
        const native = Dexie.currentTransaction!.idbtrans;
        aborted = new Promise((resolve) => native.addEventListener('abort', resolve, { once: true }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await aborted;
    expect((await dueCountsByDay(db, TOKYO, NOW)).counts).toEqual(await fromScratch(NOW));
  });

  it('puts each card on its study day across clock changes (New York, Lord Howe, Santiago)', async () => {
    for (const timeZone of ['America/New_York', 'Australia/Lord_Howe', 'America/Santiago']) {
      const seeded = await createSeededTestDb(40, NOW);
      db = seeded.db;
      const zoned = { ...settings, timeZone, dayStartHour: 2 };
      const day: DayBoundary = { timeZone, startHour: 2 };
      // Cards due over the weeks around the March/April and the autumn changes.
      const ids = seeded.deck.cards.map((c) => c.id);
      for (const [k, start] of [Date.parse('2026-02-20T15:00:00Z'), Date.parse('2026-09-20T15:00:00Z')].entries()) {
        const part = ids.slice(k * 40, k * 40 + 40);
        await rateAll(part, 4, start, zoned);
        await rateAll(part, 3, start + 3 * DAY, zoned);
        expect((await dueCountsByDay(db, day, start + 3 * DAY)).counts).toEqual(await fromScratch(start + 3 * DAY, day));
      }
      db.close();
    }
  });

  it('starts again on a new study day', async () => {
    const seeded = await createSeededTestDb(8, NOW);
    db = seeded.db;
    await rateAll(seeded.deck.cards.map((c) => c.id), 4, NOW);
    const today = await dueCountsByDay(db, TOKYO, NOW);
    const tomorrow = await dueCountsByDay(db, TOKYO, NOW + DAY);
    expect(tomorrow.from).toBe(addDays(today.from, 1));
    expect(tomorrow.counts.slice(0, LOAD_WINDOW_DAYS - 1)).toEqual(today.counts.slice(1));
  });
});
