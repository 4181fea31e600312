// The replication engine: pushes this device's new events and pulls the server's, in batches,
// resumable from checkpoints kept on both sides, live (a longpoll _changes feed, cut short when a
// local event is appended), with exponential backoff while the server cannot be reached. Events are
// immutable and carry their own revision (event-docs.ts), so replication is a set union: no
// conflicts, and anything sent or received twice is a no-op. Pulled events are checked (the backup
// import's validator, injected) and bad ones quarantined, never applied.
import { CouchClient, seqText, type ChangesResult, type CouchDoc, type FetchLike } from './couch-client';
import { SyncError } from './errors';
import { deckToDoc, eventToDoc, readDoc } from './event-docs';
import { CLOCK_TOLERANCE_MS, heldUntil, latestStampOf } from '../domain/events/clock-bounds';
import { realClock, type Clock, type EventCheck, type LocalEventStore, type QuarantinedEvent, type SyncDeckSource, type SyncEvent, type SyncStatus } from './types';

export interface ReplicatorOptions {
  /** The learner's database, e.g. https://couch.example.org/kujira-alice */
  dbUrl: string;
  store: LocalEventStore;
  check: EventCheck;
  /** Stable per device and database: names this device's checkpoints on the server. */
  deviceId: string;
  fetch: FetchLike;
  clock?: Clock;
  /** Does the server answer at all (an opaque no-cors request)? Tells "CORS not enabled" from "unreachable". */
  probe?: (url: string) => Promise<boolean>;
  /** Events per request (both directions). */
  batchSize?: number;
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

const PUSH = 'push';
const PULL = 'pull';
const SWEEP = 'sweep';
const DECKS = 'decks';
const SAMPLE_CHARS = 4000;
/** The default cap of one _changes answer: room for a few of the largest deck documents. */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;
/** Timers wait at most a day (setTimeout overflows past 24.8 days); a longer wait is simply renewed. */
const MAX_TIMER_MS = 86_400_000;

const iso = (ms: number): string => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

function sample(doc: unknown): string {
  try {
    const s = JSON.stringify(doc) ?? String(doc);
    return s.length > SAMPLE_CHARS ? `${s.slice(0, SAMPLE_CHARS)}…` : s;
  } catch {
    return '(not serialisable)';
  }
}

export class Replicator {
  private readonly options: Required<Omit<ReplicatorOptions, 'onStatus' | 'probe'>> & Pick<ReplicatorOptions, 'onStatus' | 'probe'>;
  private readonly client: CouchClient;
  private current: SyncStatus = { kind: 'stopped' };
  private stopCtl = new AbortController();
  private wakeCtl = new AbortController();
  private loop: Promise<void> | null = null;
  /** Held in memory for the life of this replicator only (to sign in again when a session ends). */
  private credentials: Credentials | null = null;
  private signedIn = false;
  private dirty = true;
  private localWaitCtl: AbortController | null = null;
  private remoteRevs = new Map<string, string | null>();
  private counts = { pushed: 0, pulled: 0, quarantined: 0 };

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

  get totals(): Readonly<{ pushed: number; pulled: number; quarantined: number }> {
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
    this.signedIn = false;
    this.stopCtl = new AbortController();
    this.set({ kind: 'connecting' });
    this.loop = this.run().finally(() => {
      this.loop = null;
    });
  }

  /** Stops syncing (nothing local is touched) and forgets the password. */
  async stop(): Promise<void> {
    this.stopCtl.abort();
    this.localWaitCtl?.abort();
    this.wakeCtl.abort();
    await this.loop;
    this.credentials = null;
    this.set({ kind: 'stopped' });
  }

  /** Cuts a backoff wait short (call it on the browser's `online` event). */
  wake(): void {
    this.wakeCtl.abort();
    // And a live wait: held documents are looked at again at once (after the clock was set right).
    this.localWaitCtl?.abort();
  }

