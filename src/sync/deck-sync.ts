// Decks added in the app travel with the events: every stored deck's Markdown sources go up as
// one small document each whenever the store's deck token changed (a deck added, updated or
// pulled), and pulled deck documents go to the store, which compiles them and keeps a version only
// when it is newer than its own (by counter, never by clock). A deck the store refuses is
// quarantined like a bad event.
import { deckToDoc } from './event-docs';
import { quarantineEntry, type PulledDeck } from './pulled-docs';
import type { ReplicationContext } from './replication-context';
import { sendDocs } from './send';
import type { QuarantinedEvent } from './types';

/** Offers every stored deck's sources when they changed since the last time (few, small documents). */
export async function pushDecksIfChanged(ctx: ReplicationContext): Promise<void> {
  const { store } = ctx;
  if (!store.deckSources || !store.deckToken) return;
  const token = await store.deckToken();
  if ((await ctx.checkpoints.token('decks')) === token) return;
  await sendDocs(ctx, (await store.deckSources()).map(deckToDoc));
  await ctx.checkpoints.setToken('decks', token);
}

/** Hands pulled decks to the store; returns the quarantine entries of those it refused. */
export async function storePulledDecks(ctx: ReplicationContext, decks: readonly PulledDeck[], now: number): Promise<QuarantinedEvent[]> {
  if (decks.length === 0 || !ctx.store.addDeckSources) return [];
  const { rejected } = await ctx.store.addDeckSources(decks.map((d) => d.deck));
  const refused: QuarantinedEvent[] = [];
  for (const x of rejected) {
    const d = decks.find((y) => y.deck.id === x.id);
    if (d) refused.push(quarantineEntry(d.docId, d.rev, '$.deck', x.reason, now, d.doc));
  }
  return refused;
}
