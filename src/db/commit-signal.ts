// The first word of a read-write transaction's commit: a DBCore middleware, below every other,
// listens for `complete` on each read-write transaction before Dexie sets its own handler, so a
// write that asks (db/commit-first.ts) hears of its commit before Dexie wakes the live queries.
// Installed at start-up with the connection; the write that uses it loads with its screen.
import type { DBCore, Middleware } from 'dexie';
import type { KujiraDB } from './schema';

/**
 * The browser's Promise, taken at load: the middleware runs inside Dexie's transaction zone, where
 * the global Promise is Dexie's zone-bound one, whose callbacks would run the listener's waiters in
 * the finished transaction's zone (their next query would fail as "transaction inactive").
 */
export const NativePromise = globalThis.Promise;

const commits = new WeakMap<IDBTransaction, Promise<void>>();

const installed = new WeakSet<KujiraDB>();

/** Call before the database opens (createDb does). */
export function trackCommits(db: KujiraDB): void {
  if (installed.has(db)) return;
  installed.add(db);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'commit-first',
    // Below every other middleware (Dexie's own go down to -1): this listener is the first.
    level: -10,
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const trans = down.transaction(stores, mode, options);
        const native = trans as unknown as IDBTransaction;
        if (mode === 'readwrite' && typeof native.addEventListener === 'function') {
          const committed = new NativePromise<void>((resolve, reject) => {
            native.addEventListener('complete', () => resolve(), { once: true });
            native.addEventListener('abort', () => reject(native.error ?? new Error('transaction aborted')), { once: true });
          });
          // The caller may never ask (most writes do not): an abort must not surface unhandled.
          committed.catch(() => undefined);
          commits.set(native, committed);
        }
        return trans;
      },
    }),
  };
  db.use(middleware);
}

/** Settles when the read-write transaction `native` commits (rejects if it aborts). */
export function commitOf(native: IDBTransaction | undefined): Promise<void> | undefined {
  return native ? commits.get(native) : undefined;
}
