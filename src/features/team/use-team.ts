// The team page's state: the saved team (or none), the last pulled state read from this device
// at once (so the page works offline and says how old it is), and a refresh against the server
// on open and every five minutes while the page is open.
import { useCallback, useEffect, useRef, useState } from 'react';
import { teamRepository, type TeamCache, type TeamConfig, type TeamDashboardCache } from '../../db';
import { useDecks } from '../../hooks/use-decks';
import { useClock } from '../../hooks/clock';
import { SyncError } from '../../sync/errors';
import { leaveTeam, refreshTeam } from './team-service';

export type TeamStatus =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; updated: string[]; problems: string[]; clockSkewMs?: number | null; summaryKept?: boolean }
  | { kind: 'error'; reason: string };

export interface TeamState {
  loaded: boolean;
  config: TeamConfig | null;
  content: TeamCache | null;
  dashboard: TeamDashboardCache | null;
  status: TeamStatus;
}

const REFRESH_MS = 5 * 60_000;

export function errorReason(e: unknown): string {
  if (e instanceof SyncError) return e.kind === 'server' ? 'network' : e.kind;
  return 'storage';
}

export function useTeam() {
  const clock = useClock();
  const { decks } = useDecks();
  const decksRef = useRef(decks);
  decksRef.current = decks;
  const [state, setState] = useState<TeamState>({ loaded: false, config: null, content: null, dashboard: null, status: { kind: 'idle' } });

  /** `auto`: the page's own rounds (on opening, every five minutes), which join one under way. */
  const refresh = useCallback(
    async (config: TeamConfig, auto = false) => {
      setState((s) => ({ ...s, status: { kind: 'working' } }));
      try {
        const r = await refreshTeam(config, decksRef.current, clock.now(), { joinRunning: auto });
        const saved = await teamRepository.config();
        setState((s) => ({ ...s, config: saved, content: r.content, dashboard: r.dashboard ?? s.dashboard, status: { kind: 'done', updated: r.updated, problems: r.problems, clockSkewMs: r.clockSkewMs, summaryKept: r.shared === 'kept' } }));
      } catch (e) {
        setState((s) => ({ ...s, status: { kind: 'error', reason: errorReason(e) } }));
      }
    },
    [clock],
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      const [config, content, dashboard] = await Promise.all([teamRepository.config(), teamRepository.content(), teamRepository.dashboard()]);
      if (!live) return;
      setState((s) => ({ ...s, loaded: true, config, content, dashboard }));
      if (config) void refresh(config, true);
    })().catch(() => live && setState((s) => ({ ...s, loaded: true, status: { kind: 'error', reason: 'storage' } })));
    return () => {
      live = false;
    };
  }, [refresh]);

  const config = state.config;
  useEffect(() => {
    if (!config) return;
    const id = setInterval(() => void refresh(config, true), REFRESH_MS);
    return () => clearInterval(id);
  }, [config, refresh]);

  const joined = useCallback(
    async (c: TeamConfig) => {
      setState((s) => ({ ...s, config: c }));
      await refresh(c);
    },
    [refresh],
  );

  const setSharing = useCallback(
    async (sharing: boolean) => {
      if (!config) return;
      const next = { ...config, sharing };
      // The switch moves at once; the choice is then saved, and turning it on shares now.
      setState((s) => ({ ...s, config: next }));
      try {
        await teamRepository.saveConfig(next);
      } catch (e) {
        setState((s) => ({ ...s, config, status: { kind: 'error', reason: errorReason(e) } }));
        return;
      }
      if (sharing) await refresh(next);
    },
    [config, refresh],
  );

  const leave = useCallback(async () => {
    await leaveTeam();
    setState({ loaded: true, config: null, content: null, dashboard: null, status: { kind: 'idle' } });
  }, []);

  return { ...state, refresh, joined, setSharing, leave };
}
