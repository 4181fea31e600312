// Ratings and what follows from them in the review log: rate (the rating event + state in one
// transaction), undo (a void event), rebuild every state by replay, suspend (an event). Reading a
// card's details is db/cards.ts.
// The events are the source of truth; a card state row is a cache of replaying the card's live
// ratings (the reviewLog table holds exactly those: a voided rating moves to voidedRatings).
import Dexie from 'dexie';
import { currentCardId } from '../domain/deck/card-remap';
import { newCardState, rateCard as rateInDomain, replay } from '../domain/scheduler/scheduler';
import type { Grade, ReviewLogEntry } from '../domain/scheduler/types';
import type { Settings } from '../domain/settings/settings';
import { balanceOf, schedulerParamsOf } from '../domain/settings/scheduler-settings';
import { getDb } from './database';
import { dayBoundaryInForce } from './device';
import { CardNotFoundError, withStorage } from './errors';
import { stateFromRow, stateToRow } from './write-mappers';
import { logRowFromRecord, ratingEventOf } from './event-mappers';
import { voidOf } from '../domain/events/fold';
import type { ResetEvent } from '../domain/events/types';
import { appendEvent, nextStamp, takeSeq } from './stamp';
import { resetTimes, sinceReset } from './resets';
import type { CardStateRow, KujiraDB, ReviewLogRow } from './schema';
import { getSettings } from './settings';
import { dueCountsByDay } from './due-counts';
import type { DayLoad } from '../domain/scheduler/load-balance';
import { cardLog, remapsInForce } from './card-log';
import { writeCommitFirst } from './commit-first';

export interface RatingResult {
  entry: ReviewLogEntry;
  state: CardStateRow;
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Durations are clamped to 0..1 h: a card left open over lunch is not a one-hour answer. */
function cleanDuration(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(Math.round(ms), 0), 3_600_000) : 0;
}

/**
 * Rate a card: appends the log entry and writes the new state in ONE read-write transaction, so
 * the rating is on disk when the promise resolves and never half-written if it fails. It resolves
 * at the commit itself, before the live queries the write wakes re-run (db/commit-first.ts): the
 * review draws the next card first.
 */
export function rateCard(
  db: KujiraDB,
  cardId: string,
  rating: Grade,
  now: number,
  durationMs: number,
  options: { id?: string; settings?: Settings } = {},
): Promise<RatingResult> {
  return withStorage(db, async () => {
    const settings = options.settings ?? (await getSettings(db));
    // Read before the rating's transaction: usually a copy of counts kept in memory.
    const load = await loadFor(db, settings, now);
    return writeCommitFirst(db, [db.cardStates, db.reviewLog, db.meta], async () => {
      // The card and the counter are read together, the log and state written together: a rating
      // is a few round trips to the storage process, not one per request (a missing card throws,
      // which aborts the transaction and takes the counter back).
      const [row, { device, seq }] = await Promise.all([db.cardStates.get(cardId), takeSeq(db)]);
      if (!row) throw new CardNotFoundError(cardId);
      const { state, record } = rateInDomain(
        stateFromRow(row),
        rating,
        now,
        schedulerParamsOf(settings, row.deckId),
        dayBoundaryInForce(settings),
        balanceOf(settings, load),
      );
      const entry: ReviewLogRow = {
        ...logRowFromRecord(record, { id: options.id ?? newId(), cardId, deckId: row.deckId, durationMs: cleanDuration(durationMs) }),
        device,
        seq,
      };
      const next = stateToRow(state, row);
      await Promise.all([db.reviewLog.add(entry), db.cardStates.put(next)]);
      return { entry, state: next };
    });
  });
}

function loadFor(db: KujiraDB, settings: Settings, now: number): Promise<DayLoad | null> {
  if (!settings.loadBalancing || !settings.enableFuzz) return Promise.resolve(null);
  return dueCountsByDay(db, dayBoundaryInForce(settings), now);
}

