// The sync engine's contracts: what it needs from the device's event store (declared in the domain,
// src/domain/events/event-store.ts, because src/db implements it), how pulled events are checked,
// the clock it waits on, and the status it reports. Plain TypeScript, no I/O of its own.

export type { AddPulledOptions, EventRef, HeldDocument, LocalEventStore, QuarantinedEvent, StoredEvent, SyncDeckSource, SyncEvent } from '../domain/events/event-store';
import type { SyncEvent } from '../domain/events/event-store';

/** A pulled event's check (the backup import's validator): the event typed, or the bad field. */
export type EventCheck = (event: unknown) => EventCheckResult;
export type EventCheckResult = { ok: true; event: SyncEvent } | { ok: false; path: string; reason: string };
/** Many events checked at once, each result what EventCheck gives for it (a batch costs less than its events one by one). */
export type EventBatchCheck = (events: readonly unknown[]) => EventCheckResult[];

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
