// The repair repository over the app's database: what the app shell and Settings call.
import type { Deck } from '../domain/deck/types';
import { getDb } from './database';
import { repairDatabase, repairIfSchedulerChanged, type RepairReport } from './repair';
import { installDecks } from './install-decks';
import { giveBackBuiltInIds } from './deck-owners';
import { withStorage } from './errors';
import { settleStaleCards } from './deferred-states';

export type { RepairReport } from './repair';

export const repairRepository = {
  /**
   * Start-up: repair if the scheduler changed, replay the cards a catch-up left stale, then bring in the built-in decks and those added
   * in the app (a built-in id always wins) (throws: safe mode).
   */
  start: async (builtIn: readonly Deck[], now: number): Promise<RepairReport | null> => {
    const ids = new Set(builtIn.map((d) => d.id));
    const stored = (await getDb().storedDecks.orderBy('id').toArray()).map((r) => r.deck);
    const decks = [...builtIn, ...stored.filter((d) => !ids.has(d.id))];
    const report = await repairIfSchedulerChanged(getDb(), now);
    // A catch-up stopped half-way (the tab closed) left cards whose states lag their log.
    await settleStaleCards(getDb());
    // Built-in ids taken by a stored deck before issue 22 go back to the built-in decks first.
    await withStorage(getDb(), () => giveBackBuiltInIds(getDb()));
    await installDecks(getDb(), decks, now);
    return report;
  },
  /** Repair, then sync the decks again (what failed at start-up is retried on the repaired log). */
  repair: async (decks: readonly Deck[], now: number): Promise<RepairReport> => {
    const report = await repairDatabase(getDb(), now);
    await installDecks(getDb(), decks, now);
    return report;
  },
};
