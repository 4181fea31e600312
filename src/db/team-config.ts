// Whether this device joined a team space (the syncState row `team:config`), read alone at
// start-up so that the team code loads only on such a device.
import { liveQuery } from 'dexie';
import { getDb } from './database';

export const TEAM_CONFIG_KEY = 'team:config';

/** True when a team is saved on this device (false when storage cannot say). */
export const isInTeam = (): Promise<boolean> => getDb().syncState.get(TEAM_CONFIG_KEY).then((row) => row !== undefined, () => false);

/** Calls `listener` with whether this device is in a team, now and whenever that changes. */
export function watchInTeam(listener: (inTeam: boolean) => void): () => void {
  const subscription = liveQuery(isInTeam).subscribe({ next: listener, error: () => listener(false) });
  return () => subscription.unsubscribe();
}
