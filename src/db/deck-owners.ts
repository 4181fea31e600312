// Start-up (issue 22, decks have owners): a deck that earlier versions stored under a built-in
// deck's id (a team's memo titled "# Docker", or such a deck synced from another device) had taken
// the built-in deck's place. Its row goes, before start-up syncs the built-in decks, which then
// restores the built-in deck's cards with their history; the team's next refresh stores the team's
// deck under its own id (team:<team>:<id>), and the team's cached content, which named decks by
// the old ids, goes too. Idempotent and one read when there is nothing to do. Lazy (the start-up
// repair chunk), so the first visit does not carry it.
import { BUILT_IN_DECK_IDS } from '../domain/deck/deck-ids';
import type { KujiraDB } from './schema';

/** Removes stored decks that hold a built-in deck's id; returns their ids. */
export async function giveBackBuiltInIds(db: KujiraDB): Promise<string[]> {
  const rows = await db.storedDecks.bulkGet([...BUILT_IN_DECK_IDS]);
  const taken = rows.flatMap((r) => (r ? [r.id] : []));
  if (taken.length === 0) return [];
  await db.transaction('rw', [db.storedDecks, db.syncState], async () => {
    await db.storedDecks.bulkDelete(taken);
    await db.syncState.bulkDelete(['team:content', 'team:dashboard']);
  });
  return taken;
}
