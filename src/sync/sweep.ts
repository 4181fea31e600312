// The sweep: for a store that reads only its own events by counter (the IndexedDB store), every
// stored event, imported and earlier pulled ones included, is offered once to a database new to
// this device, and again after an import (the store's sweep token changed). Without it a backup
// imported on one device would never reach the others. Sending is idempotent, so the server
// writes only what it lacks.
import { reportSyncing, type ReplicationContext } from './replication-context';
import { sendEvents } from './send';
import type { SyncEvent } from './types';

/**
 * Sweeps when due: always for a database new to this device (`fresh`), else when the token moved.
 * Returns the push checkpoint, moved past the device's own events the sweep covered.
 */
export async function sweepIfDue(ctx: ReplicationContext, seq: number, fresh: boolean): Promise<number> {
  const { store } = ctx;
  if (!store.readAll || !store.sweepToken) return seq;
  const token = await store.sweepToken();
  if (!fresh && (await ctx.checkpoints.token('sweep')) === token) return seq;
  const { lastSeq } = await store.readSince(Number.MAX_SAFE_INTEGER, 1);
  let cursor: string | null = null;
  do {
    const page: { events: SyncEvent[]; next: string | null } = await store.readAll(cursor, ctx.batchSize);
    reportSyncing(ctx, page.events.length);
    await sendEvents(ctx, page.events);
    cursor = page.next;
  } while (cursor !== null);
  await ctx.checkpoints.setToken('sweep', token);
  const next = Math.max(seq, lastSeq);
  await ctx.checkpoints.save('push', String(next));
  return next;
}

/** Whether an import moved the sweep token since the last sweep (push checks before each batch). */
export async function sweepTokenMoved(ctx: ReplicationContext): Promise<boolean> {
  const { store } = ctx;
  return !!store.sweepToken && (await store.sweepToken()) !== (await ctx.checkpoints.token('sweep'));
}
