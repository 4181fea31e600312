// The event store that sync replicates, as a port: declared here, in the domain, so that the sync
// engine (src/sync, which calls it) and storage (src/db/sync-store.ts, which implements it over
// IndexedDB) share one contract without importing each other. src/sync/types.ts re-exports it as
// the engine's own.

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
export interface StoredEvent<E extends SyncEvent = SyncEvent> {
  seq: number;
  event: E;
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

/** A pulled event before its check: its id, and its origin when the document states one. */
export interface EventRef {
  id: string;
  device?: string;
  seq?: number;
}

export interface AddPulledOptions {
  /**
   * More batches follow at once (a catch-up): the store may add the events now and replay the
   * states they touch once, when settlePulled is called, instead of after every batch.
   */
  deferStates?: boolean;
}

/**
 * The device's event log as the engine sees it. The IndexedDB implementation lives in src/db
 * (its events are the domain's LearnerEvent: `LocalEventStore<LearnerEvent>`); tests use an
 * in-memory one. Every method must be safe to call again after a crash (idempotent).
 */
export interface LocalEventStore<E extends SyncEvent = SyncEvent> {
  /** Local events with seq > `seq`, oldest first, at most `limit`; `lastSeq` is the newest seq now. */
  readSince(seq: number, limit: number): Promise<{ events: StoredEvent<E>[]; lastSeq: number }>;
  /**
   * Adds pulled events (already checked) in one transaction, then replays what they touch, and
   * records `source` (the database URL) with each added event so it is not offered back. An id
   * already here with the same content is a no-op; an id here with different content is not
   * applied and comes back in `rejected`.
   */
  addPulled(events: E[], source: string, options?: AddPulledOptions): Promise<{ added: number; rejected: { id: string; reason: string }[] }>;
  /**
   * Optional, for a store that can defer (AddPulledOptions.deferStates): brings every state the
   * deferred batches touched up to date with the log. Called when a catch-up ends, whether it
   * ended well or not; safe to call with nothing deferred.
   */
  settlePulled?(): Promise<void>;
  /**
   * Which of these events the store already holds (its own events come back from the server: no
   * need to check them again). An event held under other `device`/`seq` than the reference claims
   * may be missed (it is then checked, and the merge finds it by id); one not held is never named.
   */
  knownIds(refs: readonly EventRef[]): Promise<Set<string>>;
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
  readAll?(cursor: string | null, limit: number): Promise<{ events: E[]; next: string | null }>;
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
