// Decks added in the app: stored with their sources, kept across a reopen, updated through the
// start-up sync (each review stays on its card), removed with history kept or deleted; and the
// version 7 upgrade of a version 5 database.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database';
import { rateCard, rebuildAllStates } from '../../src/db/reviews';
import type { KujiraDB } from '../../src/db/schema';
import { listStoredDecks, removeStoredDeck, saveStoredDeck } from '../../src/db/stored-decks';
import { installDecks } from '../../src/db/install-decks';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { readDeck } from '../../src/features/decks/read-deck';
import { createDeck } from '../factories';
import { TEAM_EN, TEAM_EN_V2, TEAM_JA, TEAM_JA_V2 } from '../fixtures/team-memo';

const NOW = Date.parse('2026-12-01T09:00:00Z');
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const dbs: KujiraDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function open(factory: IDBFactory): KujiraDB {
  const db = createDb({ name: 'kujira', indexedDB: factory, IDBKeyRange });
  dbs.push(db);
  return db;
}

function team(v2 = false) {
  const r = readDeck(
    [
      { name: 'memo.ja.md', text: v2 ? TEAM_JA_V2 : TEAM_JA },
      { name: 'memo.en.md', text: v2 ? TEAM_EN_V2 : TEAM_EN },
    ],
    'team-tools',
  );
  if (!r.deck) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return { deck: r.deck, files: r.files };
}

const factOf = (deck: ReturnType<typeof team>['deck'], words: string) => deck.cards.find((c) => c.kind === 'fact' && (c.back.en ?? '').startsWith(words))!;

describe('stored decks', () => {
  it('stores a deck with its sources and cards, and finds it again after a reopen', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const { deck, files } = team();
    const r = await saveStoredDeck(db, deck, files, NOW);
    expect(r).toMatchObject({ added: deck.cards.length, retired: 0 });
    db.close();

    const again = open(factory);
    const [stored] = await listStoredDecks(again);
    expect(stored?.deck.id).toBe('team-tools');
    expect(stored?.files.map((f) => [f.path, f.text])).toEqual([
      ['memo.ja.md', TEAM_JA],
      ['memo.en.md', TEAM_EN],
    ]);
    expect(await again.cards.where('deckId').equals('team-tools').count()).toBe(deck.cards.length);
    expect(await again.cardStates.where('deckId').equals('team-tools').count()).toBe(deck.cards.length);
  });

  it('an update keeps every review on its card: an inserted bullet is new, a reworded one takes its history', async () => {
    const db = open(new IDBFactory());
    const v1 = team();
    await saveStoredDeck(db, v1.deck, v1.files, NOW);
    const first = factOf(v1.deck, 'Deploys run');
    const rollback = factOf(v1.deck, 'Rollbacks');
    const pods = v1.deck.cards.find((c) => c.kind === 'command-meaning')!;
    for (const [i, c] of [first, rollback, pods].entries()) await rateCard(db, c.id, 3, NOW + i * 60_000, 2000, { settings });

    const v2 = team(true);
    const r = await saveStoredDeck(db, v2.deck, v2.files, NOW + 3_600_000);
    // Two new card rows (the inserted bullet, the reworded bullet's new id), one of them remapped.
    expect(r).toMatchObject({ added: 2, remapped: 1, retired: 1 });
    const inserted = factOf(v2.deck, 'Deploys need');
    const reworded = factOf(v2.deck, 'Rollbacks');
    expect(reworded.id).not.toBe(rollback.id);
    expect((await db.cardStates.get(first.id))?.reps).toBe(1);
    expect((await db.cardStates.get(pods.id))?.reps).toBe(1);
    expect((await db.cardStates.get(reworded.id))?.reps).toBe(1);
    expect((await db.cardStates.get(inserted.id))?.reps).toBe(0);
    expect(await db.cardRemaps.toArray()).toMatchObject([{ from: rollback.id, to: reworded.id, deckId: 'team-tools' }]);
    // The log is never rewritten, and the states are still its replay (through the remap).
    expect((await db.reviewLog.toArray()).map((e) => e.cardId).sort()).toEqual([first.id, rollback.id, pods.id].sort());
    expect(await rebuildAllStates(db)).toBe(0);
    expect((await listStoredDecks(db))[0]?.files[0]?.text).toBe(TEAM_JA_V2);
  });

  it('removing keeps the history for a re-add; deleting it on request leaves nothing of the deck', async () => {
    const db = open(new IDBFactory());
    const other = createDeck();
    await installDecks(db, [other], NOW);
    await rateCard(db, other.cards[0]!.id, 3, NOW, 2000, { settings });
    const { deck, files } = team();
    await saveStoredDeck(db, deck, files, NOW);
    const card = deck.cards[0]!;
    await rateCard(db, card.id, 3, NOW + 1000, 2000, { settings });

    await removeStoredDeck(db, deck.id, NOW + 2000);
    expect(await listStoredDecks(db)).toEqual([]);
    const states = await db.cardStates.where('deckId').equals(deck.id).toArray();
    expect(states.every((s) => s.retired && s.queue === -1)).toBe(true);
    expect(await db.reviewLog.where('cardId').equals(card.id).count()).toBe(1);

    // Added again (the same memo): the card comes back with its review.
    await saveStoredDeck(db, deck, files, NOW + 3000);
    const back = await db.cardStates.get(card.id);
    expect(back).toMatchObject({ retired: false, reps: 1 });
    expect(back?.queue).toBeGreaterThan(0);

    await removeStoredDeck(db, deck.id, NOW + 4000, { deleteHistory: true });
    expect(await db.cards.where('deckId').equals(deck.id).count()).toBe(0);
    expect(await db.cardStates.where('deckId').equals(deck.id).count()).toBe(0);
    expect(await db.reviewLog.where('cardId').equals(card.id).count()).toBe(0);
    expect(await db.decks.get(deck.id)).toBeUndefined();
    // Another deck's progress is untouched.
    expect(await db.reviewLog.count()).toBe(1);
    expect((await db.cardStates.get(other.cards[0]!.id))?.reps).toBe(1);
  });
});

