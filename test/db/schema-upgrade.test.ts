// Upgrading the database: a database made by the previous schema version opens with the current
// one and keeps every review and state; a tab still holding the old version is told to reload.
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, getDatabaseStatus } from '../../src/db/database';
import { getWelcomeSeen } from '../../src/db/onboarding';
import { rateCard, rebuildAllStates, undoLastRating } from '../../src/db/reviews';
import { installDecks } from '../../src/db/install-decks';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { createDeck } from '../factories';
import { openSchemaAt, openSchemaV1, openSchemaV2, openSchemaV9, RELEASED_VERSIONS } from '../fixtures/schema-v1';
import { resolve } from 'node:path';
import { compileDeckFolders } from '../../scripts/read-decks';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { giveBackBuiltInIds } from '../../src/db/deck-owners';

const NOW = Date.parse('2026-11-27T03:00:00Z');
const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };

/** A v1 database holding reviews, states and onboarding rows as v1 code left them. */
async function makeV1Database(factory: IDBFactory) {
  // Produce realistic rows with today's code on a scratch database...
  const scratch = createDb({ name: 'scratch', indexedDB: factory, IDBKeyRange });
  const deck = createDeck({ commands: 4 });
  await installDecks(scratch, [deck], NOW);
  for (let i = 0; i < 6; i++) await rateCard(scratch, deck.cards[i % 3]!.id, ((i % 4) + 1) as 1 | 2 | 3 | 4, NOW + i * 700_000, 3000, { settings });
  const tables = Object.fromEntries(await Promise.all(scratch.tables.map(async (t) => [t.name, await t.toArray()] as const)));
  scratch.close();
  // ...and store them in a database created by the v1 schema, with an onboarding row as v1 wrote it.
  const v1 = openSchemaV1('kujira', factory, IDBKeyRange);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const table of v1.tables) await table.bulkPut(tables[table.name] ?? []);
    await v1.table('onboarding').put({ deckId: deck.id, completed: ['sec-0'], currentLessonId: 'sec-1', updatedAt: NOW });
    await v1.table('onboarding').put({ deckId: '~app', completed: [], currentLessonId: null, updatedAt: NOW, welcomeSeen: true });
    await v1.table('settings').put({ id: 'settings', ...settings, theme: 'dark' });
    await v1.table('cardStates').update(deck.cards[3]!.id, { suspended: true, queue: -1 });
  });
  return { v1, tables };
}

