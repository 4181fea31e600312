// Pull: reads the server's _changes after the pull checkpoint, within a byte cap, has each document
// sorted (pulled-docs.ts), adds the good events to the store, hands decks to deck-sync.ts,
// quarantines or holds the rest, and moves the checkpoint past the batch. Documents held for their
// time are applied the same way once it has come. Adding is a set union: an event received twice
// is a no-op.
import { seqText, type ChangesResult } from './couch-client';
import { storePulledDecks } from './deck-sync';
import { SyncError } from './errors';
import { classifyPulled, quarantineEntry, type PulledChange } from './pulled-docs';
import { reportSyncing, type ReplicationContext } from './replication-context';
import type { AddPulledOptions, EventRef } from './types';
import { measureSince, PULL_MEASURE } from './sync-timing';

/**
 * One _changes batch within the byte cap: halves the number of documents asked for until the
 * answer fits; when one document alone does not, reads its id and revision only and hands it
 * on marked too large (quarantined, never parsed), so sync moves past it. `longpollMs`: wait for
 * news that long (the live wait), else answer at once.
 */
export async function changesCapped(ctx: ReplicationContext, since: string, signal: AbortSignal, longpollMs?: number): Promise<{ r: ChangesResult; limit: number }> {
  let limit = ctx.pullBatchSize;
  for (;;) {
    try {
      const r = await ctx.client.changes(since, { limit, signal, maxBytes: ctx.maxBatchBytes, ...(longpollMs !== undefined ? { longpollMs } : {}) });
      return { r, limit };
    } catch (e) {
      if (!(e instanceof SyncError && e.kind === 'too-large')) throw e;
      if (limit > 1) {
        limit = Math.max(1, Math.floor(limit / 2));
        continue;
      }
      const one = await ctx.client.changes(since, { limit: 1, signal, includeDocs: false, maxBytes: 64 * 1024 });
      const results = (Array.isArray(one?.results) ? one.results : []).map((c) => ({ ...c, doc: undefined, tooLarge: true }));
      return { r: { ...one, results }, limit: 1 };
    }
  }
}

/**
 * Reads and applies batches without waiting until the server has no more; returns the new pull
 * checkpoint. A full batch means more follow: the store may leave the states it touches to the
 * end (settlePulled), which runs however the catch-up ends.
 */
export async function catchUp(ctx: ReplicationContext, since: string): Promise<string> {
  let caughtUp = false;
  let next = changesCapped(ctx, since, ctx.stopSignal);
  /** The last batch's checkpoint on its way (one at a time, in order). */
  let saving: Promise<void> = Promise.resolve();
  try {
    while (!caughtUp) {
      const t = performance.now();
      const { r, limit } = await next;
      measureSince(PULL_MEASURE.wait, t);
      caughtUp = r.results.length < limit;
      // The next batch is asked for while this one is checked and written, and this one's
      // checkpoint is saved while the next is: the server's answers and the device's work
      // overlap instead of taking turns.
      if (!caughtUp) {
        next = changesCapped(ctx, seqText(r.last_seq), ctx.stopSignal);
        // If this batch fails, nobody awaits the next one: its failure must not surface unhandled.
        next.catch(() => undefined);
      }
      const applied = await applyBatch(ctx, r, since, { deferStates: !caughtUp });
      if (applied !== since || r.results.length > 0) {
        await saving;
        saving = saveCheckpoint(ctx, applied);
        saving.catch(() => undefined);
      }
      since = applied;
    }
    await saving;
  } catch (e) {
    // The states first: the error (a lost connection, a stop) is what the caller handles.
    await ctx.store.settlePulled?.().catch(() => undefined);
    throw e;
  }
  const t = performance.now();
  await ctx.store.settlePulled?.();
  measureSince(PULL_MEASURE.settle, t);
  return since;
}

/** Checks and applies one _changes batch, and saves the pull checkpoint past it; returns that checkpoint. */
export async function applyPulled(ctx: ReplicationContext, r: ChangesResult, since: string): Promise<string> {
  const next = await applyBatch(ctx, r, since);
  if (r.results.length > 0) await saveCheckpoint(ctx, next);
  return next;
}

/** Checks and applies one _changes batch; returns the checkpoint past it (not saved yet). */
async function applyBatch(ctx: ReplicationContext, r: ChangesResult, since: string, options: AddPulledOptions = {}): Promise<string> {
  if (!r || !Array.isArray(r.results)) throw new SyncError('protocol', 'the _changes answer has no results');
  if (r.results.length === 0) return r.last_seq === undefined ? since : seqText(r.last_seq);
  reportSyncing(ctx, r.results.length + (typeof r.pending === 'number' ? r.pending : 0));
  await applyDocs(ctx, r.results, options);
  return seqText(r.last_seq);
}

async function saveCheckpoint(ctx: ReplicationContext, at: string): Promise<void> {
  const t = performance.now();
  await ctx.checkpoints.save('pull', at);
  measureSince(PULL_MEASURE.checkpoint, t);
}

/**
 * Documents held because they were stamped too far in this device's future, whose time has come
 * (this device's clock): checked and applied now like a fresh batch, then taken off the hold.
 */
export async function releaseHeld(ctx: ReplicationContext): Promise<void> {
  const { store } = ctx;
  if (!store.heldDue || !store.releaseHeld) return;
  const due = await store.heldDue(ctx.clock.now());
  if (due.length === 0) return;
  await applyDocs(
    ctx,
    due.map((d) => ({ seq: null, id: d.docId, changes: [{ rev: d.rev }], doc: d.doc })),
  );
  await store.releaseHeld(due.map((d) => d.key));
}

/** A pulled document's event id, with the origin its (unchecked) event states, if any. */
function eventRefOf(change: PulledChange): EventRef {
  const ev = (change?.doc as { event?: { device?: unknown; seq?: unknown } } | undefined)?.event;
  const device = typeof ev?.device === 'string' ? ev.device : undefined;
  const seq = Number.isSafeInteger(ev?.seq) ? (ev!.seq as number) : undefined;
  return { id: String(change?.id), ...(device !== undefined && seq !== undefined ? { device, seq } : {}) };
}

/** Sorts documents, applies the good ones, quarantines (or holds) the rest and what the store refused. */
async function applyDocs(ctx: ReplicationContext, results: readonly PulledChange[], options: AddPulledOptions = {}): Promise<void> {
  const now = ctx.clock.now();
  // Events already here (this device's own, echoed back) skip the check; the store still
  // refuses any whose content differs from what it holds.
  let t = performance.now();
  const known = await ctx.store.knownIds(results.map(eventRefOf));
  t = measureSince(PULL_MEASURE.known, t);
  const { events, decks, quarantined } = classifyPulled(results, known, { now, check: ctx.check, ...(ctx.checkMany ? { checkMany: ctx.checkMany } : {}), maxBatchBytes: ctx.maxBatchBytes });
  t = measureSince(PULL_MEASURE.classify, t);
  if (events.length > 0) {
    const { added, rejected } = await ctx.store.addPulled(events, ctx.client.dbUrl, options);
    measureSince(PULL_MEASURE.merge, t);
    ctx.totals.pulled += added;
    for (const x of rejected) {
      const doc = results.find((c) => c.id === x.id)?.doc;
      quarantined.push(quarantineEntry(x.id, String((doc as { _rev?: unknown } | undefined)?._rev ?? ''), '$.event', x.reason, now, doc));
    }
  }
  quarantined.push(...(await storePulledDecks(ctx, decks, now)));
  if (quarantined.length > 0) {
    await ctx.store.quarantine(quarantined);
    ctx.totals.quarantined += quarantined.length;
  }
}
