// A write whose caller hears of its commit before anyone else does. When a read-write transaction
// commits, Dexie wakes every live query that read the tables it wrote, synchronously, in its own
// `complete` handler, and only then resolves the transaction's promise: on the review screen that
// put several milliseconds of re-queries (today's queue, the card, the due counts) between a
// rating reaching the disk and the next card being drawn. Here a DBCore middleware listens for
// `complete` on every read-write transaction before Dexie's own handler is set, and
// `writeCommitFirst` resolves from that listener: the browser runs the caller's continuation
// (a microtask checkpoint follows each listener) before Dexie's handler wakes the live queries.
// Nothing else changes: the data is committed when either fires, and errors are still Dexie's.
import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';
import type { KujiraDB } from './schema';

/**
 * The browser's Promise, taken at load: inside a transaction Dexie swaps the global Promise for
 * its zone-bound one, whose callbacks would run the caller's code in the finished transaction's
 * zone (its next query would fail as "transaction inactive").
 */
const NativePromise = globalThis.Promise;

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

/**
 * `db.transaction('rw', tables, scope)`, resolving as soon as the transaction commits, ahead of
 * the live queries it wakes. A failed or aborted transaction rejects with Dexie's own error, as
 * db.transaction would.
 */
export function writeCommitFirst<T>(db: KujiraDB, tables: Table[], scope: () => Promise<T>): Promise<T> {
  // Handed back through a Dexie promise made here: its callbacks run in the zone that awaits it.
  // A native one would resume the caller inside the finished transaction's zone whenever Dexie's
  // complete handler has entered it first (fake-indexeddb runs both listeners before any microtask).
  return new Dexie.Promise<T>((resolve, reject) => {
    commitFirst(db, tables, scope).then(resolve, reject);
  });
}

async function commitFirst<T>(db: KujiraDB, tables: Table[], scope: () => Promise<T>): Promise<T> {
  // Wrapped in an object: a promise resolved with a promise would wait for it.
  let knowCommit: (known: { committed: Promise<void> | undefined }) => void = () => undefined;
  const commitKnown = new NativePromise<{ committed: Promise<void> | undefined }>((resolve) => {
    knowCommit = resolve;
  });
  let done: { value: T } | null = null;
  const whole = db.transaction('rw', tables, async () => {
    const native = Dexie.currentTransaction?.idbtrans;
    knowCommit({ committed: native ? commits.get(native) : undefined });
    const value = await scope();
    done = { value };
    return value;
  });
  const wholeSettled = whole.then(
    () => undefined,
    () => undefined,
  );
  // Absent when the transaction failed before its scope ran, or on a backend without listeners:
  // then Dexie's promise is the one signal.
  const committed = (await NativePromise.race([commitKnown, wholeSettled]))?.committed;
  if (committed) {
    const ok = await NativePromise.race([committed.then(() => true, () => false), wholeSettled.then(() => false)]);
    // Committed with the scope finished: Dexie's promise resolves a moment later with this value.
    if (ok && done) return (done as { value: T }).value;
  }
  return whole;
}
