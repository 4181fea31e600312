// What the replicator's modules share while one run of its loop lasts (start() to stop()): the
// options as resolved, the HTTP client, the stop signal every request carries, the checkpoints,
// the running totals, whether a local event is waiting to be pushed, and the way to report a
// status. One small explicit object, made by replicator.ts for each run and passed to push.ts,
// pull.ts, sweep.ts and deck-sync.ts, instead of one class whose every method reads every field.
import type { Checkpoints } from './checkpoints';
import type { CouchClient } from './couch-client';
import type { Clock, EventBatchCheck, EventCheck, LocalEventStore, SyncStatus } from './types';

/** Documents written to the server, events added from it, documents quarantined (or held). */
export interface ReplicationTotals {
  pushed: number;
  pulled: number;
  quarantined: number;
}

export interface ReplicationContext {
  readonly client: CouchClient;
  readonly store: LocalEventStore;
  /** The pulled events' check (the backup import's validator). */
  readonly check: EventCheck;
  /** The same for a whole batch, when the caller has one. */
  readonly checkMany?: EventBatchCheck;
  readonly clock: Clock;
  /** Events per request, both directions. */
  readonly batchSize: number;
  /** Documents per _changes request (at most: the byte cap may ask for fewer). */
  readonly pullBatchSize: number;
  /** Bytes one _changes answer may take. */
  readonly maxBatchBytes: number;
  /** Aborted by stop(): every request of the run carries it. */
  readonly stopSignal: AbortSignal;
  readonly checkpoints: Checkpoints;
  /** Counted since the replicator was made: they survive a stop and a start. */
  readonly totals: ReplicationTotals;
  /**
   * A local event was appended since push last read the log (set by the live loop's listener,
   * cleared by push before each read): the loop does not wait for the server while it is set.
   */
  localNews: boolean;
  report(status: SyncStatus): void;
}

/** The 'syncing' status: `pending` to go, with the totals so far. */
export function reportSyncing(ctx: ReplicationContext, pending: number): void {
  ctx.report({ kind: 'syncing', pending, pushed: ctx.totals.pushed, pulled: ctx.totals.pulled });
}
