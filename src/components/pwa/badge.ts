// The installed app's icon badge: the number of cards due (Badging API, where supported).
import { useEffect } from 'react';
import { deviceBadge, type DeviceBadge } from '../../platform/device';

/** Shows `dueCount` on the app icon, or clears the badge at zero. Never throws. Tests pass a fake `badge`. */
export async function updateAppBadge(dueCount: number, badge: DeviceBadge = deviceBadge()): Promise<void> {
  const count = Math.max(0, Math.floor(dueCount));
  try {
    // A browser without the Badging API has neither method: nothing to do.
    if (count > 0) await badge.setAppBadge?.(count);
    else await badge.clearAppBadge?.();
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
