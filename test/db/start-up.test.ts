// Start-up (repairRepository.start): the usual start, where nothing changed, is one read and no
// write; each thing that needs work (the built-in deck changed, a deck added in the app changed,
// the scheduler changed, a catch-up left cards stale, a stored deck holds a built-in id) still
// gets it.
import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { setDb } from '../../src/db/database';
import { repairRepository } from '../../src/db/repair-repository';
import { rateCard } from '../../src/db/reviews';
import type { KujiraDB } from '../../src/db/schema';
import type { Deck } from '../../src/domain/deck/types';
import { SCHEDULER_FINGERPRINT } from '../../src/domain/scheduler/scheduler';
import { createDeck } from '../factories';
import { createTestDb, dump, UTC_SETTINGS, writeSpy } from './helpers';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';

const NOW = Date.UTC(2026, 11, 8, 9);
const settings = { ...DEFAULT_SETTINGS, ...UTC_SETTINGS };
const docker = createDeck({ id: 'docker', commands: 3 });
const added = createDeck({ id: 'team-notes', commands: 2 });

let db: KujiraDB;
afterEach(() => {
  db.close();
  setDb(null);
});

/** Counts the transactions the database opens. */
function transactionCounter(): Middleware<DBCore> & { count: number } {
  const counter = {
    stack: 'dbcore' as const,
    name: 'transaction-counter',
    count: 0,
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction: (...args) => {
        counter.count += 1;
        return down.transaction(...args);
      },
    }),
  };
  return counter;
}

let transactions: ReturnType<typeof transactionCounter>;

/** A database where start-up has run once with `docker` built in and `added` added in the app. */
async function startedOnce(): Promise<ReturnType<typeof writeSpy>> {
  db = createTestDb(`start-up-${Math.random()}`);
  const spy = writeSpy();
  transactions = transactionCounter();
  db.use(spy);
  db.use(transactions);
  setDb(db);
  await db.storedDecks.put({ id: added.id, files: [], deck: added, addedAt: NOW, updatedAt: NOW, version: 1 });
  await repairRepository.start(Promise.resolve([docker]), NOW);
  spy.writes.length = 0;
  return spy;
}

const start = (builtIn: Deck[] = [docker]) => repairRepository.start(Promise.resolve(builtIn), NOW + 1000);

describe('start-up', () => {
  it('installs the built-in decks and those added in the app on a first start', async () => {
    await startedOnce();
    expect((await db.decks.toArray()).map((d) => d.id).sort()).toEqual(['docker', 'team-notes']);
    expect(await db.cardStates.count()).toBe(docker.cards.length + added.cards.length);
    expect(await db.meta.get('scheduler')).toEqual({ key: 'scheduler', value: SCHEDULER_FINGERPRINT });
  });

  it('reads once and writes nothing when nothing changed', async () => {
    const spy = await startedOnce();
    await rateCard(db, docker.cards[0]!.id, 3, NOW + 500, 2000, { settings });
    expect(spy.writes.length).toBeGreaterThan(0);
    spy.writes.length = 0;
    const before = await dump(db);
    transactions.count = 0;
    expect(await start()).toBeNull();
    expect(transactions.count).toBe(1);
    expect(spy.writes).toEqual([]);
    expect(await dump(db)).toEqual(before);
  });

  it('installs a built-in deck whose memo changed, and a deck added in the app that changed', async () => {
    await startedOnce();
    const grown = createDeck({ id: 'docker', commands: 4 });
    await start([grown]);
    expect(await db.cards.where('deckId').equals('docker').count()).toBe(grown.cards.length);
    const addedGrown = createDeck({ id: 'team-notes', commands: 3 });
    await db.storedDecks.update(added.id, { deck: addedGrown });
    await start([grown]);
    expect((await db.decks.get('team-notes'))?.hash).toBe(addedGrown.hash);
    expect(await db.cards.where('deckId').equals('team-notes').count()).toBe(addedGrown.cards.length);
  });

  it('rebuilds the states when the scheduler changed', async () => {
    await startedOnce();
    await rateCard(db, docker.cards[0]!.id, 3, NOW + 500, 2000, { settings });
    await db.meta.put({ key: 'scheduler', value: 'an older scheduler' });
    const report = await start();
    expect(report).not.toBeNull();
    expect(await db.meta.get('scheduler')).toEqual({ key: 'scheduler', value: SCHEDULER_FINGERPRINT });
  });

  it('replays the cards a catch-up left stale', async () => {
    await startedOnce();
    const cardId = docker.cards[0]!.id;
    await rateCard(db, cardId, 3, NOW + 500, 2000, { settings });
    const rated = await db.cardStates.get(cardId);
    // A closed tab left the card listed, its state behind its log.
    await db.cardStates.update(cardId, { reps: 0, state: 'new' });
    await db.meta.put({ key: 'staleCards', value: [cardId] });
    await start();
    expect(await db.meta.get('staleCards')).toBeUndefined();
    expect(await db.cardStates.get(cardId)).toEqual(rated);
  });

  it('gives a built-in id held by a deck added in the app back to the built-in deck', async () => {
    await startedOnce();
    await db.storedDecks.put({ id: 'docker', files: [], deck: createDeck({ id: 'docker', commands: 1 }), addedAt: NOW, updatedAt: NOW, version: 1 });
    await start();
    expect(await db.storedDecks.get('docker')).toBeUndefined();
    expect((await db.decks.get('docker'))?.hash).toBe(docker.hash);
  });
});
