// The sync engine's contracts: what it needs from the device's event store, how pulled events are
// checked, the clock it waits on, and the status it reports. Plain TypeScript, no I/O of its own.

/** One immutable event (plain JSON) with a stable id unique across devices (a UUID). */
export interface SyncEvent {
  readonly id: string;
}

/**
 * A deck's Markdown sources as they travel. One version; on every device the highest `version`
 * wins (ties by content), never the newest `at`: a clock is a claim (docs/sync.md, trust model).
 */
export interface SyncDeckSource {
  id: string;
  /** When this version was added (epoch ms): shown, and bounded like an event's time. */
  at: number;
  /** The version counter: one more than the newest version the writing device knew. Absent (0) on older documents. */
  version?: number;
  /** The source files, as the store keeps them (checked and compiled by the receiving store). */
  files: unknown[];
}

/** A local event and its position in this device's own append order. */
export interface StoredEvent {
  seq: number;
  event: SyncEvent;
  /** The database URL it was pulled from (null: made on this device or imported). Not sent back there. */
  source: string | null;
}

/** An event pulled from the server that was not applied, and why. */
export interface QuarantinedEvent {
  /** The document id as the server sent it (cut to 200 characters). */
  docId: string;
  rev: string;
  /** JSONPath of the bad field (`$` for the whole document). */
  path: string;
  reason: string;
  receivedAt: number;
  /** The document's JSON, cut to 4,000 characters, for a person to look at. */
  sample: string;
  /**
   * Held, not refused: stamped more than the clock tolerance past this device's clock. From this
   * time (this device's clock) on it is checked and applied again (LocalEventStore.heldDue).
   */
  until?: number;
  /** The whole held document (JSON), only with `until`. */
  doc?: string;
}

/** A held document whose time has come: `key` names it for releaseHeld. */
export interface HeldDocument {
  key: number;
  docId: string;
  rev: string;
  doc: unknown;
}

/**
 * The device's event log as the engine sees it. The IndexedDB implementation lives in src/db;
 * tests use an in-memory one. Every method must be safe to call again after a crash (idempotent).
 */
export interface LocalEventStore {
  /** Local events with seq > `seq`, oldest first, at most `limit`; `lastSeq` is the newest seq now. */
  readSince(seq: number, limit: number): Promise<{ events: StoredEvent[]; lastSeq: number }>;
  /**
   * Adds pulled events (already checked) in one transaction, then replays what they touch, and
   * records `source` (the database URL) with each added event so it is not offered back. An id
   * already here with the same content is a no-op; an id here with different content is not
   * applied and comes back in `rejected`.
   */
  addPulled(events: SyncEvent[], source: string): Promise<{ added: number; rejected: { id: string; reason: string }[] }>;
  /** Which of these ids the store already holds (its own events come back from the server: no need to check them again). */
  knownIds(ids: string[]): Promise<Set<string>>;
  quarantine(items: QuarantinedEvent[]): Promise<void>;
  getCheckpoint(key: string): Promise<string | null>;
  setCheckpoint(key: string, value: string): Promise<void>;
  /** Calls `listener` after each local append; returns the unsubscribe function. */
  onLocalEvent(listener: () => void): () => void;
  /**
   * Optional, for a store whose `readSince` gives only its own events (the IndexedDB store: this
   * device's counter). Every stored event, page by page (`next` null at the end), so a database
   * new to this device gets imported and earlier pulled events too...
   */
  readAll?(cursor: string | null, limit: number): Promise<{ events: SyncEvent[]; next: string | null }>;
  /** ...and again whenever this token changes (an import added events that are not the device's own). */
  sweepToken?(): Promise<string>;
  /**
   * Optional: documents quarantined with `until` (stamped too far in the future) whose `until` is
   * at or before `now`, to be checked and applied again...
   */
  heldDue?(now: number): Promise<HeldDocument[]>;
  /** ...and taken off the list once they were (whatever the check said then). */
  releaseHeld?(keys: number[]): Promise<void>;
  /** The earliest `until` of the held documents, or null: the live wait ends then. */
  nextHeld?(): Promise<number | null>;
  /** Optional: decks added in the app travel too. Every stored deck's current sources... */
  deckSources?(): Promise<SyncDeckSource[]>;
  /** ...offered again whenever this token changes (a deck added, updated or pulled)... */
  deckToken?(): Promise<string>;
  /** ...and pulled versions, which the store compiles and keeps when newer than its own. */
  addDeckSources?(decks: SyncDeckSource[]): Promise<{ rejected: { id: string; reason: string }[] }>;
}

/** A pulled event's check (the backup import's validator): the event typed, or the bad field. */
export type EventCheck = (event: unknown) => { ok: true; event: SyncEvent } | { ok: false; path: string; reason: string };

/** Time for backoff and status; tests pass a manual clock. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    }),
};

/** Why sync stopped or cannot reach the server; each has a message saying what to do (docs/sync.md). */
export type SyncErrorKind =
  /** The server refused the name and password (401 on _session). */
  | 'wrong-password'
  /** The session ended and no password is held (after a reload): sign in again. */
  | 'signed-out'
  /** Signed in, but not a member of this database (401/403 on it). */
  | 'forbidden'
  /** 404 on the database URL. */
  | 'no-database'
  /** The server answers, but not to this origin: CORS is not enabled for the app. */
  | 'cors'
  /** No answer at all (wrong address, server down, no network) since sync was started. */
  | 'unreachable'
  /** The server's answer is not what CouchDB sends. */
  | 'protocol'
  /** An `http://` address of another computer: refused, the password would travel in clear text. */
  | 'cleartext';

export type SyncStatus =
  | { kind: 'stopped' }
  | { kind: 'connecting' }
  /** `pending`: events still to send plus those known still to receive. */
  | { kind: 'syncing'; pending: number; pushed: number; pulled: number }
  /** `clockSkewMs`: this device's clock minus the server's (its Date header), null when unknown. */
  | { kind: 'synced'; at: number; quarantined: number; clockSkewMs?: number | null }
  /** The connection worked and was lost; the engine tries again at `retryAt`. */
  | { kind: 'offline'; retryAt: number; attempt: number }
  /** `retryAt` null: sync stopped and waits for the person (wrong password, CORS, ...). */
  | { kind: 'error'; reason: SyncErrorKind; detail: string; retryAt: number | null };
