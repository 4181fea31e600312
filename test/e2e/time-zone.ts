// The time zone the browser tests run in. The app's study day starts at 04:00 local time (the
// default "next day starts at"), and a test that rates a card and then counts today's queue fails
// in the minutes before it: the card, now due in ten minutes, is due after the day's end and
// belongs to tomorrow's queue. A suite run at 03:58 in the machine's zone (UTC on CI) failed so.
// Run in a zone where the suite starts in the early afternoon, hours from either end of the day.

/** An Etc/GMT zone where `now` is between 14:00 and 14:59 local time, on `now`'s UTC date. */
export function afternoonZone(now: Date): string {
  // Hours east of UTC: from +14 (at 00:xx UTC) to -9 (at 23:xx UTC), all zones that exist.
  const east = 14 - now.getUTCHours();
  // POSIX signs: Etc/GMT-9 is nine hours east of UTC.
  return east === 0 ? 'Etc/UTC' : `Etc/GMT${east > 0 ? '-' : '+'}${Math.abs(east)}`;
}
