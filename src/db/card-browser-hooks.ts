// The card browser's live read: every card state of a deck (or of every deck). Apart from hooks.ts,
// which the first screen loads, because only the card browser reads every state.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import type { CardSchedule } from '../domain/scheduler/types';
import { scheduleFromRow } from './mappers';

/** Every card state of a deck (or of every deck): the card browser filters these. */
export function useCardStates(deckId?: string): CardSchedule[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const rows = deckId !== undefined ? await db.cardStates.where('deckId').equals(deckId).toArray() : await db.cardStates.toArray();
    return rows.map(scheduleFromRow);
  }, [deckId]);
}