/** The due counts the load balancer reads (null when it or fuzz is off): for the answer previews. */
export function balanceLoad(db: KujiraDB, settings: Settings, now: number): Promise<DayLoad | null> {
  return withStorage(db, () => loadFor(db, settings, now));
}

export interface UndoResult {
  /** The entry taken back. */
  entry: ReviewLogEntry;
  /** The card's state now (replay of its remaining log); null if the card is unknown. */
  state: CardStateRow | null;
}

/**
 * Take back THIS device's last rating that is still live (its highest sequence number, whatever
 * the times of ratings that came from other devices): a void event is appended, the rating moves
 * from the live log to voidedRatings, and the card's state is rebuilt by replaying its remaining
 * log, all in one transaction. The void travels with backups and sync, so the rating stays taken
 * back everywhere. Call again to go further back. Resolves to null when there is nothing to undo.
 */
export function undoLastRating(db: KujiraDB, now: number): Promise<UndoResult | null> {
  return withStorage(db, () =>
    db.transaction('rw', [db.cardStates, db.reviewLog, db.voidedRatings, db.events, db.meta, db.cardRemaps], async () => {
      const device = (await db.meta.get('device'))?.value;
      if (typeof device !== 'string') return null;
      const last = await db.reviewLog.where('[device+seq]').between([device, Dexie.minKey], [device, Dexie.maxKey]).last();
      if (!last) return null;
      const stamp = await nextStamp(db, Math.max(now, last.reviewedAt));
      await db.events.add(voidOf(ratingEventOf(last), stamp));
      await db.reviewLog.delete(last.id);
      await db.voidedRatings.put(last);
      const cardId = currentCardId(await remapsInForce(db), last.cardId);
      const row = await db.cardStates.get(cardId);
      if (!row) return { entry: last, state: null };
      const resetAt = (await resetTimes(db, await remapsInForce(db))).get(cardId);
      const state = stateToRow(replay(sinceReset(await cardLog(db, cardId), resetAt)), row);
      await db.cardStates.put(state);
      return { entry: last, state };
    }),
  );
}

/**
 * Sends cards back to learning, inside the caller's read-write transaction (cardStates, events,
 * meta): a reset event each, and the card's schedule starts again as new. Its ratings stay (history
 * and statistics); replays start after the reset. Cards unknown here or never studied are skipped.
 */
export async function resetCardsIn(db: KujiraDB, cardIds: readonly string[], now: number): Promise<number> {
  let n = 0;
  for (const cardId of cardIds) {
    const row = await db.cardStates.get(cardId);
    // Unknown here, or never studied: nothing to learn again.
    if (!row || (row.state === 'new' && row.reps === 0)) continue;
    await appendEvent<ResetEvent>(db, now, { type: 'reset', cardId });
    await db.cardStates.put(stateToRow(newCardState(), row));
    n += 1;
  }
  return n;
}

/** Sends cards back to learning in one transaction (see resetCardsIn). */
export function resetCards(db: KujiraDB, cardIds: readonly string[], now: number): Promise<number> {
  return withStorage(db, () => db.transaction('rw', [db.cardStates, db.events, db.meta], () => resetCardsIn(db, cardIds, now)));
}

/** Where a rebuild spent its time, in ms (for benchmarks and diagnostics). */
export interface RebuildTimings {
  /** Reading every state row and every log entry. */
  readMs: number;
  /** Grouping the log by card, ordering each card's entries, replaying them and comparing. */
  replayMs: number;
  /** Writing the states that changed. */
  writeMs: number;
  entries: number;
  cards: number;
  written: number;
}

export interface RebuildOptions {
  onTimings?: (t: RebuildTimings) => void;
}

/**
 * Recompute every card's state from the log (after an import or merge, or to repair the cache).
 * Cards without a log entry become new; suspension and retirement are kept. Returns how many
 * states changed.
 *
 * One read-write transaction from the first read to the last write, so a rating made meanwhile
 * waits for it instead of being overwritten by a state computed without it. The log is read from
 * the object store in key order, not through the [cardId+reviewedAt] index: an index read looks
 * every entry up again in the store (about a third slower here), whereas grouping by card and
 * letting replay() order each card's few entries is cheap. Only the states that changed are written.
 */
