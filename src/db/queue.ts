// Today's queue, the next due time and the streak, read with index range queries only:
// the number of rows read is the size of the answer, not of the collection.
import { addDays, dayKey, endOfStudyDay } from '../domain/scheduler/day';
import { buildTodayQueue, siblingKey, type QueueCandidate, type TodayQueue } from '../domain/scheduler/queue';
import { withStorage } from './errors';
import { candidateFromRow, settingsOfRow } from './mappers';
import { QUEUE, type CardStateRow, type KujiraDB } from './schema';
import type { Settings } from '../domain/settings/settings';
import { dayBoundaryInForce } from './device';

/** Above every deck id (upper bound of string index ranges; Dexie.maxKey varies by backend). */
const MAX_STRING = '\uffff';

export interface TodayQueueResult extends TodayQueue {
  /** The study day the queue is for. */
  dayKey: string;
  /** When that study day ends (epoch ms): the queue changes then. */
  endOfDay: number;
}

export interface QueueOptions {
  /** Only this deck (default: every deck). */
  deckId?: string;
}

/** The cards to review now, in order, with today's counts. */
export function getTodayQueue(
  db: KujiraDB,
  now: number,
  settings?: Settings,
  options: QueueOptions = {},
): Promise<TodayQueueResult> {
  return withStorage(db, () =>
    db.transaction('r', [db.cardStates, db.reviewLog, db.settings], async () => {
      // The settings row read as a plain Dexie request of this transaction: a nested async
      // wrapper (getSettings' withStorage) awaited here let the transaction commit early under
      // some schedules (PrematureCommitError in Home's Today on a first visit, seen once idle).
      const s = settings ?? settingsOfRow(await db.settings.get('settings'));
      const { timeZone, startHour } = dayBoundaryInForce(s);
      const today = dayKey(now, timeZone, startHour);
      const endOfDay = endOfStudyDay(today, timeZone, startHour);

      // What was done today: a handful of log rows through the dayKey index.
      const doneRows = await db.reviewLog.where('dayKey').equals(today).toArray();
      let newIntroduced = 0;
      let reviewsDone = 0;
      const introducedKeys = new Set<string>();
      const introducedIds: string[] = [];
      for (const e of doneRows) {
        if (options.deckId !== undefined && e.deckId !== options.deckId) continue;
        if (e.prevState === 'new') {
          newIntroduced += 1;
          introducedIds.push(e.cardId);
        } else if (e.prevState === 'review') reviewsDone += 1;
      }
      for (const r of await db.cardStates.bulkGet(introducedIds)) {
        if (r) introducedKeys.add(siblingKey(r.deckId, r.key));
      }

      const dueRange = (queue: number, upTo: number) =>
        options.deckId !== undefined
          ? db.cardStates.where('[deckId+queue+due]').between([options.deckId, queue, -Infinity], [options.deckId, queue, upTo], true, false)
          : db.cardStates.where('[queue+due]').between([queue, -Infinity], [queue, upTo], true, false);

      const reviewRoom = Math.max(0, s.maxReviewsPerDay - reviewsDone);
      const [learning, reviews] = await Promise.all([
        dueRange(QUEUE.learning, endOfDay).toArray(),
        reviewRoom > 0 ? dueRange(QUEUE.review, endOfDay).limit(reviewRoom).toArray() : Promise.resolve([]),
      ]);

      const newRoom = Math.max(0, s.newPerDay - newIntroduced);
      const fresh = newRoom > 0 ? await newCandidates(db, newRoom, introducedKeys, options.deckId) : [];

      const candidates: QueueCandidate[] = [...learning, ...reviews, ...fresh].map(candidateFromRow);
      const queue = buildTodayQueue(candidates, {
        now,
        endOfDay,
        limits: { newPerDay: s.newPerDay, maxReviewsPerDay: s.maxReviewsPerDay },
        done: { newIntroduced, reviewsDone, introducedKeys },
      });
      return { ...queue, dayKey: today, endOfDay };
    }),
  );
}

/**
 * New cards in deck order, enough to fill `room` after siblings are skipped: read page by page
 * along the [queue+deckId+newRank] index, so only about `room` rows are read.
 */
async function newCandidates(
  db: KujiraDB,
  room: number,
  takenKeys: ReadonlySet<string>,
  deckId: string | undefined,
): Promise<CardStateRow[]> {
  const index = db.cardStates.where('[queue+deckId+newRank]');
  const upper = deckId !== undefined ? [QUEUE.new, deckId, Infinity] : [QUEUE.new, MAX_STRING, Infinity];
  let lower: unknown[] = deckId !== undefined ? [QUEUE.new, deckId, -Infinity] : [QUEUE.new, '', -Infinity];
  let includeLower = true;
  const taken = new Set(takenKeys);
  const out: CardStateRow[] = [];
  const pageSize = Math.max(room * 2, 16);
  for (;;) {
    const page = await index.between(lower, upper, includeLower, true).limit(pageSize).toArray();
    for (const r of page) {
      const sk = siblingKey(r.deckId, r.key);
      if (taken.has(sk)) continue;
      taken.add(sk);
      out.push(r);
      if (out.length >= room) return out;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return out;
    lower = [QUEUE.new, last.deckId, last.newRank];
    includeLower = false;
  }
}

/** When the next learning or review card is due (epoch ms), or null if none is scheduled. */
export function getNextDue(db: KujiraDB, options: QueueOptions = {}): Promise<number | null> {
  return withStorage(db, () =>
    db.transaction('r', db.cardStates, async () => {
      const first = (queue: number) =>
        options.deckId !== undefined
          ? db.cardStates.where('[deckId+queue+due]').between([options.deckId, queue, -Infinity], [options.deckId, queue, Infinity]).first()
          : db.cardStates.where('[queue+due]').between([queue, -Infinity], [queue, Infinity]).first();
      const [l, r] = await Promise.all([first(QUEUE.learning), first(QUEUE.review)]);
      const dues = [l?.due, r?.due].filter((x): x is number => typeof x === 'number');
      return dues.length > 0 ? Math.min(...dues) : null;
    }),
  );
}

/**
 * Days in a row with at least one review, counting back from today, or from yesterday while
 * today has none yet (a streak is not broken before the day is over).
 */
export function getStreak(db: KujiraDB, now: number, timeZone: string, startHour: number): Promise<number> {
  return withStorage(db, async () => {
    const today = dayKey(now, timeZone, startHour);
    const keys = (await db.reviewLog.orderBy('dayKey').reverse().uniqueKeys()) as string[];
    const days = keys.filter((k) => k <= today);
    if (days.length === 0) return 0;
    let expected = days[0] === today ? today : addDays(today, -1);
    if (days[0] !== expected) return 0;
    let streak = 0;
    for (const k of days) {
      if (k !== expected) break;
      streak += 1;
      expected = addDays(expected, -1);
    }
    return streak;
  });
}

