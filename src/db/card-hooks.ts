// Live hooks over one card's state and info. Kept apart from hooks.ts because card info needs the
// scheduler (ts-fsrs), which the home screen does not load.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import type { DayLoad } from '../domain/scheduler/load-balance';
import type { CardSchedule } from '../domain/scheduler/types';
import type { Settings } from '../domain/settings/settings';
import { getCardInfo, getCardSchedule, getCardSchedules, type CardDetails } from './cards';
import { balanceLoad } from './reviews';

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

/**
 * Reviews due per day as the load balancer reads them at `now` (null while loading, or when
 * balancing is off), so the answer buttons show the days a rating would choose. A failed read
 * leaves the previews unbalanced: the rating itself reads the counts again and reports failures.
 */
export function useDayLoad(settings: Settings | undefined, now: number): DayLoad | null {
  const [load, setLoad] = useState<DayLoad | null>(null);
  useEffect(() => {
    if (!settings) return undefined;
    let live = true;
    balanceLoad(getDb(), settings, now).then(
      (l) => {
        if (live) setLoad(l);
      },
      () => {
        if (live) setLoad(null);
      },
    );
    return () => {
      live = false;
    };
  }, [settings, now]);
  return load;
}
