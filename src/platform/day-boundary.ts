// The study day's boundary on this device, for the screens: the settings' zone, else the device's
// (src/db does the same with the zone start-up hands it). Apart from ./device.ts, which the first
// visit loads, so that the settings model stays out of the entry chunk.
import { dayBoundaryOf, type Settings } from '../domain/settings/settings';
import type { DayBoundary } from '../domain/scheduler/types';
import { deviceTimeZone } from './device';

/** The day boundary in force on this device under settings `s`: the screens' one way to it. */
export function dayBoundaryOnDevice(s: Settings): DayBoundary {
  return dayBoundaryOf(s, deviceTimeZone());
}
