// Whether this device is in a team, kept current as it joins or leaves (false while loading):
// the app shell's navigation and the settings page show "Team" from it. Runs on the first visit,
// so it uses Dexie's own liveQuery through db/, not dexie-react-hooks.
import { useEffect, useState } from 'react';
import { watchInTeam } from '../db/team-config';

export function useInTeam(): boolean {
  const [inTeam, setInTeam] = useState(false);
  useEffect(() => watchInTeam(setInTeam), []);
  return inTeam;
}
