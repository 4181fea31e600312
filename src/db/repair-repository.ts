// The repair repository over the app's database: what the app shell and Settings call.
import type { Deck } from '../domain/deck/types';
import { getDb } from './database';
import { repairDatabase, repairIfSchedulerChanged, type RepairReport } from './repair';
import { installDecks } from './install-decks';
import { giveBackBuiltInIds } from './deck-owners';
import { withStorage } from './errors';
import { settleStaleCards } from './deferred-states';
import { SCHEDULER_FINGERPRINT } from '../domain/scheduler/scheduler';
import { BUILT_IN_DECK_IDS } from '../domain/deck/deck-ids';
import type { KujiraDB } from './schema';

export type { RepairReport } from './repair';

/** What start-up must look at, read in one transaction. */
interface StartUpLook {
  stored: Deck[];
  schedulerCurrent: boolean;
  staleCards: boolean;
  /** Built-in ids held by a stored deck (before issue 22). */
  builtInTaken: boolean;
  /** Each installed deck's hash, for the built-in ids and the stored decks. */
  hashes: Map<string, string>;
}

function lookAtStartUp(db: KujiraDB): Promise<StartUpLook> {
  return withStorage(db, () =>
    db.transaction('r', [db.meta, db.storedDecks, db.decks], async () => {
      const [scheduler, stale] = await db.meta.bulkGet(['scheduler', 'staleCards']);
      const stored = (await db.storedDecks.orderBy('id').toArray()).map((r) => r.deck);
      const ids = [...new Set([...BUILT_IN_DECK_IDS, ...stored.map((d) => d.id)])];
      const installed = await db.decks.bulkGet(ids);
      const hashes = new Map(installed.flatMap((row) => (row ? [[row.id, row.hash] as const] : [])));
      return {
        stored,
        schedulerCurrent: scheduler?.key === 'scheduler' && scheduler.value === SCHEDULER_FINGERPRINT,
        staleCards: stale?.key === 'staleCards' && stale.value.length > 0,
        builtInTaken: stored.some((d) => BUILT_IN_DECK_IDS.includes(d.id)),
        hashes,
      };
    }),
  );
}

export const repairRepository = {
  /**
   * Start-up: repair if the scheduler changed, replay the cards a catch-up left stale, then bring
   * in the built-in decks (`builtIn`, still loading when called) and those added in the app (a
   * built-in id always wins) (throws: safe mode). The usual start-up has none of that to do: one
   * read transaction, run while the decks load, finds so and writes nothing.
   */
  start: async (builtIn: Promise<readonly Deck[]>, now: number): Promise<RepairReport | null> => {
    const db = getDb();
    const [look, loaded] = await Promise.all([lookAtStartUp(db), builtIn]);
    const ids = new Set(loaded.map((d) => d.id));
    const decks = [...loaded, ...look.stored.filter((d) => !ids.has(d.id))];
    const nothingToDo = look.schedulerCurrent && !look.staleCards && !look.builtInTaken && decks.every((d) => look.hashes.get(d.id) === d.hash);
    if (nothingToDo) return null;
    const report = await repairIfSchedulerChanged(db, now);
    // A catch-up stopped half-way (the tab closed) left cards whose states lag their log.
    await settleStaleCards(db);
    // Built-in ids taken by a stored deck before issue 22 go back to the built-in decks first.
    await withStorage(db, () => giveBackBuiltInIds(db));
    await installDecks(db, decks, now);
    return report;
  },
  /** Repair, then sync the decks again (what failed at start-up is retried on the repaired log). */
  repair: async (decks: readonly Deck[], now: number): Promise<RepairReport> => {
    const report = await repairDatabase(getDb(), now);
    await installDecks(getDb(), decks, now);
    return report;
  },
};
