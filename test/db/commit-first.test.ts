// writeCommitFirst: the same outcome as db.transaction('rw', ...) (value, data on disk, errors,
// nothing written on failure), only heard earlier. The earlier part is a browser's event order (a
// microtask checkpoint after each listener) that fake-indexeddb does not reproduce:
// bench/review-latency.ts measures it in Chromium.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCommitFirst } from '../../src/db/commit-first';
import type { KujiraDB } from '../../src/db/schema';
import { createTestDb } from './helpers';

let db: KujiraDB;
afterEach(() => db?.close());

describe('writeCommitFirst', () => {
  it("resolves with the scope's value once the rows are committed", async () => {
    db = createTestDb();
    const value = await writeCommitFirst(db, [db.syncState], async () => {
      await db.syncState.put({ key: 'a', value: '1' });
      await db.syncState.put({ key: 'b', value: '2' });
      return 'written';
    });
    expect(value).toBe('written');
    // The caller is back outside the finished transaction: its next query runs on its own.
    expect(Dexie.currentTransaction).toBeFalsy();
    // A new transaction sees both rows: they were committed together.
    expect(await db.syncState.toArray()).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
  });

  it('rejects with the error the scope threw, and nothing it wrote stays', async () => {
    db = createTestDb();
    class Refused extends Error {}
    const outcome = await writeCommitFirst(db, [db.meta], async () => {
      await db.meta.put({ key: 'seq', value: 7 });
      throw new Refused('no');
    }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Refused);
    expect(await db.meta.get('seq')).toBeUndefined();
  });

  it('a failed request rejects with the same Dexie error db.transaction gives', async () => {
    db = createTestDb();
    await db.syncState.add({ key: 'a', value: '1' });
    const duplicate = () => db.syncState.add({ key: 'a', value: 'again' });
    const plain = await db.transaction('rw', [db.syncState], duplicate).catch((e: unknown) => e);
    const first = await writeCommitFirst(db, [db.syncState], duplicate).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(Dexie.ConstraintError);
    expect(first).toBeInstanceOf(Dexie.ConstraintError);
    expect((await db.syncState.get('a'))?.value).toBe('1');
  });

  it('a transaction that cannot start (unknown table) rejects as db.transaction does', async () => {
    db = createTestDb();
    await db.open();
    const missing = db.table('syncState');
    db.close();
    const outcome = await writeCommitFirst(db, [missing], async () => 'never').catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Dexie.DatabaseClosedError);
  });

});
