// Opening the database: the app's single instance (getDb), fresh instances for tests, and the
// connection status the UI shows (another tab upgraded the database; an upgrade is blocked).
import { watchCardStateWrites } from './card-state-writes';
import { trackCommits } from './commit-signal';
import { DB_NAME, KujiraDB } from './schema';

export interface DatabaseStatus {
  /** Another tab upgraded or deleted the database; this connection is closed: reload. */
  mustReload: boolean;
  /** Our upgrade waits for another tab that keeps the database open. */
  blocked: boolean;
}

type Listener = (s: DatabaseStatus) => void;

const statuses = new WeakMap<KujiraDB, { status: DatabaseStatus; listeners: Set<Listener> }>();

function entry(db: KujiraDB) {
  let e = statuses.get(db);
  if (!e) {
    e = { status: { mustReload: false, blocked: false }, listeners: new Set() };
    statuses.set(db, e);
  }
  return e;
}

function setStatus(db: KujiraDB, patch: Partial<DatabaseStatus>): void {
  const e = entry(db);
  e.status = { ...e.status, ...patch };
  for (const l of e.listeners) l(e.status);
}

export function getDatabaseStatus(db: KujiraDB): DatabaseStatus {
  return entry(db).status;
}

/** Listen to status changes; returns the unsubscribe function. */
export function subscribeDatabaseStatus(db: KujiraDB, listener: Listener): () => void {
  const e = entry(db);
  e.listeners.add(listener);
  return () => {
    e.listeners.delete(listener);
  };
}

export interface CreateDbOptions {
  name?: string;
  /** An IDBFactory (tests: `new IDBFactory()` from fake-indexeddb). Defaults to the global one. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** A new database connection with the status handlers installed (opens lazily on first use). */
export function createDb(options: CreateDbOptions = {}): KujiraDB {
  const db = new KujiraDB(options.name ?? DB_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  entry(db);
  watchCardStateWrites(db);
  trackCommits(db);
  db.on('versionchange', () => {
    // Close at once so the other tab's upgrade proceeds; this tab runs old code and must reload.
    db.close();
    setStatus(db, { mustReload: true });
    return false;
  });
  db.on('blocked', () => {
    setStatus(db, { blocked: true });
  });
  db.on('ready', () => {
    if (getDatabaseStatus(db).blocked) setStatus(db, { blocked: false });
  });
  return db;
}

let instance: KujiraDB | null = null;

/** The app's database. */
export function getDb(): KujiraDB {
  if (!instance) instance = createDb();
  return instance;
}

/**
 * Start opening the app's database now, while start-up still fetches its chunks (the decks, the
 * repair code): the first screen's queries then find it open. A failure is not reported here:
 * the first real use meets the same error and start-up's safe mode says what it is.
 */
export function openDatabaseEarly(): void {
  getDb()
    .open()
    .catch(() => undefined);
}

/** Replace the app's database (component tests inject a fresh fake-indexeddb one). */
export function setDb(db: KujiraDB | null): void {
  instance = db;
}