describe('schema upgrade', () => {
  it('opens a database made by the previous version and keeps every review and state', async () => {
    const factory = new IDBFactory();
    const { v1, tables } = await makeV1Database(factory);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = createDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThan(1);
    // Version 5 (issue 14) adds the card-remap table, empty: no history has moved yet.
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.cardRemaps.count()).toBe(0);
    // Version 4: every rating gains this device's id and a sequence number in time order.
    const device = (await db.meta.get('device'))?.value;
    const log = await db.reviewLog.toCollection().sortBy('reviewedAt');
    expect(log.map(({ device: _d, seq: _s, ...r }) => r)).toEqual(
      [...(tables.reviewLog as { reviewedAt: number; device?: string; seq?: number }[])].sort((a, b) => a.reviewedAt - b.reviewedAt).map(({ device: _d, seq: _s, ...r }) => r),
    );
    expect(log.map((r) => [r.device, r.seq])).toEqual(log.map((_, i) => [device, i + 1]));
    expect(await db.cardStates.count()).toBe(tables.cardStates!.length);
    // The rows that were state became events: the lesson, the welcome flag, the settings, the suspension.
    const events = await db.events.toArray();
    expect(events.map((e) => e.type).sort()).toEqual(['flag', 'lesson', 'settings', 'suspend']);
    expect(events.find((e) => e.type === 'lesson')).toMatchObject({ deckId: 'deck', lessonId: 'sec-0', result: null });
    expect(events.find((e) => e.type === 'settings')).toMatchObject({ changes: { theme: 'dark', timeZone: 'Asia/Tokyo' } });
    expect((await db.meta.get('seq'))?.value).toBe(log.length + 3);
    // Undo after the upgrade takes back the last rating made here before it.
    expect((await undoLastRating(db, NOW + 86_400_000))?.entry.id).toBe(log.at(-1)!.id);
    // The states still equal the replay of the log.
    expect(await rebuildAllStates(db)).toBe(0);
    expect(await db.onboarding.get('deck')).toMatchObject({ completed: ['sec-0'], currentLessonId: 'sec-1', cardIndex: 0, results: {}, unlockAll: false, startedAt: null });
    // The welcome flag moved out of the fake deck row into the app flags (version 3).
    expect(await db.onboarding.get('~app')).toBeUndefined();
    expect(await getWelcomeSeen(db)).toBe(true);
    // A remap written after the upgrade moves a reviewed card's history on a rebuild.
    const [from] = tables.reviewLog as { cardId: string }[];
    await db.cardStates.put({ ...(await db.cardStates.toCollection().last())!, cardId: 'moved-card', reps: 0 });
    await db.cardRemaps.put({ id: `${from!.cardId}>moved-card`, deckId: 'deck', from: from!.cardId, to: 'moved-card', at: NOW });
    await rebuildAllStates(db);
    expect((await db.cardStates.get('moved-card'))?.reps).toBeGreaterThan(0);
    db.close();
  });

  it('version 3 moves the welcome flag of a v2 database out of the fake ~app deck row', async () => {
    const factory = new IDBFactory();
    const v2 = openSchemaV2('kujira', factory, IDBKeyRange);
    await v2.open();
    const progress = { deckId: 'docker', completed: ['uses'], currentLessonId: 'memo', updatedAt: NOW, cardIndex: 2, results: {}, unlockAll: true, startedAt: NOW - 1000 };
    await v2.table('onboarding').bulkPut([progress, { deckId: '~app', completed: [], currentLessonId: null, updatedAt: NOW + 5, welcomeSeen: true }]);
    v2.close();

    const db = createDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.appFlags.toArray()).toEqual([{ id: 'welcomeSeen', value: true, updatedAt: NOW + 5 }]);
    expect(await db.onboarding.toArray()).toEqual([progress]);
    expect(await getWelcomeSeen(db)).toBe(true);
    db.close();
  });

  it('version 3 leaves the welcome unseen when a v2 database never saw it', async () => {
    const factory = new IDBFactory();
    const v2 = openSchemaV2('kujira', factory, IDBKeyRange);
    await v2.open();
    await v2.table('onboarding').put({ deckId: '~app', completed: [], currentLessonId: null, updatedAt: NOW, welcomeSeen: false });
    v2.close();

    const db = createDb({ indexedDB: factory, IDBKeyRange });
    expect(await getWelcomeSeen(db)).toBe(false);
    expect(await db.appFlags.get('welcomeSeen')).toEqual({ id: 'welcomeSeen', value: false, updatedAt: NOW });
    expect(await db.onboarding.count()).toBe(0);
    db.close();
  });

  it('tells a tab still on the old version to reload when a newer version opens', async () => {
    const factory = new IDBFactory();
    const { v1 } = await makeV1Database(factory);
    v1.close();
    // The "old tab": a current-code connection is what the app holds; simulate the old tab's
    // handler by opening through createDb on the same database, then a newer version arrives.
    const oldTab = createDb({ indexedDB: factory, IDBKeyRange });
    await oldTab.open();
    const newer = openSchemaV1('kujira', factory, IDBKeyRange);
    newer.version(99).stores({});
    await newer.open();
    expect(getDatabaseStatus(oldTab).mustReload).toBe(true);
    expect(oldTab.isOpen()).toBe(false);
    newer.close();
  });

  it('after version 10, start-up gives a built-in deck back its place from a team deck that had taken its id', async () => {
    const factory = new IDBFactory();
    const builtIn = compileDeckFolders(resolve(__dirname, '../../decks'), resolve(__dirname, '../..')).decks.find((d) => d.id === 'docker')!;
    const files = [{ path: 'docker.en.md', text: '# Docker\n\n## Ours\n\n| Command | Description |\n| --- | --- |\n| `docker login reg` | Signs in to our registry |\n', role: 'memo' as const, lang: 'en' as const }];
    const team = compileDeck({ id: 'docker', files }).deck!;
    // What version 9 code did with a lead's "# Docker" memo: stored under `docker`, built-in cards retired.
    const scratch = createDb({ name: 'scratch-v9', indexedDB: factory, IDBKeyRange });
    await installDecks(scratch, [builtIn], NOW);
    await rateCard(scratch, builtIn.cards[0]!.id, 3, NOW + 1000, 3000, { settings });
    await installDecks(scratch, [team], NOW + 2000);
    await scratch.storedDecks.put({ id: 'docker', files, deck: team, addedAt: NOW + 2000, updatedAt: NOW + 2000 });
    await scratch.syncState.put({ key: 'team:content', value: '{"decks":[],"assignments":[],"pulledAt":0}' });
    expect(await scratch.cards.where('deckId').equals('docker').filter((c) => c.retired === 0).count()).toBe(team.cards.length);
    const tables = Object.fromEntries(await Promise.all(scratch.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    scratch.close();
    const v9 = openSchemaV9('kujira', factory, IDBKeyRange);
    await v9.open();
    await v9.transaction('rw', v9.tables, async () => {
      for (const table of v9.tables) await table.bulkPut(tables[table.name] ?? []);
    });
    v9.close();

    const db = createDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(10);
    // Start-up: the taken id is given back (once), then the built-in deck syncs: every card of it is back, with its review.
    expect(await giveBackBuiltInIds(db)).toEqual(['docker']);
    expect(await giveBackBuiltInIds(db)).toEqual([]);
    expect(await db.storedDecks.get('docker')).toBeUndefined();
    expect(await db.syncState.get('team:content')).toBeUndefined();
    await installDecks(db, [builtIn], NOW + 3000);
    const active = await db.cards.where('deckId').equals('docker').filter((c) => c.retired === 0).toArray();
    expect(active.map((c) => c.id).sort()).toEqual(builtIn.cards.map((c) => c.id).sort());
    expect((await db.cardStates.get(builtIn.cards[0]!.id))?.reps).toBe(1);
    expect(await db.reviewLog.count()).toBe(1);
    db.close();
  });
});

