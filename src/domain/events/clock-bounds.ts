// A peer's clock is a claim (issue 22). An event or a deck version stamped more than
// CLOCK_TOLERANCE_MS past the receiving device's clock is not applied: sync holds it until this
// device's clock reaches it (minus the tolerance), a backup import refuses it. So one phone whose
// clock is a year ahead cannot freeze a setting or a deck on every other device. Pure: the caller
// passes `now`.

/** How far past this device's clock a stamp may be and still count: 10 minutes. */
export const CLOCK_TOLERANCE_MS = 10 * 60_000;

/** The time fields an event claims (epoch ms): its stamp and, by type, the review or quiz times. */
const TIME_FIELDS = ['at', 'reviewedAt', 'startedAt', 'finishedAt'] as const;

/** The latest time an event (or any record with these fields) claims, and which field says it; null when none. */
export function latestStampOf(record: unknown): { field: string; at: number } | null {
  if (record === null || typeof record !== 'object') return null;
  let best: { field: string; at: number } | null = null;
  for (const field of TIME_FIELDS) {
    const v = (record as Record<string, unknown>)[field];
    if (typeof v === 'number' && Number.isFinite(v) && (!best || v > best.at)) best = { field, at: v };
  }
  return best;
}

/**
 * When a record stamped `at` may be applied by a device whose clock reads `now`: null when it may
 * be now; else the earliest time (this device's clock) it may, `at - CLOCK_TOLERANCE_MS`.
 */
export function heldUntil(at: number, now: number, tolerance = CLOCK_TOLERANCE_MS): number | null {
  return at > now + tolerance ? at - tolerance : null;
}

/** A device's clock against a server's (its `Date` header): the difference when beyond the tolerance, else null. */
export function clockSkewBeyondTolerance(deviceNow: number, serverNow: number, tolerance = CLOCK_TOLERANCE_MS): number | null {
  const skew = deviceNow - serverNow;
  return Math.abs(skew) > tolerance ? skew : null;
}
