// Merging pulled ratings (sync's catch-up, src/db/backup/import.ts): a card whose new ratings all
// come after its stored log is replayed from its stored state (an append: its history is not read
// again, which keeps a 100k-event catch-up proportional to the events); any other card, one with
// an older rating, a void or a reset among the new events, is replayed from its whole log. Either
// way the states equal a rebuild from the log.
import { afterEach, describe, expect, it } from 'vitest';
import { readAllEvents } from '../../src/db/events';
import { rateCard, rebuildAllStates, undoLastRating } from '../../src/db/reviews';
import { syncEventStore } from '../../src/db/sync-store';
import type { KujiraDB } from '../../src/db/schema';
import type { LearnerEvent } from '../../src/domain/events/types';
import { device as otherDevice, HOUR, NOW, otherDevicesRatings as otherRatings, settings, SOURCE } from './other-device';

const open: KujiraDB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
const device = () => otherDevice(open);
const otherDevicesRatings = (rounds: number) => otherRatings(open, rounds);

async function pull(db: KujiraDB, events: LearnerEvent[]) {
  const r = await syncEventStore(db).addPulled(events, SOURCE);
  expect(r.rejected).toEqual([]);
  return r.added;
}

/** The stored states, then the same after every state is replayed from the log. */
async function statesAndRebuilt(db: KujiraDB) {
  const stored = await db.cardStates.orderBy('cardId').toArray();
  await db.cardStates.toCollection().modify((r) => {
    r.stability = -1;
    r.due = -1;
  });
  await rebuildAllStates(db);
  return { stored, rebuilt: await db.cardStates.orderBy('cardId').toArray() };
}

describe('merging pulled ratings', () => {
  it('ends with the states a rebuild gives, whether batches come in time order or not', async () => {
    const { events } = await otherDevicesRatings(6);
    const here = await device();
    // In order, in three batches; then the last batch again (nothing new).
    await pull(here.db, events.slice(0, 6));
    await pull(here.db, events.slice(6, 12));
    expect(await pull(here.db, events.slice(12))).toBe(6);
    expect(await pull(here.db, events.slice(12))).toBe(0);
    const { stored, rebuilt } = await statesAndRebuilt(here.db);
    expect(stored).toEqual(rebuilt);

    // Out of order: the latest batch first, then the older ones (each older rating is replayed in).
    const late = await device();
    await pull(late.db, events.slice(12));
    await pull(late.db, events.slice(0, 12).reverse());
    const other = await statesAndRebuilt(late.db);
    expect(other.stored).toEqual(other.rebuilt);
    expect(other.stored).toEqual(stored);
  });

  it('replays an append from the stored state without reading the history, and anything else from the whole log', async () => {
    const { events, cards } = await otherDevicesRatings(4);
    const here = await device();
    await pull(here.db, events.slice(0, 6));
    // Mark the stored state of every card: an append carries the mark on, a whole replay drops it.
    await here.db.cardStates.toCollection().modify((r) => {
      r.reps += 100;
    });
    const reps = async () => Object.fromEntries((await here.db.cardStates.bulkGet(cards.slice(0, 3))).map((r) => [r!.cardId, r!.reps]));
    const before = await reps();
    const [a, b, c] = cards as [string, string, string];
    // Card a: two later ratings (an append). Card b: a later one and one older than its log.
    const laterOfA = events.slice(6).filter((e) => e.cardId === a);
    const laterOfB = events.slice(6).filter((e) => e.cardId === b);
    const olderOfB = { ...laterOfB[0]!, id: 'older-of-b', reviewedAt: events[0]!.reviewedAt - HOUR, at: events[0]!.reviewedAt - HOUR };
    await pull(here.db, [...laterOfA, ...laterOfB, olderOfB]);
    const after = await reps();
    expect(after[a]).toBe(before[a]! + laterOfA.length);
    expect(after[b]).toBeLessThan(100);
    expect(after[c]).toBe(before[c]);
  });

  it('replays a card whole when a pulled void takes back one of its ratings', async () => {
    const here = await device();
    const { db, cards } = here;
    for (let k = 0; k < 3; k++) await rateCard(db, cards[0]!, 3, NOW + (k + 1) * HOUR, 2000, { settings });
    await undoLastRating(db, NOW + 4 * HOUR);
    const events = await readAllEvents(db);
    const replica = await device();
    await pull(replica.db, events.filter((e) => e.type === 'rating'));
    await pull(replica.db, events.filter((e) => e.type === 'void'));
    const mine = await db.cardStates.get(cards[0]!);
    const theirs = await replica.db.cardStates.get(cards[0]!);
    expect(theirs).toEqual(mine);
    expect(theirs!.reps).toBe(2);
  });
});
