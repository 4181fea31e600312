// The service worker's update flow for the app shell. A new version installs in the background
// and waits; the user is told and chooses when to reload. The app never reloads on its own: not
// when the new worker is found, and not when another tab accepted the update (then this tab only
// says it must reload). After an accepted update the new build says which version it is.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { BUILD_ID } from './build-info';
import { deviceOnline } from '../../platform/browser';

/** sessionStorage key: the build the user updated from (survives the reload, this tab only). */
export const UPDATED_FROM_KEY = 'kujira.updatedFrom';
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** If no worker takes control after the click (another tab already activated it), reload anyway. */
const RELOAD_FALLBACK_MS = 4000;

export type UpdateState =
  | { kind: 'idle' }
  | { kind: 'available' }
  | { kind: 'updating' }
  /** Another tab switched to the new version; this tab still runs the old code. */
  | { kind: 'otherTab' }
  | { kind: 'updated'; version: string };

/** Checks for a new version hourly and whenever the app comes back to the foreground online. */
function scheduleUpdateChecks(registration: ServiceWorkerRegistration): void {
  const check = () => {
    if (deviceOnline() && registration.installing === null) registration.update().catch(() => undefined);
  };
  window.setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

function takeUpdatedFrom(): string | null {
  try {
    const from = sessionStorage.getItem(UPDATED_FROM_KEY);
    sessionStorage.removeItem(UPDATED_FROM_KEY);
    return from;
  } catch {
    return null;
  }
}

export function useUpdatePrompt() {
  const accepted = useRef(false);
  const [otherTab, setOtherTab] = useState(false);
  const [updating, setUpdating] = useState(false);
  const [updatedFrom, setUpdatedFrom] = useState<string | null>(null);

  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) scheduleUpdateChecks(registration);
    },
    // Called when the new worker takes control of this page.
    onNeedReload() {
      if (accepted.current) window.location.reload();
      else setOtherTab(true);
    },
  });

  useEffect(() => {
    const from = takeUpdatedFrom();
    if (from !== null && from !== BUILD_ID) setUpdatedFrom(from);
  }, []);

  const reload = useCallback(() => {
    accepted.current = true;
    setUpdating(true);
    try {
      sessionStorage.setItem(UPDATED_FROM_KEY, BUILD_ID);
    } catch {
      // Private mode without sessionStorage: the update still happens, only the notice is lost.
    }
    if (otherTab) {
      window.location.reload();
      return;
    }
    void updateServiceWorker(true);
    window.setTimeout(() => window.location.reload(), RELOAD_FALLBACK_MS);
  }, [otherTab, updateServiceWorker]);

  const dismiss = useCallback(() => {
    setNeedRefresh(false);
    setUpdatedFrom(null);
  }, [setNeedRefresh]);

  const state: UpdateState = updating
    ? { kind: 'updating' }
    : otherTab
      ? { kind: 'otherTab' }
      : needRefresh
        ? { kind: 'available' }
        : updatedFrom !== null
          ? { kind: 'updated', version: BUILD_ID }
          : { kind: 'idle' };

  return { state, reload, dismiss };
}
