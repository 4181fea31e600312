// The interval shown on an answer button, as a number and a unit the UI translates
// ("10m", "1d", "3.2mo" in English; the UI picks its own words).

export type IntervalUnit = 'm' | 'h' | 'd' | 'mo' | 'y';

export interface FormattedInterval {
  value: number;
  unit: IntervalUnit;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * Minutes under an hour, hours under a day, days under a month (30 d), months (1 decimal) under a
 * year, then years (1 decimal). Never 0: anything shorter than a minute shows as 1 minute.
 */
export function formatInterval(ms: number): FormattedInterval {
  const t = Math.max(0, ms);
  if (t < HOUR) return { value: Math.max(1, Math.round(t / MINUTE)), unit: 'm' };
  if (t < DAY) return { value: Math.round(t / HOUR), unit: 'h' };
  if (t < MONTH) return { value: Math.round(t / DAY), unit: 'd' };
  if (t < YEAR) return { value: oneDecimal(t / MONTH), unit: 'mo' };
  return { value: oneDecimal(t / YEAR), unit: 'y' };
}
