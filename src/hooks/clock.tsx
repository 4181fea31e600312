// The app's clock: features read the time here, never Date.now() themselves, so component tests
// can hold it still (<ClockProvider clock={...}>). useClock().now() is the moment of an action (a
// rating, a save); useNow() is a value refreshed every minute and when the tab becomes visible
// again (a laptop waking from sleep), for screens that show "due" or "retrievability now".
// Domain code never reads the clock; features pass these values in.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export interface Clock {
  /** Epoch milliseconds now. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

const ClockContext = createContext<Clock>(systemClock);

/** Without a provider the app runs on the system clock. */
export function ClockProvider({ clock, children }: { clock: Clock; children: ReactNode }) {
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

export function useClock(): Clock {
  return useContext(ClockContext);
}

export function useNow(intervalMs = 60_000): number {
  const clock = useClock();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const tick = () => setNow(clock.now());
    const id = setInterval(tick, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [clock, intervalMs]);
  return now;
}
