// Push: sends this device's events appended after the push checkpoint, a batch at a time, and
// moves the checkpoint past each batch. Before each batch it lets the sweep run when an import
// moved the store's sweep token, and offers the decks when they changed, so a push leaves the
// server with everything this device holds. Events pulled from this very database are not sent
// back: the server has them.
import { reportSyncing, type ReplicationContext } from './replication-context';
import { sendEvents } from './send';
import { sweepIfDue, sweepTokenMoved } from './sweep';
import { pushDecksIfChanged } from './deck-sync';

/** Sends every local event after `seq`; returns the new push checkpoint. */
export async function pushAll(ctx: ReplicationContext, seq: number): Promise<number> {
  for (;;) {
    ctx.localNews = false;
    if (await sweepTokenMoved(ctx)) seq = await sweepIfDue(ctx, seq, false);
    await pushDecksIfChanged(ctx);
    const { events, lastSeq } = await ctx.store.readSince(seq, ctx.batchSize);
    if (events.length === 0) return seq;
    reportSyncing(ctx, Math.max(0, lastSeq - seq));
    await sendEvents(
      ctx,
      events.filter((e) => e.source !== ctx.client.dbUrl).map((e) => e.event),
    );
    seq = events[events.length - 1]!.seq;
    await ctx.checkpoints.save('push', String(seq));
  }
}
