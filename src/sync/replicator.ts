// The replication engine's loop: pushes this device's new events and pulls the server's, in
// batches, resumable from checkpoints kept on both sides, live (a longpoll _changes feed, cut
// short when a local event is appended), with exponential backoff while the server cannot be
// reached. Events are immutable and carry their own revision (event-docs.ts), so replication is a
// set union: no conflicts, and anything sent or received twice is a no-op. Pulled events are
// checked (the backup import's validator, injected) and bad ones quarantined, never applied.
//
// This file holds the connection (sign-in, backoff, the status) and the live loop; each step of a
// round is a module of its own, sharing one ReplicationContext per run: push.ts, pull.ts (with
// pulled-docs.ts, which sorts what arrives), sweep.ts, deck-sync.ts, checkpoints.ts, send.ts.
import { abortable } from './abortable';
import { Checkpoints } from './checkpoints';
import { CouchClient, type FetchLike } from './couch-client';
import { SyncError } from './errors';
import { applyPulled, catchUp, changesCapped, releaseHeld } from './pull';
import { pushAll } from './push';
import type { ReplicationContext, ReplicationTotals } from './replication-context';
import { sweepIfDue } from './sweep';
import { realClock, type Clock, type EventBatchCheck, type EventCheck, type LocalEventStore, type SyncStatus } from './types';

export interface ReplicatorOptions {
  /** The learner's database, e.g. https://couch.example.org/kujira-alice */
  dbUrl: string;
  store: LocalEventStore;
  check: EventCheck;
  /** Optional: `check` for a whole batch at once (the same results, cheaper). */
  checkMany?: EventBatchCheck;
  /** Stable per device and database: names this device's checkpoints on the server. */
  deviceId: string;
  fetch: FetchLike;
  clock?: Clock;
  /**
   * Does the server answer at all (an opaque no-cors request)? Tells "CORS not enabled" from
   * "unreachable". `signal` aborts when sync stops.
   */
  probe?: (url: string, signal?: AbortSignal) => Promise<boolean>;
  /** Events per request (both directions). */
  batchSize?: number;
  /**
   * Documents per _changes request, when pulling should take more than pushing sends: a pull
   * answer is cut to the byte cap (fewer documents are asked for), a push body is not.
   */
  pullBatchSize?: number;
  /** How long a live _changes request waits for news before it is renewed. */
  longpollMs?: number;
  /**
   * Bytes one _changes answer may take (the documents included): past it the engine asks for fewer
   * documents, and a single document over it is quarantined unread. Default 32 MB.
   */
  maxBatchBytes?: number;
  backoff?: { baseMs: number; maxMs: number };
  onStatus?: (status: SyncStatus) => void;
}

export interface Credentials {
  name: string;
  password: string;
}

/** The default cap of one _changes answer: room for a few of the largest deck documents. */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;
/** Timers wait at most a day (setTimeout overflows past 24.8 days); a longer wait is simply renewed. */
const MAX_TIMER_MS = 86_400_000;

export class Replicator {
  private readonly options: Required<Omit<ReplicatorOptions, 'onStatus' | 'probe' | 'checkMany' | 'pullBatchSize'>> & Pick<ReplicatorOptions, 'onStatus' | 'probe' | 'checkMany' | 'pullBatchSize'>;
  private readonly client: CouchClient;
  private current: SyncStatus = { kind: 'stopped' };
  private readonly counts: ReplicationTotals = { pushed: 0, pulled: 0, quarantined: 0 };
  private stopCtl = new AbortController();
  /** Cuts a backoff wait short. */
  private wakeCtl = new AbortController();
  /** Cuts the live wait short: a local event, wake(), a held document's time. */
  private liveWaitCtl: AbortController | null = null;
  private loop: Promise<void> | null = null;
  /** Held in memory for the life of this replicator only (to sign in again when a session ends). */
  private credentials: Credentials | null = null;

  constructor(options: ReplicatorOptions) {
    this.options = {
      clock: realClock,
      batchSize: 500,
      longpollMs: 25_000,
      maxBatchBytes: MAX_BATCH_BYTES,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      ...options,
    };
    // The app's engine never sends a password in clear text, in a browser or not.
    this.client = new CouchClient(options.dbUrl, options.fetch, () => this.options.clock.now(), { cleartext: 'refuse' });
  }

  get status(): SyncStatus {
    return this.current;
  }

  get totals(): Readonly<ReplicationTotals> {
    return { ...this.counts };
  }

  private set(status: SyncStatus): void {
    this.current = status;
    this.options.onStatus?.(status);
  }

  /**
   * Starts syncing. With credentials, signs in first; without, resumes on the browser's existing
   * session cookie (after a reload) and reports 'signed-out' if there is none.
   */
  start(credentials: Credentials | null = null): void {
    if (this.loop) return;
    this.credentials = credentials;
    this.stopCtl = new AbortController();
    this.set({ kind: 'connecting' });
    this.loop = this.run(this.contextOfRun(this.stopCtl.signal)).finally(() => {
      this.loop = null;
    });
  }

  /** Stops syncing (nothing local is touched) and forgets the password. */
  async stop(): Promise<void> {
    this.stopCtl.abort();
    this.liveWaitCtl?.abort();
    this.wakeCtl.abort();
    await this.loop;
    this.credentials = null;
    this.set({ kind: 'stopped' });
  }

  /** Cuts a backoff wait short (call it on the browser's `online` event). */
  wake(): void {
    this.wakeCtl.abort();
    // And a live wait: held documents are looked at again at once (after the clock was set right).
    this.liveWaitCtl?.abort();
  }

