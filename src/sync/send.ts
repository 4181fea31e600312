// Sending documents to the server the way replication does: _revs_diff asks which of them it
// lacks, and only those are written, with _bulk_docs in replication mode (their revisions as
// given), so a document sent twice, or by two devices, is a no-op. Push, the sweep and the deck
// push all send through here.
import type { CouchDoc } from './couch-client';
import { eventToDoc } from './event-docs';
import type { ReplicationContext } from './replication-context';
import type { SyncEvent } from './types';

export async function sendDocs(ctx: ReplicationContext, docs: readonly CouchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const diff = await ctx.client.revsDiff(Object.fromEntries(docs.map((d) => [d._id, [d._rev]])), ctx.stopSignal);
  const missing = docs.filter((d) => diff[d._id]?.missing.includes(d._rev));
  if (missing.length > 0) await ctx.client.bulkDocs(missing, ctx.stopSignal);
  ctx.totals.pushed += missing.length;
}

/** Sends the events the server lacks, each as its document (event-docs.ts). */
export function sendEvents(ctx: ReplicationContext, events: readonly SyncEvent[]): Promise<void> {
  return sendDocs(ctx, events.map(eventToDoc));
}
