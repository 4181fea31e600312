// Live reads of the decks added in the app (light: no scheduler), for the deck list and the
// Decks page. Undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Deck } from '../domain/deck/types';
import { getDb } from './database';
import type { DeckSourceFile } from '../domain/deck/deck-files';

export interface StoredDeckSummary {
  deck: Deck;
  files: DeckSourceFile[];
  addedAt: number;
  updatedAt: number;
}

/** Every deck added in the app, by id. */
export function useStoredDecks(): StoredDeckSummary[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().storedDecks.orderBy('id').toArray();
    return rows.map((r) => ({ deck: r.deck, files: r.files, addedAt: r.addedAt, updatedAt: r.updatedAt }));
  }, []);
}
