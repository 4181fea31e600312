// Whether this device is in a team, kept current as it joins or leaves (false while loading):
// the app shell's navigation and the settings page show "Team" from it. Runs on the first visit,
// so it uses Dexie's own liveQuery through src/db, not dexie-react-hooks.
import { useEffect, useState } from 'react';
import { teamMembershipRepository } from '../db';

export function useInTeam(): boolean {
  const [inTeam, setInTeam] = useState(false);
  useEffect(() => teamMembershipRepository.watch(setInTeam), []);
  return inTeam;
}
