// The installed app's icon badge: the number of cards due (Badging API, where supported).
import { useEffect } from 'react';

/** The part of Navigator this needs; tests pass a fake. */
export interface BadgeNavigator {
  setAppBadge?: (contents?: number) => Promise<void>;
  clearAppBadge?: () => Promise<void>;
}

/** Shows `dueCount` on the app icon, or clears the badge at zero. Never throws. */
export async function updateAppBadge(dueCount: number, nav: BadgeNavigator = globalThis.navigator ?? {}): Promise<void> {
  const count = Math.max(0, Math.floor(dueCount));
  try {
    if (count > 0) {
      if (typeof nav.setAppBadge === 'function') await nav.setAppBadge(count);
    } else if (typeof nav.clearAppBadge === 'function') {
      await nav.clearAppBadge();
    }
  } catch {
    // The badge is cosmetic: a browser that refuses it (not installed, permission policy,
    // NotAllowedError) must never break the review flow that calls this, so errors are dropped.
  }
}

/** Keep the badge at `dueCount` while it is known (null: still loading, or not the daily count). */
export function useAppBadge(dueCount: number | null): void {
  useEffect(() => {
    if (dueCount !== null) void updateAppBadge(dueCount);
  }, [dueCount]);
}
