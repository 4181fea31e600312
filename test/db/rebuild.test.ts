// rebuildAllStates beyond the replay property: entries stored out of time order, parameters that
// change from one rating to the next, and a rating made while a rebuild runs.
import { afterEach, describe, expect, it } from 'vitest';
import { rateCard, rebuildAllStates, type RebuildTimings } from '../../src/db/reviews';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import type { KujiraDB } from '../../src/db/schema';
import type { Grade } from '../../src/domain/scheduler/types';
import { createSeededTestDb } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
let db: KujiraDB;
afterEach(() => db?.close());

async function seeded(commands = 3) {
  let deck;
  ({ db, deck } = await createSeededTestDb(commands, NOW));
  return deck;
}

/** Spoil every stored state, so that a rebuild has to get each one right again. */
async function spoil(): Promise<void> {
  await db.cardStates.toCollection().modify((r) => {
    r.stability = -1;
    r.due = -1;
  });
}

describe('rebuildAllStates', () => {
  it('replays each card in time order even when entry ids sort the other way', async () => {
    const deck = await seeded();
    const ids = deck.cards.slice(0, 3).map((c) => c.id);
    let t = NOW;
    // The log is read in primary-key order: ids falling over time put every card's entries
    // backwards, and interleave the cards.
    let n = 999;
    for (let k = 0; k < 6; k++) {
      for (const id of ids) {
        t += DAY + k * 3_600_000;
        await rateCard(db, id, ((k % 4) + 1) as Grade, t, 1, { settings, id: `entry-${n--}` });
      }
    }
    const stored = await db.cardStates.orderBy('cardId').toArray();
    await spoil();
    expect(await rebuildAllStates(db)).toBe(stored.length);
    expect(await db.cardStates.orderBy('cardId').toArray()).toEqual(stored);
  });

  it('uses the parameters and day boundary of each entry when they change between ratings', async () => {
    const deck = await seeded();
    const id = deck.cards[0]!.id;
    const other = deck.cards[1]!.id;
    let t = NOW;
    const retentions = [0.9, 0.8, 0.9, 0.95, 0.8, 0.9];
    for (const [k, r] of retentions.entries()) {
      t += 3 * DAY;
      const s = {
        ...settings,
        desiredRetention: r,
        maximumInterval: k % 2 ? 7 : 36500,
        enableFuzz: k !== 3,
        timeZone: k % 3 ? 'Asia/Tokyo' : 'America/New_York',
        dayStartHour: k % 2 ? 4 : 0,
      };
      await rateCard(db, id, 3, t, 1, { settings: s });
      await rateCard(db, other, k % 2 ? 4 : 2, t + 1, 1, { settings: s });
    }
    const stored = await db.cardStates.orderBy('cardId').toArray();
    await spoil();
    await rebuildAllStates(db);
    expect(await db.cardStates.orderBy('cardId').toArray()).toEqual(stored);
  });

  it('does not lose a rating made while it runs', async () => {
    const deck = await seeded(20);
    let t = NOW;
    for (const card of deck.cards) await rateCard(db, card.id, 3, (t += 60_000), 1, { settings });
    await spoil();
    const target = deck.cards[5]!.id;
    // Started together: the rating waits for the rebuild's transaction (or the rebuild for the
    // rating's), never writes between its reading of the log and its writing of the states.
    const [, rated] = await Promise.all([
      rebuildAllStates(db),
      rateCard(db, target, 1, t + 2 * DAY, 1, { settings }),
    ]);
    expect(await db.cardStates.get(target)).toEqual(rated.state);
    expect(await rebuildAllStates(db)).toBe(0);
  });

  it('reports where the time went', async () => {
    const deck = await seeded();
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 1, { settings });
    await spoil();
    let timings: RebuildTimings | null = null;
    const written = await rebuildAllStates(db, { onTimings: (x) => (timings = x) });
    expect(timings).toMatchObject({ entries: 1, cards: deck.cards.length, written });
  });
});
