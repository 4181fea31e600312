// Every write to cardStates made through this connection, as it happens: a DBCore middleware
// installed with the connection (createDb), which tells whoever asked (the load balancer's due
// counts, db/due-counts.ts) after each write and again if the write's transaction aborts. Kept
// apart from its users so that the first visit loads only this, not the counting they do.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { KujiraDB } from './schema';

export interface CardStateWriteObserver {
  /** A write (put, add, delete or a range delete) that succeeded within its transaction. */
  written(req: DBCoreMutateRequest): void;
  /** A transaction that had written cardStates aborted: its writes are undone. */
  aborted(): void;
}

const observers = new WeakMap<KujiraDB, Set<CardStateWriteObserver>>();

/** Call before the database opens (createDb does). */
export function watchCardStateWrites(db: KujiraDB): void {
  if (observers.has(db)) return;
  const watching = new Set<CardStateWriteObserver>();
  observers.set(db, watching);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'card-state-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'cardStates') return table;
        const watched: DBCoreTable = {
          ...table,
          mutate: async (req) => {
            const res = await table.mutate(req);
            if (watching.size === 0) return res;
            for (const o of watching) o.written(req);
            const trans = req.trans as unknown as { addEventListener?: (type: string, f: () => void) => void };
            trans.addEventListener?.('abort', () => {
              for (const o of watching) o.aborted();
            });
            return res;
          },
        };
        return watched;
      },
    }),
  };
  db.use(middleware);
}

/**
 * Be told of this connection's cardStates writes from now on. False when the connection is not
 * watched (a test opening the schema class directly): the caller cannot rely on being told.
 */
export function observeCardStateWrites(db: KujiraDB, observer: CardStateWriteObserver): boolean {
  const watching = observers.get(db);
  if (!watching) return false;
  watching.add(observer);
  return true;
}
