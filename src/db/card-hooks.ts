// Live hooks over one card's state and info. Kept apart from hooks.ts because card info needs the
// scheduler (ts-fsrs), which the home screen does not load.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import type { CardSchedule } from '../domain/scheduler/types';
import { getCardInfo, getCardSchedule, getCardSchedules, type CardDetails } from './reviews';

export function useCardState(cardId: string | null): CardSchedule | null | undefined {
  return useLiveQuery(() => (cardId ? getCardSchedule(getDb(), cardId) : null), [cardId]);
}

export function useCardInfo(cardId: string | null, now: number): CardDetails | null | undefined {
  return useLiveQuery(() => (cardId ? getCardInfo(getDb(), cardId, now) : null), [cardId, now]);
}

/** The states of the given cards, in the given order (unknown ids dropped). */
export function useCardStatesByIds(cardIds: readonly string[] | null): CardSchedule[] | undefined {
  const key = cardIds?.join(',') ?? '';
  return useLiveQuery(
    () => (cardIds ? getCardSchedules(getDb(), cardIds) : []),
    // The ids' content, not the array's identity, decides when to re-query.
    [key],
  );
}
