// A write whose caller hears of its commit before anyone else does. When a read-write transaction
// commits, Dexie wakes every live query that read the tables it wrote, synchronously, in its own
// `complete` handler, and only then resolves the transaction's promise: on the review screen that
// put several milliseconds of re-queries (today's queue, the card, the due counts) between a
// rating reaching the disk and the next card being drawn. `writeCommitFirst` resolves from the
// commit signal's listener (db/commit-signal.ts), which comes first: the browser runs the caller's
// continuation (a microtask checkpoint follows each listener) before Dexie's handler wakes the
// live queries. Nothing else changes: the data is committed when either fires, and errors are
// still Dexie's.
import Dexie, { type Table } from 'dexie';
import { commitOf, NativePromise } from './commit-signal';
import type { KujiraDB } from './schema';

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
    knowCommit({ committed: commitOf(native) });
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
