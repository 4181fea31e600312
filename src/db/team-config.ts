// Whether this device joined a team space (the syncState row `team:config`), read alone at
// start-up so that the team code loads only on such a device.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';

export const TEAM_CONFIG_KEY = 'team:config';

/** True when a team is saved on this device (false when storage cannot say). */
export const isInTeam = (): Promise<boolean> => getDb().syncState.get(TEAM_CONFIG_KEY).then((row) => row !== undefined, () => false);

/** Whether this device is in a team, kept current as it joins or leaves (false while loading). */
export function useInTeam(): boolean {
  return useLiveQuery(isInTeam, [], false);
}
