// Start-up's work: load the built-in decks and the repair chunk, repair if the scheduler changed,
// replay what a closed tab left stale, install the decks. The entry (main.tsx) begins it as it
// runs, beside the first screen's strings and the first render, instead of in an effect after the
// first commit: on a cold start the database work then overlaps the rendering (about 150 ms here).
import { loadRepairRepository, type RepairReport } from '../db';
import { loadBuiltInDecks } from '../hooks/use-decks';
import type { Deck } from '../domain/deck/types';

/** What start-up did: never rejects, so the app can open in safe mode with the decks it loaded. */
export type StartUpOutcome =
  | { ok: true; decks: Deck[]; repaired: RepairReport | null }
  | { ok: false; decks: Deck[]; error: unknown };

export async function startUp(now: number): Promise<StartUpOutcome> {
  let decks: Deck[] = [];
  // Start-up's database reads run while the decks' chunk loads; safe mode shows the decks if they came.
  const loadingDecks = loadBuiltInDecks();
  loadingDecks.then(
    (loaded) => (decks = loaded),
    () => undefined,
  );
  try {
    // Sync (and with it ts-fsrs) stays out of the first bundle: the repair chunk brings it.
    const repairRepository = await loadRepairRepository();
    const repaired = await repairRepository.start(loadingDecks, now);
    return { ok: true, decks: await loadingDecks, repaired };
  } catch (error) {
    return { ok: false, decks, error };
  }
}