describe('schema version 7', () => {
  it('opens a version 5 database, keeps its rows, and adds an empty stored-deck table', async () => {
    const factory = new IDBFactory();
    const scratch = open(factory);
    const deck = createDeck({ commands: 2 });
    await installDecks(scratch, [deck], NOW);
    await rateCard(scratch, deck.cards[0]!.id, 3, NOW, 2000, { settings });
    const rows = Object.fromEntries(await Promise.all(scratch.tables.filter((t) => t.name !== 'storedDecks').map(async (t) => [t.name, await t.toArray()] as const)));
    scratch.close();
    await new Promise<void>((resolve, reject) => {
      const req = factory.deleteDatabase('kujira');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });

    // The schema exactly as version 5 left it.
    const v5 = new Dexie('kujira', { indexedDB: factory, IDBKeyRange });
    v5.version(5).stores({
      decks: 'id',
      cards: 'id, deckId',
      cardStates: 'cardId, deckId, [queue+due], [deckId+queue+due], [queue+deckId+newRank]',
      reviewLog: 'id, cardId, reviewedAt, dayKey, [cardId+reviewedAt]',
      settings: 'id',
      quizResults: 'id, mode, deckId, startedAt',
      onboarding: 'deckId',
      appFlags: 'id',
      cardRemaps: 'id, deckId, from, to',
    });
    await v5.open();
    await v5.transaction('rw', v5.tables, async () => {
      for (const t of v5.tables) await t.bulkPut(rows[t.name] ?? []);
    });
    v5.close();

    const db = open(factory);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.storedDecks.count()).toBe(0);
    // Version 8 stamps each rating with this device's id and sequence; the rest is kept as it was.
    const unstamped = (list: unknown[]) => list.map((r) => ({ ...(r as object), device: undefined, seq: undefined }));
    expect(unstamped(await db.reviewLog.toArray())).toEqual(unstamped(rows.reviewLog ?? []));
    expect(await db.cardStates.toArray()).toEqual(rows.cardStates);
    const { deck: added, files } = team();
    await saveStoredDeck(db, added, files, NOW + 1000);
    expect((await listStoredDecks(db)).map((s) => s.deck.id)).toEqual(['team-tools']);
  });
});
