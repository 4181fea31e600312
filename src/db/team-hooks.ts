// Live reads for the team page: the lessons passed per deck (read from the onboarding rows as
// the onboarding repository reads them, without its write code, which keeps the team chunk small).
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import { progressFromRow } from './onboarding-mappers';

/** Deck id -> ids of the lessons passed, for the given decks; undefined while loading. */
export function useLessonsPassed(deckIds: readonly string[]): Map<string, string[]> | undefined {
  const key = [...deckIds].sort().join('\n');
  return useLiveQuery(async () => {
    const ids = key === '' ? [] : key.split('\n');
    const rows = await getDb().onboarding.bulkGet(ids);
    return new Map(ids.map((id, i) => [id, progressFromRow(id, rows[i]).completed]));
  }, [key]);
}