export function rebuildAllStates(db: KujiraDB, options: RebuildOptions = {}): Promise<number> {
  return withStorage(db, () =>
    db.transaction('rw', [db.cardStates, db.reviewLog, db.cardRemaps, db.events], async () => {
      const t0 = performance.now();
      const [rows, log, remaps] = await Promise.all([db.cardStates.toArray(), db.reviewLog.toArray(), remapsInForce(db)]);
      const resets = await resetTimes(db, remaps);
      const t1 = performance.now();
      const byCard = groupByCard(log, remaps);
      const puts: CardStateRow[] = [];
      for (const row of rows) {
        const entries = byCard.get(row.cardId);
        const next = stateToRow(entries ? replay(sinceReset(entries, resets.get(row.cardId))) : newCardState(), row);
        if (!sameState(row, next)) puts.push(next);
      }
      const t2 = performance.now();
      if (puts.length > 0) await db.cardStates.bulkPut(puts);
      options.onTimings?.({
        readMs: t1 - t0,
        replayMs: t2 - t1,
        writeMs: performance.now() - t2,
        entries: log.length,
        cards: rows.length,
        written: puts.length,
      });
      return puts.length;
    }),
  );
}

/** Log entries by the card they belong to now (through the remaps), each card's in the order read. */
function groupByCard(log: readonly ReviewLogRow[], remaps: ReadonlyMap<string, string>): Map<string, ReviewLogRow[]> {
  const byCard = new Map<string, ReviewLogRow[]>();
  for (const e of log) {
    const cardId = remaps.size === 0 ? e.cardId : currentCardId(remaps, e.cardId);
    const list = byCard.get(cardId);
    if (list) list.push(e);
    else byCard.set(cardId, [e]);
  }
  return byCard;
}

function sameState(a: CardStateRow, b: CardStateRow): boolean {
  return (
    a.state === b.state &&
    a.due === b.due &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.elapsedDays === b.elapsedDays &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.lastReview === b.lastReview &&
    a.lastDayKey === b.lastDayKey &&
    a.leech === b.leech &&
    a.queue === b.queue
  );
}

function setSuspended(db: KujiraDB, cardId: string, suspended: boolean, now: number): Promise<void> {
  return withStorage(db, () =>
    db.transaction('rw', [db.cardStates, db.events, db.meta], async () => {
      const row = await db.cardStates.get(cardId);
      if (!row) throw new CardNotFoundError(cardId);
      if (row.suspended === suspended) return;
      await appendEvent(db, now, { type: 'suspend', cardId, suspended });
      await db.cardStates.put(stateToRow(stateFromRow(row), { ...row, suspended }));
    }),
  );
}

/** Out of every queue until unsuspended (its schedule is kept). */
export function suspendCard(db: KujiraDB, cardId: string, now: number): Promise<void> {
  return setSuspended(db, cardId, true, now);
}

export function unsuspendCard(db: KujiraDB, cardId: string, now: number): Promise<void> {
  return setSuspended(db, cardId, false, now);
}

/** The review repository over the app's database: what features call. */
export const reviewRepository = {
  /** Rate a card (on disk when the promise resolves); returns the log entry written. */
  rate: async (cardId: string, rating: Grade, now: number, durationMs: number, settings?: Settings): Promise<ReviewLogEntry> =>
    (await rateCard(getDb(), cardId, rating, now, durationMs, settings ? { settings } : {})).entry,
  /** Take back this device's last rating (a void event); returns its entry (null when there is none). */
  undoLast: async (now: number): Promise<ReviewLogEntry | null> => (await undoLastRating(getDb(), now))?.entry ?? null,
  suspend: (cardId: string, now: number): Promise<void> => suspendCard(getDb(), cardId, now),
  unsuspend: (cardId: string, now: number): Promise<void> => unsuspendCard(getDb(), cardId, now),
};
