// Whether this device joined a team space (the syncState row `team:config`), read alone so that
// the team code loads only on such a device: start-up's one read, and the live answer the shell's
// navigation shows "Team" from (src/hooks/use-in-team.ts). Both run on the first visit, so the live
// one uses Dexie's own liveQuery, not dexie-react-hooks.
import { liveQuery } from 'dexie';
import { getDb } from './database';

export const TEAM_CONFIG_KEY = 'team:config';

/** True when a team is saved on this device (false when storage cannot say). */
const isInTeam = (): Promise<boolean> => getDb().syncState.get(TEAM_CONFIG_KEY).then((row) => row !== undefined, () => false);

export const teamMembershipRepository = {
  isInTeam,
  /** Calls `listener` with whether this device is in a team, now and whenever that changes; returns the unsubscribe. */
  watch(listener: (inTeam: boolean) => void): () => void {
    const subscription = liveQuery(isInTeam).subscribe({ next: listener, error: () => listener(false) });
    return () => subscription.unsubscribe();
  },
};