describe('the data upgrades, loaded when they run', () => {
  it.each(RELEASED_VERSIONS)('a version %i database opens with the current schema and keeps its record', async (version) => {
    // A fresh module graph: src/db/upgrades.ts is not loaded yet, so it loads inside the upgrade
    // transaction, which must stay alive meanwhile (a new database never loads it).
    vi.resetModules();
    const { createDb: createDbFresh } = await import('../../src/db/database');
    const factory = new IDBFactory();
    const scratch = createDbFresh({ name: 'scratch', indexedDB: factory, IDBKeyRange });
    const deck = createDeck({ commands: 3 });
    await installDecks(scratch, [deck], NOW);
    for (let i = 0; i < 3; i++) await rateCard(scratch, deck.cards[i]!.id, 3, NOW + i * 60_000, 3000, { settings });
    const tables = Object.fromEntries(await Promise.all(scratch.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    scratch.close();
    // What that version's code left: its tables' rows, with the onboarding row and welcome flag where it kept them.
    const old = openSchemaAt(version, 'kujira', factory, IDBKeyRange);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const table of old.tables) if (table.name !== 'events' && table.name !== 'meta') await table.bulkPut(tables[table.name] ?? []);
      await old.table('settings').put({ id: 'settings', ...settings, theme: 'dark' });
      await old.table('onboarding').put({ deckId: deck.id, completed: ['sec-0'], currentLessonId: null, updatedAt: NOW });
      if (version < 3) await old.table('onboarding').put({ deckId: '~app', completed: [], currentLessonId: null, updatedAt: NOW, welcomeSeen: true });
      else await old.table('appFlags').put({ id: 'welcomeSeen', value: true, updatedAt: NOW });
    });
    old.close();

    const db = createDbFresh({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.reviewLog.count()).toBe(3);
    // Version 11 keeps only the log's queried indexes; a card's ratings are still found through
    // the first part of [cardId+reviewedAt].
    expect(Array.from(db.backendDB().transaction('reviewLog').objectStore('reviewLog').indexNames).sort()).toEqual(['[cardId+reviewedAt]', '[device+seq]', 'dayKey']);
    expect((await db.reviewLog.where('cardId').anyOf([deck.cards[0]!.id, deck.cards[2]!.id]).toArray()).map((r) => r.reviewedAt).sort()).toEqual([NOW, NOW + 120_000]);
    expect(await getWelcomeSeen(db)).toBe(true);
    expect(await db.onboarding.get('~app')).toBeUndefined();
    if (version < 8) {
      // Version 8 stamped the ratings and made the record's state into events.
      const device = (await db.meta.get('device'))?.value;
      expect((await db.reviewLog.toCollection().sortBy('reviewedAt')).map((r) => [r.device, r.seq])).toEqual([[device, 1], [device, 2], [device, 3]]);
      expect((await db.events.toArray()).map((e) => e.type).sort()).toEqual(['flag', 'lesson', 'settings']);
    }
    if (version < 2) expect(await db.onboarding.get(deck.id)).toMatchObject({ cardIndex: 0, results: {}, unlockAll: false, startedAt: null });
    db.close();
  });
});
