// The length of a learning or relearning step, and the longest one accepted: what checking another
// device's or a backup's settings needs. Apart from params.ts, which the first screen loads to read
// the settings.
import { STEP } from './params';

/** Longest learning or relearning step accepted from a backup or another device: 30 days. */
export const MAX_STEP_MINUTES = 30 * 1440;

/** A step string's length in minutes ('10m', '1.5h', '2d'), or null when it is not a step. */
export function stepMinutes(step: string): number | null {
  if (!STEP.test(step)) return null;
  const n = Number(step.slice(0, -1));
  const unit = step.at(-1);
  return unit === 'm' ? n : unit === 'h' ? n * 60 : n * 1440;
}