  private contextOfRun(stopSignal: AbortSignal): ReplicationContext {
    const { store, check, checkMany, clock, batchSize, pullBatchSize, maxBatchBytes, deviceId } = this.options;
    return {
      client: this.client,
      store,
      check,
      ...(checkMany ? { checkMany } : {}),
      clock,
      batchSize,
      pullBatchSize: pullBatchSize ?? batchSize,
      maxBatchBytes,
      stopSignal,
      checkpoints: new Checkpoints(this.client, store, deviceId, stopSignal),
      totals: this.counts,
      localNews: true,
      report: (status) => this.set(status),
    };
  }

  /** Signs in, connects and stays live; on a failure waits and tries again, or stops with the reason. */
  private async run(ctx: ReplicationContext): Promise<void> {
    const stopped = () => ctx.stopSignal.aborted;
    let attempt = 0;
    let connected = false;
    let relogins = 0;
    let signedIn = false;
    while (!stopped()) {
      try {
        if (this.credentials && !signedIn) await this.client.login(this.credentials.name, this.credentials.password, ctx.stopSignal);
        signedIn = true;
        await this.client.info(ctx.stopSignal);
        connected = true;
        attempt = 0;
        relogins = 0;
        await this.live(ctx);
      } catch (e) {
        if (stopped()) return;
        const err = e instanceof SyncError ? e : new SyncError('protocol', e instanceof Error ? e.message : String(e));
        if (err.kind === 'signed-out') {
          // A session that ended while the password is still held: sign in again, once.
          if (this.credentials && relogins === 0) {
            relogins += 1;
            signedIn = false;
            continue;
          }
          const kind = this.credentials ? 'forbidden' : 'signed-out';
          this.set({ kind: 'error', reason: kind, detail: err.message, retryAt: null });
          return;
        }
        if (err.kind === 'network' && !connected) {
          if (await this.answersWithoutCors(ctx.stopSignal)) {
            this.set({ kind: 'error', reason: 'cors', detail: `${this.client.root} answers, but not to this app (CORS)`, retryAt: null });
            return;
          }
          if (stopped()) return;
        }
        if (err.transient) {
          const { baseMs, maxMs } = this.options.backoff;
          const delay = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
          attempt += 1;
          const retryAt = this.options.clock.now() + delay;
          this.set(connected ? { kind: 'offline', retryAt, attempt } : { kind: 'error', reason: 'unreachable', detail: err.message, retryAt });
          this.wakeCtl = new AbortController();
          await this.options.clock.sleep(delay, AbortSignal.any([ctx.stopSignal, this.wakeCtl.signal]));
          continue;
        }
        const reason = err.kind === 'network' || err.kind === 'server' ? 'unreachable' : err.kind === 'too-large' ? 'protocol' : err.kind;
        this.set({ kind: 'error', reason, detail: err.message, retryAt: null });
        return;
      }
    }
  }

  /**
   * Whether the server answers an opaque request though the app's requests fail: CORS is not
   * enabled for the app. False when it does not answer, or when sync stops first.
   */
  private async answersWithoutCors(stopSignal: AbortSignal): Promise<boolean> {
    const probe =
      this.options.probe ??
      ((url: string, signal?: AbortSignal) => this.options.fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: signal ?? null }).then(() => true, () => false));
    return abortable(probe(this.client.root, stopSignal), stopSignal).catch(() => false);
  }

  /**
   * Connected: resumes from the checkpoints, then round after round pushes what is new here,
   * reads what is new there, and waits for either (a longpoll, cut short by a local event,
   * wake() or a held document's time). Returns only by throwing (a failure, or stop()).
   */
  private async live(ctx: ReplicationContext): Promise<void> {
    const pushResumed = await ctx.checkpoints.resumeFrom('push');
    let pushSeq = Number(pushResumed ?? 0);
    let fresh = pushResumed === null;
    let since = (await ctx.checkpoints.resumeFrom('pull')) ?? '0';
    ctx.localNews = true;
    const unsubscribe = ctx.store.onLocalEvent(() => {
      ctx.localNews = true;
      this.liveWaitCtl?.abort();
    });
    try {
      for (;;) {
        await releaseHeld(ctx);
        pushSeq = await sweepIfDue(ctx, pushSeq, fresh);
        fresh = false;
        pushSeq = await pushAll(ctx, pushSeq);
        // Catch up with normal (non-waiting) requests, then wait for news with a longpoll.
        since = await catchUp(ctx, since);
        if (ctx.localNews) continue;
        this.set({ kind: 'synced', at: ctx.clock.now(), quarantined: this.counts.quarantined, clockSkewMs: this.client.clockSkewMs });
        this.liveWaitCtl = new AbortController();
        const waitCtl = this.liveWaitCtl;
        const signal = AbortSignal.any([ctx.stopSignal, waitCtl.signal]);
        // A held document's time may come before the server has news: the wait ends then.
        const nextHeld = ctx.store.nextHeld ? await ctx.store.nextHeld() : null;
        if (nextHeld !== null) {
          const ms = Math.min(MAX_TIMER_MS, Math.max(0, nextHeld - ctx.clock.now()));
          void ctx.clock.sleep(ms, signal).then(() => {
            if (!signal.aborted) waitCtl.abort();
          });
        }
        try {
          const { r } = await changesCapped(ctx, since, signal, this.options.longpollMs);
          since = await applyPulled(ctx, r, since);
        } catch (e) {
          if (ctx.stopSignal.aborted || !signal.aborted) throw e;
          // A local event, a wake() or a held document's time cut the wait short.
        } finally {
          waitCtl.abort();
        }
      }
    } finally {
      unsubscribe();
      this.liveWaitCtl = null;
    }
  }
}
