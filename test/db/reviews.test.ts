// Rating (one transaction), atomicity under a failing write, undo several steps, rebuild,
// suspend, card info, and the replay property against the database.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getCardInfo } from '../../src/db/cards';
import { rateCard, rebuildAllStates, suspendCard, undoLastRating, unsuspendCard } from '../../src/db/reviews';
import { getTodayQueue } from '../../src/db/queue';
import { installDecks } from '../../src/db/install-decks';
import { updateSettings } from '../../src/db/settings';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { CardNotFoundError } from '../../src/db/errors';
import type { KujiraDB } from '../../src/db/schema';
import type { Grade } from '../../src/domain/scheduler/types';
import { createDeck } from '../factories';
import { createSeededTestDb, createTestDb, dump, writeSpy } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
let db: KujiraDB;
afterEach(() => db?.close());

async function seeded(commands = 3) {
  let deck;
  ({ db, deck } = await createSeededTestDb(commands, NOW));
  return deck;
}

describe('rateCard', () => {
  it('writes the log entry and the new state, with the parameters and day in force', async () => {
    const deck = await seeded();
    await updateSettings(db, { timeZone: 'Asia/Tokyo', desiredRetention: 0.85 }, NOW);
    const id = deck.cards[0]!.id;
    const r = await rateCard(db, id, 3, NOW, 4200, { id: 'entry-1' });
    const log = await db.reviewLog.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      id: 'entry-1',
      cardId: id,
      deckId: deck.id,
      rating: 3,
      reviewedAt: NOW,
      durationMs: 4200,
      dayKey: '2026-11-27',
      timeZone: 'Asia/Tokyo',
      dayStartHour: 4,
      prevState: 'new',
      nextState: 'learning',
    });
    expect(log[0]!.params.desiredRetention).toBe(0.85);
    expect(await db.cardStates.get(id)).toEqual(r.state);
    expect(r.state).toMatchObject({ state: 'learning', queue: 1, due: NOW + 10 * MIN, reps: 1 });
  });

  it('generates unique entry ids', async () => {
    const deck = await seeded();
    const a = await rateCard(db, deck.cards[0]!.id, 3, NOW, 1, { settings });
    const b = await rateCard(db, deck.cards[0]!.id, 3, NOW + MIN, 1, { settings });
    expect(a.entry.id).not.toBe(b.entry.id);
    expect(a.entry.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects an unknown card without writing', async () => {
    await seeded();
    await expect(rateCard(db, 'nope', 3, NOW, 1, { settings })).rejects.toBeInstanceOf(CardNotFoundError);
    expect(await db.reviewLog.count()).toBe(0);
  });

  it('leaves the database exactly as it was when the state write throws mid-transaction', async () => {
    db = createTestDb();
    let fail = false;
    db.use(
      writeSpy((table) => {
        if (fail && table === 'cardStates') throw new Error('disk on fire');
      }),
    );
    const deck = createDeck({ commands: 2 });
    await installDecks(db, [deck], NOW);
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 1, { settings });
    const before = await dump(db);
    fail = true;
    await expect(rateCard(db, deck.cards[0]!.id, 3, NOW + 10 * MIN, 1, { settings })).rejects.toThrow('disk on fire');
    fail = false;
    expect(await dump(db)).toEqual(before);
  });
});

describe('undoLastRating', () => {
  it('takes back ratings several steps, across cards, restoring each state', async () => {
    const deck = await seeded();
    const [a, b] = [deck.cards[0]!.id, deck.cards[2]!.id];
    const states: unknown[] = [await db.cardStates.toArray()];
    const steps: [string, Grade, number][] = [
      [a, 3, NOW],
      [b, 1, NOW + MIN],
      [a, 3, NOW + 10 * MIN],
      [b, 3, NOW + 11 * MIN],
      [a, 4, NOW + DAY],
    ];
    for (const [id, g, t] of steps) {
      await rateCard(db, id, g, t, 1000, { settings });
      states.push(await db.cardStates.toArray());
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      const u = await undoLastRating(db, NOW + 2 * DAY);
      expect(u?.entry.cardId).toBe(steps[i]![0]);
      expect(await db.cardStates.toArray()).toEqual(states[i]);
      expect(await db.reviewLog.count()).toBe(i);
    }
    expect(await undoLastRating(db, NOW + 2 * DAY)).toBeNull();
  });

  it('keeps a suspended card suspended', async () => {
    const deck = await seeded();
    const id = deck.cards[0]!.id;
    await rateCard(db, id, 3, NOW, 1, { settings });
    await suspendCard(db, id, NOW);
    await undoLastRating(db, NOW + 2 * DAY);
    expect(await db.cardStates.get(id)).toMatchObject({ suspended: true, queue: -1, state: 'new' });
  });
});

