// Storage errors become typed errors; another tab's upgrade closes this connection and says so.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, getDatabaseStatus, subscribeDatabaseStatus } from '../../src/db/database';
import {
  DatabaseClosedForUpgradeError,
  DatabaseVersionError,
  StorageFullError,
  toStorageError,
  withStorage,
} from '../../src/db/errors';
import { rateCard } from '../../src/db/reviews';
import { installDecks } from '../../src/db/install-decks';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { createDeck } from '../factories';
import { createTestDb, writeSpy } from './helpers';

describe('toStorageError', () => {
  it('maps quota, version and closed errors to typed errors with a kind', () => {
    const quota = new Dexie.QuotaExceededError('full');
    expect(toStorageError(quota)).toBeInstanceOf(StorageFullError);
    expect((toStorageError(quota) as StorageFullError).kind).toBe('storage-full');
    const wrapped = new Dexie.AbortError('aborted', new DOMException('quota', 'QuotaExceededError'));
    expect(toStorageError(wrapped)).toBeInstanceOf(StorageFullError);
    expect(toStorageError(new Dexie.VersionError('newer'))).toBeInstanceOf(DatabaseVersionError);
    const plain = new Error('not storage');
    expect(toStorageError(plain)).toBe(plain);
  });

  it('a quota error during a rating reaches the caller as StorageFullError, and nothing is written', async () => {
    const db = createTestDb();
    let full = false;
    db.use(
      writeSpy((table) => {
        if (full && table === 'reviewLog') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }),
    );
    const deck = createDeck({ commands: 1 });
    await installDecks(db, [deck], 0);
    full = true;
    const err = await rateCard(db, deck.cards[0]!.id, 3, 1000, 1, { settings: { ...DEFAULT_SETTINGS, timeZone: 'UTC' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect(await db.reviewLog.count()).toBe(0);
    expect((await db.cardStates.get(deck.cards[0]!.id))?.reps).toBe(0);
    db.close();
  });
});

describe('versionchange', () => {
  it('closes this connection when another opens a newer version, flags mustReload, and later calls fail typed', async () => {
    const factory = new IDBFactory();
    const db = createDb({ name: 'k', indexedDB: factory, IDBKeyRange });
    await db.open();
    const seen: boolean[] = [];
    const unsubscribe = subscribeDatabaseStatus(db, (s) => seen.push(s.mustReload));
    // A newer app version in another tab.
    const newer = new Dexie('k', { indexedDB: factory, IDBKeyRange });
    newer.version(db.verno + 1).stores({ decks: 'id' });
    await newer.open();
    expect(getDatabaseStatus(db).mustReload).toBe(true);
    expect(seen).toEqual([true]);
    unsubscribe();
    const err = await withStorage(db, () => db.decks.toArray()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseClosedForUpgradeError);
    newer.close();
  });
});
