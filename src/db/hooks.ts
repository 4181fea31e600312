// React hooks over live queries: components read the database only through these (and write
// only through the repositories). Each returns undefined while loading. Hooks that need the
// scheduler (and so ts-fsrs) live in card-hooks.ts, the card browser's in card-browser-hooks.ts, out
// of the first-visit bundle.
import { useCallback, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, getDatabaseStatus, subscribeDatabaseStatus, type DatabaseStatus } from './database';
import { getNextDue, getStreak, getTodayQueue, type QueueOptions, type TodayQueueResult } from './queue';
import type { Settings } from '../domain/settings/settings';
import { dayBoundaryInForce } from './device';
import { getSettings } from './get-settings';

export function useSettings(): Settings | undefined {
  return useLiveQuery(() => getSettings(getDb()), []);
}

/**
 * Today's queue at `now` (pass a clock value that the caller refreshes, e.g. each minute and
 * after each rating), under the stored settings.
 */
export function useTodayQueue(now: number, options: QueueOptions = {}): TodayQueueResult | undefined {
  const deckId = options.deckId;
  // The settings are read inside the queue's own transaction (and watched by it), not passed in:
  // a queue that waited for useSettings' answer would take two reads in a row on opening.
  return useLiveQuery(() => getTodayQueue(getDb(), now, undefined, deckId !== undefined ? { deckId } : {}), [now, deckId]);
}

/** Days in a row with reviews, under the stored day boundary. */
export function useStreak(now: number): number | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const { timeZone, startHour } = dayBoundaryInForce(await getSettings(db));
    return getStreak(db, now, timeZone, startHour);
  }, [now]);
}

/** When the next card is due (null if nothing is scheduled). */
export function useNextDue(deckId?: string): number | null | undefined {
  return useLiveQuery(() => getNextDue(getDb(), deckId !== undefined ? { deckId } : {}), [deckId]);
}

/** The database connection status: show "reload" / "close other tabs" messages from it. */
export function useDatabaseStatus(): DatabaseStatus {
  const subscribe = useCallback((cb: () => void) => subscribeDatabaseStatus(getDb(), cb), []);
  return useSyncExternalStore(subscribe, () => getDatabaseStatus(getDb()));
}
