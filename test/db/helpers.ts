// A fresh, isolated database per test: its own in-memory IndexedDB (fake-indexeddb).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { createDb } from '../../src/db/database';
import type { KujiraDB } from '../../src/db/schema';
import { installDecks } from '../../src/db/install-decks';
import type { Deck } from '../../src/domain/deck/types';
import { createDeck } from '../factories';

export function createTestDb(name = 'kujira-test'): KujiraDB {
  return createDb({ name, indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A DBCore middleware that sees every write; `onMutate` may throw to make the write fail. */
export function writeSpy(onMutate: (table: string, req: DBCoreMutateRequest) => void = () => {}): Middleware<DBCore> & {
  writes: { table: string; type: string }[];
} {
  const writes: { table: string; type: string }[] = [];
  return {
    stack: 'dbcore',
    name: 'write-spy',
    writes,
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            writes.push({ table: name, type: req.type });
            onMutate(name, req);
            return t.mutate(req);
          },
        };
      },
    }),
  };
}

/** Everything in the database, for before/after comparisons. */
export async function dump(db: KujiraDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

export const UTC_SETTINGS = { timeZone: 'UTC' } as const;

/** A fresh test database holding a synced deck of `commands` commands (both directions each). */
export async function createSeededTestDb(commands: number, now: number): Promise<{ db: KujiraDB; deck: Deck }> {
  const db = createTestDb();
  const deck = createDeck({ commands });
  await installDecks(db, [deck], now);
  return { db, deck };
}
