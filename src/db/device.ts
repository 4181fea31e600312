// The device reads storage code needs (the time zone of the study day), handed in at start-up
// (src/app/main.tsx; test/setup.ts in tests) so that src/db reads neither Intl nor the clock.
import { dayBoundaryOf, type Settings } from '../domain/settings/settings';
import type { DayBoundary } from '../domain/scheduler/types';

export interface DeviceReads {
  /** The device's IANA time zone now. */
  timeZone: () => string;
}

// Until start-up installs the device, days are UTC days (scripts and benches that never install one).
let device: DeviceReads = { timeZone: () => 'UTC' };

export function installDevice(reads: DeviceReads): void {
  device = reads;
}

/** The day boundary in force on this device under settings `s`. */
export function dayBoundaryInForce(s: Settings): DayBoundary {
  return dayBoundaryOf(s, device.timeZone());
}