  private get stopped(): boolean {
    return this.stopCtl.signal.aborted;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    let connected = false;
    let relogins = 0;
    while (!this.stopped) {
      try {
        if (this.credentials && !this.signedIn) await this.client.login(this.credentials.name, this.credentials.password, this.stopCtl.signal);
        this.signedIn = true;
        await this.client.info(this.stopCtl.signal);
        connected = true;
        attempt = 0;
        relogins = 0;
        await this.live();
      } catch (e) {
        if (this.stopped) return;
        const err = e instanceof SyncError ? e : new SyncError('protocol', e instanceof Error ? e.message : String(e));
        if (err.kind === 'signed-out') {
          // A session that ended while the password is still held: sign in again, once.
          if (this.credentials && relogins === 0) {
            relogins += 1;
            this.signedIn = false;
            continue;
          }
          const kind = this.credentials ? 'forbidden' : 'signed-out';
          this.set({ kind: 'error', reason: kind, detail: err.message, retryAt: null });
          return;
        }
        if (err.kind === 'network' && !connected) {
          const probe = this.options.probe ?? ((url: string) => this.options.fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' }).then(() => true, () => false));
          if (await probe(this.client.root)) {
            this.set({ kind: 'error', reason: 'cors', detail: `${this.client.root} answers, but not to this app (CORS)`, retryAt: null });
            return;
          }
        }
        if (err.transient) {
          const { baseMs, maxMs } = this.options.backoff;
          const delay = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
          attempt += 1;
          const retryAt = this.options.clock.now() + delay;
          this.set(connected ? { kind: 'offline', retryAt, attempt } : { kind: 'error', reason: 'unreachable', detail: err.message, retryAt });
          this.wakeCtl = new AbortController();
          const both = AbortSignal.any([this.stopCtl.signal, this.wakeCtl.signal]);
          await this.options.clock.sleep(delay, both);
          continue;
        }
        const reason = err.kind === 'network' || err.kind === 'server' ? 'unreachable' : err.kind === 'too-large' ? 'protocol' : err.kind;
        this.set({ kind: 'error', reason, detail: err.message, retryAt: null });
        return;
      }
    }
  }

  private key(direction: string): string {
    return `${this.client.dbUrl}|${this.options.deviceId}|${direction}`;
  }

  /**
   * Where to resume: the checkpoint both sides agree on, or the start. A server database that was
   * wiped or replaced has no (or another) _local checkpoint, so everything is sent and read again;
   * both are idempotent.
   */
  private async resumeFrom(direction: string): Promise<string | null> {
    const localValue = await this.options.store.getCheckpoint(this.key(direction));
    const remote = await this.client.getLocal(`kujira-${direction}-${this.options.deviceId}`, this.stopCtl.signal);
    this.remoteRevs.set(direction, remote?._rev ?? null);
    const remoteValue = remote && typeof remote.at === 'string' ? remote.at : null;
    return localValue !== null && localValue === remoteValue ? localValue : null;
  }

  private async checkpoint(direction: string, at: string): Promise<void> {
    const rev = await this.client.putLocal(`kujira-${direction}-${this.options.deviceId}`, { at }, this.remoteRevs.get(direction) ?? null, this.stopCtl.signal);
    this.remoteRevs.set(direction, rev);
    await this.options.store.setCheckpoint(this.key(direction), at);
  }

  private async live(): Promise<void> {
    const pushResumed = await this.resumeFrom(PUSH);
    let pushSeq = Number(pushResumed ?? 0);
    let fresh = pushResumed === null;
    let since = (await this.resumeFrom(PULL)) ?? '0';
    this.dirty = true;
    const unsubscribe = this.options.store.onLocalEvent(() => {
      this.dirty = true;
      this.localWaitCtl?.abort();
    });
    try {
      for (;;) {
        await this.releaseHeld();
        pushSeq = await this.sweepIfDue(pushSeq, fresh);
        fresh = false;
        pushSeq = await this.pushAll(pushSeq);
        // Catch up with normal (non-waiting) requests, then wait for news with a longpoll.
        let caughtUp = false;
        while (!caughtUp) {
          const { r, limit } = await this.changesCapped(since, this.stopCtl.signal);
          since = await this.applyPulled(r, since);
          caughtUp = r.results.length < limit;
        }
        if (this.dirty) continue;
        this.set({ kind: 'synced', at: this.options.clock.now(), quarantined: this.counts.quarantined, clockSkewMs: this.client.clockSkewMs });
        this.localWaitCtl = new AbortController();
        const waitCtl = this.localWaitCtl;
        const signal = AbortSignal.any([this.stopCtl.signal, waitCtl.signal]);
        // A held document's time may come before the server has news: the wait ends then.
        const nextHeld = this.options.store.nextHeld ? await this.options.store.nextHeld() : null;
        if (nextHeld !== null) {
          const ms = Math.min(MAX_TIMER_MS, Math.max(0, nextHeld - this.options.clock.now()));
          void this.options.clock.sleep(ms, signal).then(() => {
            if (!signal.aborted) waitCtl.abort();
          });
        }
        try {
          const { r } = await this.changesCapped(since, signal, this.options.longpollMs);
          since = await this.applyPulled(r, since);
        } catch (e) {
          if (this.stopped || !signal.aborted) throw e;
          // A local event, a wake() or a held document's time cut the wait short.
        } finally {
          waitCtl.abort();
        }
      }
    } finally {
      unsubscribe();
      this.localWaitCtl = null;
    }
  }

  /**
   * One _changes batch within the byte cap: halves the number of documents asked for until the
   * answer fits; when one document alone does not, reads its id and revision only and hands it
   * on marked too large (quarantined, never parsed), so sync moves past it.
   */
  private async changesCapped(since: string, signal: AbortSignal, longpollMs?: number): Promise<{ r: ChangesResult; limit: number }> {
    let limit = this.options.batchSize;
    for (;;) {
      try {
        const r = await this.client.changes(since, { limit, signal, maxBytes: this.options.maxBatchBytes, ...(longpollMs !== undefined ? { longpollMs } : {}) });
        return { r, limit };
      } catch (e) {
        if (!(e instanceof SyncError && e.kind === 'too-large')) throw e;
        if (limit > 1) {
          limit = Math.max(1, Math.floor(limit / 2));
          continue;
        }
        const one = await this.client.changes(since, { limit: 1, signal, includeDocs: false, maxBytes: 64 * 1024 });
        const results = (Array.isArray(one?.results) ? one.results : []).map((c) => ({ ...c, doc: undefined, tooLarge: true }));
        return { r: { ...one, results }, limit: 1 };
      }
    }
  }

  /** Sends the events the server lacks (asked with _revs_diff: anything it has is not sent). */
  private async send(events: readonly SyncEvent[]): Promise<void> {
    await this.sendDocs(events.map(eventToDoc));
  }

  private async sendDocs(docs: readonly CouchDoc[]): Promise<void> {
    if (docs.length === 0) return;
    const diff = await this.client.revsDiff(Object.fromEntries(docs.map((d) => [d._id, [d._rev]])), this.stopCtl.signal);
    const missing = docs.filter((d) => diff[d._id]?.missing.includes(d._rev));
    if (missing.length > 0) await this.client.bulkDocs(missing, this.stopCtl.signal);
    this.counts.pushed += missing.length;
  }

  /**
   * For a store that reads only its own events by counter: every stored event is offered once to
   * a database new to this device, and again after an import (the store's sweep token changed).
   * Returns the push checkpoint, moved past the device's own events the sweep covered.
   */
  private async sweepIfDue(seq: number, fresh: boolean): Promise<number> {
    const { store } = this.options;
    if (!store.readAll || !store.sweepToken) return seq;
    const token = await store.sweepToken();
    if (!fresh && (await store.getCheckpoint(this.key(SWEEP))) === token) return seq;
    const { lastSeq } = await store.readSince(Number.MAX_SAFE_INTEGER, 1);
    let cursor: string | null = null;
    do {
      const page: { events: SyncEvent[]; next: string | null } = await store.readAll(cursor, this.options.batchSize);
      this.set({ kind: 'syncing', pending: page.events.length, pushed: this.counts.pushed, pulled: this.counts.pulled });
      await this.send(page.events);
      cursor = page.next;
    } while (cursor !== null);
    await store.setCheckpoint(this.key(SWEEP), token);
    const next = Math.max(seq, lastSeq);
    await this.checkpoint(PUSH, String(next));
    return next;
  }

  /** Offers every stored deck's sources when they changed since the last time (few, small documents). */
  private async pushDecksIfChanged(): Promise<void> {
    const { store } = this.options;
    if (!store.deckSources || !store.deckToken) return;
    const token = await store.deckToken();
    if ((await store.getCheckpoint(this.key(DECKS))) === token) return;
    await this.sendDocs((await store.deckSources()).map(deckToDoc));
    await store.setCheckpoint(this.key(DECKS), token);
  }

  /** Sends every local event after `seq`; returns the new push checkpoint. */
  private async pushAll(seq: number): Promise<number> {
    for (;;) {
      this.dirty = false;
      if (this.options.store.sweepToken && (await this.options.store.sweepToken()) !== (await this.options.store.getCheckpoint(this.key(SWEEP)))) {
        seq = await this.sweepIfDue(seq, false);
      }
      await this.pushDecksIfChanged();
      const { events, lastSeq } = await this.options.store.readSince(seq, this.options.batchSize);
      if (events.length === 0) return seq;
      this.set({ kind: 'syncing', pending: Math.max(0, lastSeq - seq), pushed: this.counts.pushed, pulled: this.counts.pulled });
      // Events pulled from this very database are there already: no request for them.
      await this.send(events.filter((e) => e.source !== this.client.dbUrl).map((e) => e.event));
      seq = events[events.length - 1]!.seq;
      await this.checkpoint(PUSH, String(seq));
    }
  }

  /** Checks and applies one _changes batch; returns the new pull checkpoint. */
  private async applyPulled(r: ChangesResult, since: string): Promise<string> {
    if (!r || !Array.isArray(r.results)) throw new SyncError('protocol', 'the _changes answer has no results');
    if (r.results.length === 0) return r.last_seq === undefined ? since : seqText(r.last_seq);
    this.set({ kind: 'syncing', pending: r.results.length + (typeof r.pending === 'number' ? r.pending : 0), pushed: this.counts.pushed, pulled: this.counts.pulled });
    await this.applyDocs(r.results);
    const next = seqText(r.last_seq);
    await this.checkpoint(PULL, next);
    return next;
  }

  /**
   * Documents held because they were stamped too far in this device's future, whose time has come
   * (this device's clock): checked and applied now like a fresh batch, then taken off the hold.
   */
  private async releaseHeld(): Promise<void> {
    const { store } = this.options;
    if (!store.heldDue || !store.releaseHeld) return;
    const due = await store.heldDue(this.options.clock.now());
    if (due.length === 0) return;
    await this.applyDocs(due.map((d) => ({ seq: null, id: d.docId, changes: [{ rev: d.rev }], doc: d.doc })));
    await store.releaseHeld(due.map((d) => d.key));
  }

  /** Checks documents (from _changes, or held ones now due), applies the good ones, quarantines or holds the rest. */
  private async applyDocs(results: ChangesResult['results']): Promise<void> {
    const now = this.options.clock.now();
    const good: SyncEvent[] = [];
    const bad: QuarantinedEvent[] = [];
    const seen = new Set<string>();
    const decks: { deck: SyncDeckSource; docId: string; rev: string; doc: unknown }[] = [];
    /** A claim about time more than the tolerance past this device's clock: held, with the whole document, until then. */
    const hold = (docId: string, rev: string, path: string, at: number, until: number, doc: unknown) =>
      bad.push({
        docId,
        rev,
        path,
        reason: `stamped ${iso(at)}, more than ${CLOCK_TOLERANCE_MS / 60_000} minutes past this device's clock: held until ${iso(until)}`,
        receivedAt: now,
        sample: sample(doc),
        until,
        doc: JSON.stringify(doc),
      });
    // Events already here (this device's own, echoed back) skip the check; the store still
    // refuses any whose content differs from what it holds.
    const known = await this.options.store.knownIds(results.map((c) => String(c?.id)));
    for (const change of results) {
      if ((change as { tooLarge?: boolean }).tooLarge) {
        const rev = String(change.changes?.[0]?.rev ?? '').slice(0, 100);
        bad.push({ docId: String(change.id).slice(0, 200), rev, path: '$', reason: `larger than ${this.options.maxBatchBytes} bytes: not read`, receivedAt: now, sample: '' });
        continue;
      }
      const doc = change?.doc;
      const docId = String((doc as { _id?: unknown } | undefined)?._id ?? change?.id ?? '').slice(0, 200);
      const rev = String((doc as { _rev?: unknown } | undefined)?._rev ?? '').slice(0, 100);
      const reading = readDoc(doc);
      if (reading.kind === 'skip') continue;
      if (reading.kind === 'deck') {
        const until = heldUntil(reading.deck.at, now);
        if (until !== null) hold(docId, rev, '$.deck.at', reading.deck.at, until, doc);
        else decks.push({ deck: reading.deck, docId, rev, doc });
        continue;
      }
      if (reading.kind === 'bad') {
        bad.push({ docId, rev, path: reading.path, reason: reading.reason, receivedAt: now, sample: sample(doc) });
        continue;
      }
      const id = (reading.event as { id: string }).id;
      if (known.has(id)) {
        if (!seen.has(id)) good.push(reading.event as SyncEvent);
        seen.add(id);
        continue;
      }
      const stamp = latestStampOf(reading.event);
      const until = stamp ? heldUntil(stamp.at, now) : null;
      if (stamp && until !== null) {
        hold(docId, rev, `$.event.${stamp.field}`, stamp.at, until, doc);
        continue;
      }
      const checked = this.options.check(reading.event);
      if (!checked.ok) {
        bad.push({ docId, rev, path: `$.event${checked.path.replace(/^\$/, '')}`, reason: checked.reason, receivedAt: now, sample: sample(doc) });
        continue;
      }
      if (seen.has(checked.event.id)) continue;
      seen.add(checked.event.id);
      good.push(checked.event);
    }
    if (good.length > 0) {
      const { added, rejected } = await this.options.store.addPulled(good, this.client.dbUrl);
      this.counts.pulled += added;
      for (const x of rejected) {
        const doc = results.find((c) => c.id === x.id)?.doc;
        bad.push({ docId: x.id, rev: String((doc as { _rev?: unknown } | undefined)?._rev ?? ''), path: '$.event', reason: x.reason, receivedAt: now, sample: sample(doc) });
      }
    }
    if (decks.length > 0) {
      if (this.options.store.addDeckSources) {
        const { rejected } = await this.options.store.addDeckSources(decks.map((d) => d.deck));
        for (const x of rejected) {
          const d = decks.find((y) => y.deck.id === x.id);
          if (d) bad.push({ docId: d.docId, rev: d.rev, path: '$.deck', reason: x.reason, receivedAt: now, sample: sample(d.doc) });
        }
      }
    }
    if (bad.length > 0) {
      await this.options.store.quarantine(bad);
      this.counts.quarantined += bad.length;
    }
  }
}
