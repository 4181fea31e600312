// Reviews due per study day, for the load balancer: built by one read of the [queue+due] index
// range over the next LOAD_WINDOW_DAYS days, then kept current from every write to cardStates made
// through this connection (db/card-state-writes.ts), so a lookup is an array copy.
// Another tab's writes are not seen: the counts are rebuilt at each new study day and after
// REBUILD_AFTER_MS. Stale counts only make the balance a little less even: the interval a rating
// chose is in its log entry, so replay never reads these counts.
import type { DBCoreMutateRequest } from 'dexie';
import { addDays, dayKey, startOfStudyDay } from '../domain/scheduler/day';
import { LOAD_WINDOW_DAYS, type DayLoad } from '../domain/scheduler/easy-days';
import type { DayBoundary } from '../domain/scheduler/types';
import { QUEUE, type CardStateRow, type KujiraDB } from './schema';
import { observeCardStateWrites } from './card-state-writes';

export const REBUILD_AFTER_MS = 10 * 60_000;

interface Counts {
  zone: string;
  startHour: number;
  from: string;
  /** starts[i]: first instant of day from + i; LOAD_WINDOW_DAYS + 1 entries. */
  starts: number[];
  counts: number[];
  /** Day index of each counted card. */
  dayOf: Map<string, number>;
  builtAt: number;
}

interface Tracker {
  counts: Counts | null;
  building: Promise<Counts> | null;
}

const trackers = new WeakMap<KujiraDB, Tracker | null>();

/** Index of the day whose span holds `due`, or -1 outside the window. */
function dayIndex(starts: readonly number[], due: number): number {
  if (due < (starts[0] as number) || due >= (starts[starts.length - 1] as number)) return -1;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= due) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function forget(c: Counts, cardId: string): void {
  const old = c.dayOf.get(cardId);
  if (old === undefined) return;
  c.counts[old] = (c.counts[old] as number) - 1;
  c.dayOf.delete(cardId);
}

function count(c: Counts, row: Pick<CardStateRow, 'cardId' | 'queue' | 'due'>): void {
  forget(c, row.cardId);
  if (row.queue !== QUEUE.review) return;
  const i = dayIndex(c.starts, row.due);
  if (i < 0) return;
  c.counts[i] = (c.counts[i] as number) + 1;
  c.dayOf.set(row.cardId, i);
}

function applyMutation(t: Tracker, req: DBCoreMutateRequest): void {
  const c = t.counts;
  if (!c) return;
  if (req.type === 'put' || req.type === 'add') {
    for (const v of req.values as CardStateRow[]) count(c, v);
  } else if (req.type === 'delete') {
    for (const k of req.keys) forget(c, String(k));
  } else {
    t.counts = null; // deleteRange: start again
  }
}

/** This connection's tracker, made on first use; null when its writes are not watched. */
function trackerOf(db: KujiraDB): Tracker | null {
  const known = trackers.get(db);
  if (known !== undefined) return known;
  const tracker: Tracker = { counts: null, building: null };
  const watched = observeCardStateWrites(db, {
    written: (req) => applyMutation(tracker, req),
    // A transaction that aborts after a write undoes it: count again from scratch.
    aborted: () => {
      tracker.counts = null;
    },
  });
  trackers.set(db, watched ? tracker : null);
  return watched ? tracker : null;
}

const DAY_MS = 86_400_000;
/** Spans this long or shorter hold at most one clock change in every zone's rules. */
const SPAN = 16;

/**
 * The first instants of days from .. from + LOAD_WINDOW_DAYS. Each costs a few time-zone
 * look-ups, so only every SPAN-th day is computed outright, and a span whose ends are not whole
 * days apart (a clock change inside) is halved until the change is found; the other days are
 * whole days from a computed one.
 */
function dayStarts(from: string, day: DayBoundary): number[] {
  const starts = new Array<number>(LOAD_WINDOW_DAYS + 1);
  const exact = (i: number) => {
    starts[i] = startOfStudyDay(addDays(from, i), day.timeZone, day.startHour);
    return starts[i] as number;
  };
  const fill = (a: number, b: number) => {
    if (b - a <= 1) return;
    if ((starts[b] as number) - (starts[a] as number) === (b - a) * DAY_MS) {
      for (let i = a + 1; i < b; i++) starts[i] = (starts[a] as number) + (i - a) * DAY_MS;
      return;
    }
    const mid = (a + b) >> 1;
    exact(mid);
    fill(a, mid);
    fill(mid, b);
  };
  exact(0);
  for (let a = 0; a < LOAD_WINDOW_DAYS; a += SPAN) {
    const b = Math.min(a + SPAN, LOAD_WINDOW_DAYS);
    exact(b);
    fill(a, b);
  }
  return starts;
}

async function build(db: KujiraDB, day: DayBoundary, from: string, now: number): Promise<Counts> {
  const starts = dayStarts(from, day);
  const c: Counts = {
    zone: day.timeZone,
    startHour: day.startHour,
    from,
    starts,
    counts: new Array<number>(LOAD_WINDOW_DAYS).fill(0),
    dayOf: new Map(),
    builtAt: now,
  };
  // One getAll over the index range: stepping a cursor key by key is far slower here.
  const rows = await db.cardStates
    .where('[queue+due]')
    .between([QUEUE.review, starts[0] as number], [QUEUE.review, starts[LOAD_WINDOW_DAYS] as number], true, false)
    .toArray();
  for (const row of rows) count(c, row);
  return c;
}

function fresh(c: Counts | null, day: DayBoundary, from: string, now: number): c is Counts {
  return (
    c !== null &&
    c.zone === day.timeZone &&
    c.startHour === day.startHour &&
    c.from === from &&
    now - c.builtAt >= 0 &&
    now - c.builtAt < REBUILD_AFTER_MS
  );
}

/**
 * Reviews due on each of the LOAD_WINDOW_DAYS study days from today (today first). On a
 * connection that is not tracked (tests opening the schema class directly) it scans every time.
 */
export async function dueCountsByDay(db: KujiraDB, day: DayBoundary, now: number): Promise<DayLoad> {
  const from = dayKey(now, day.timeZone, day.startHour);
  const tracker = trackerOf(db);
  if (!tracker) {
    const c = await build(db, day, from, now);
    return { from, counts: c.counts };
  }
  if (!fresh(tracker.counts, day, from, now)) {
    if (!tracker.building) {
      tracker.building = build(db, day, from, now).finally(() => {
        tracker.building = null;
      });
    }
    let built = await tracker.building;
    // A scan started for another day or zone: scan again for this one.
    if (!fresh(built, day, from, now)) built = await build(db, day, from, now);
    // Writes made while the scan ran may be missing from it: those few only blur the balance.
    tracker.counts = built;
  }
  const c = tracker.counts as Counts;
  return { from: c.from, counts: [...c.counts] };
}