describe('rebuildAllStates and the replay property', () => {
  it('replay of the log equals the state stored by incremental rating (random histories)', async () => {
    const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/London'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            card: fc.integer({ min: 0, max: 3 }),
            rating: fc.constantFrom<Grade>(1, 2, 3, 4),
            gap: fc.oneof(fc.integer({ min: 1, max: 20 * MIN }), fc.integer({ min: 1, max: 60 * DAY })),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        async (steps, timeZone, dayStartHour) => {
          db?.close();
          db = createTestDb();
          const deck = createDeck({ commands: 2 });
          await installDecks(db, [deck], NOW);
          const s = { ...settings, timeZone, dayStartHour };
          let t = NOW;
          for (const st of steps) {
            t += st.gap;
            await rateCard(db, deck.cards[st.card]!.id, st.rating, t, 1, { settings: s });
          }
          const stored = await db.cardStates.orderBy('cardId').toArray();
          await db.cardStates.toCollection().modify((r) => {
            r.stability = -1;
            r.due = -1;
          });
          await rebuildAllStates(db);
          expect(await db.cardStates.orderBy('cardId').toArray()).toEqual(stored);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    // 200 fresh databases: slow on a loaded two-core machine, so more room than the default.
  }, 90_000);

  it('writes nothing when every state already matches its log', async () => {
    const deck = await seeded();
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 1, { settings });
    expect(await rebuildAllStates(db)).toBe(0);
  });
});

describe('suspend', () => {
  it('takes a card out of every queue until unsuspended, keeping its schedule', async () => {
    const deck = await seeded(1);
    const id = deck.cards[0]!.id;
    await rateCard(db, id, 1, NOW, 1, { settings });
    await suspendCard(db, id, NOW);
    expect((await getTodayQueue(db, NOW + DAY, settings)).items.map((i) => i.cardId)).not.toContain(id);
    await unsuspendCard(db, id, NOW);
    expect((await getTodayQueue(db, NOW + 2 * MIN, settings)).items.map((i) => i.cardId)).toContain(id);
    await expect(suspendCard(db, 'nope', NOW)).rejects.toBeInstanceOf(CardNotFoundError);
  });
});

describe('getCardInfo', () => {
  it('returns memory state, retrievability, due and history', async () => {
    const deck = await seeded(1);
    const id = deck.cards[0]!.id;
    await rateCard(db, id, 3, NOW, 1, { settings });
    await rateCard(db, id, 3, NOW + 10 * MIN, 1, { settings });
    const info = await getCardInfo(db, id, NOW + DAY);
    expect(info?.card?.id).toBe(id);
    expect(info?.history.map((h) => h.rating)).toEqual([3, 3]);
    expect(info?.stability).toBeGreaterThan(0);
    expect(info?.retrievability).toBeGreaterThan(0);
    expect(info?.retrievability).toBeLessThan(1);
    expect(await getCardInfo(db, 'nope', NOW)).toBeNull();
  });
});

describe('writes are observable', () => {
  it('a rating is three writes in one transaction: the event, the state, the device counter', async () => {
    db = createTestDb();
    const spy = writeSpy();
    db.use(spy);
    const deck = createDeck({ commands: 1 });
    await installDecks(db, [deck], NOW);
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 1, { settings });
    spy.writes.length = 0;
    await rateCard(db, deck.cards[0]!.id, 3, NOW + MIN, 1, { settings });
    expect(spy.writes.map((w) => w.table).sort()).toEqual(['cardStates', 'meta', 'reviewLog']);
  });

  it('an undo is one transaction: the void, the rating moved out of the live log, the state', async () => {
    db = createTestDb();
    const spy = writeSpy();
    db.use(spy);
    const deck = createDeck({ commands: 1 });
    await installDecks(db, [deck], NOW);
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 1, { settings, id: 'r1' });
    spy.writes.length = 0;
    await undoLastRating(db, NOW + MIN);
    expect(spy.writes.map((w) => w.table).sort()).toEqual(['cardStates', 'events', 'meta', 'reviewLog', 'voidedRatings']);
    expect(await db.events.toArray()).toMatchObject([{ type: 'void', target: 'r1' }]);
  });
});
