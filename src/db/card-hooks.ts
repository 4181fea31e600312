// Live hooks over one card's state and info. Kept apart from hooks.ts because card info needs the
// scheduler (ts-fsrs), which the home screen does not load.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import { getCardInfo, getCardState, type CardDetails } from './reviews';
import type { CardStateRow } from './schema';

export function useCardState(cardId: string | null): CardStateRow | null | undefined {
  return useLiveQuery(() => (cardId ? getCardState(getDb(), cardId) : null), [cardId]);
}

export function useCardInfo(cardId: string | null, now: number): CardDetails | null | undefined {
  return useLiveQuery(() => (cardId ? getCardInfo(getDb(), cardId, now) : null), [cardId, now]);
}


/** The states of the given cards, in the given order (unknown ids dropped). */
export function useCardStatesByIds(cardIds: readonly string[] | null): CardStateRow[] | undefined {
  const key = cardIds?.join(',') ?? '';
  return useLiveQuery(
    async () => (cardIds ? (await getDb().cardStates.bulkGet([...cardIds])).filter((row): row is CardStateRow => row !== undefined) : []),
    // The ids' content, not the array's identity, decides when to re-query.
    [key],
  );
}
