// Ratings and everything derived from the review log: rate (log entry + state in one
// transaction), undo, rebuild every state by replay, suspend, card info.
// The log is the source of truth; a card state row is a cache of replaying the card's log.
import type { Card } from '../domain/deck/types';
import {
  applyReview,
  cardInfo,
  compareEntries,
  newCardState,
  rateCard as rateInDomain,
  replay,
  type CardInfo,
} from '../domain/scheduler/scheduler';
import type { Grade, SchedState } from '../domain/scheduler/types';
import { CardNotFoundError, withStorage } from './errors';
import { logRowFromRecord, stateFromRow, stateToRow, type ReviewLogEntry } from './mappers';
import type { CardStateRow, KujiraDB, ReviewLogRow } from './schema';
import { dayBoundaryOf, getSettings, schedulerParamsOf, type Settings } from './settings';

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
 * the rating is on disk when the promise resolves and never half-written if it fails.
 */
export function rateCard(
  db: KujiraDB,
  cardId: string,
  rating: Grade,
  now: number,
  durationMs: number,
  options: { id?: string; settings?: Settings } = {},
): Promise<RatingResult> {
  return withStorage(db, () =>
    db.transaction('rw', [db.cardStates, db.reviewLog, db.settings], async () => {
      const row = await db.cardStates.get(cardId);
      if (!row) throw new CardNotFoundError(cardId);
      const settings = options.settings ?? (await getSettings(db));
      const { state, record } = rateInDomain(
        stateFromRow(row),
        rating,
        now,
        schedulerParamsOf(settings),
        dayBoundaryOf(settings),
      );
      const entry = logRowFromRecord(record, {
        id: options.id ?? newId(),
        cardId,
        deckId: row.deckId,
        durationMs: cleanDuration(durationMs),
      });
      const next = stateToRow(state, row);
      await db.reviewLog.add(entry);
      await db.cardStates.put(next);
      return { entry, state: next };
    }),
  );
}

/** A card's log, oldest first. */
function cardLog(db: KujiraDB, cardId: string): Promise<ReviewLogRow[]> {
  return db.reviewLog.where('[cardId+reviewedAt]').between([cardId, -Infinity], [cardId, Infinity]).toArray();
}

export interface UndoResult {
  /** The entry taken back. */
  entry: ReviewLogEntry;
  /** The card's state now (replay of its remaining log); null if the card is unknown. */
  state: CardStateRow | null;
}

/**
 * Take back the most recent rating (of any card): its log entry is deleted and the card's state
 * is rebuilt by replaying the card's remaining log. Call again to go further back. Resolves to
 * null when the log is empty.
 */
export function undoLastRating(db: KujiraDB): Promise<UndoResult | null> {
  return withStorage(db, () =>
    db.transaction('rw', [db.cardStates, db.reviewLog], async () => {
      const last = await db.reviewLog.orderBy('reviewedAt').last();
      if (!last) return null;
      await db.reviewLog.delete(last.id);
      const row = await db.cardStates.get(last.cardId);
      if (!row) return { entry: last, state: null };
      const state = stateToRow(replay(await cardLog(db, last.cardId)), row);
      await db.cardStates.put(state);
      return { entry: last, state };
    }),
  );
}

/**
 * Recompute every card's state from the log (after an import or merge, or to repair the cache).
 * Cards without a log entry become new; suspension and retirement are kept. Returns how many
 * states changed.
 */
export function rebuildAllStates(db: KujiraDB): Promise<number> {
  return withStorage(db, () =>
    db.transaction('rw', [db.cardStates, db.reviewLog], async () => {
      const [rows, log] = await Promise.all([db.cardStates.toArray(), db.reviewLog.orderBy('[cardId+reviewedAt]').toArray()]);
      const byCard = new Map<string, SchedState>();
      let current: string | null = null;
      let s: SchedState = newCardState();
      let prev: ReviewLogRow | null = null;
      for (const e of log) {
        if (e.cardId !== current) {
          if (current !== null) byCard.set(current, s);
          current = e.cardId;
          s = newCardState();
          prev = null;
        }
        // The index gives (cardId, reviewedAt, id) order: the order replay() sorts by.
        if (prev && compareEntries(prev, e) > 0) throw new Error('review log index out of order');
        s = applyReview(s, e);
        prev = e;
      }
      if (current !== null) byCard.set(current, s);
      const puts: CardStateRow[] = [];
      for (const row of rows) {
        const next = stateToRow(byCard.get(row.cardId) ?? newCardState(), row);
        if (!sameState(row, next)) puts.push(next);
      }
      if (puts.length > 0) await db.cardStates.bulkPut(puts);
      return puts.length;
    }),
  );
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

function setSuspended(db: KujiraDB, cardId: string, suspended: boolean): Promise<void> {
  return withStorage(db, () =>
    db.transaction('rw', db.cardStates, async () => {
      const row = await db.cardStates.get(cardId);
      if (!row) throw new CardNotFoundError(cardId);
      if (row.suspended === suspended) return;
      await db.cardStates.put(stateToRow(stateFromRow(row), { ...row, suspended }));
    }),
  );
}

/** Out of every queue until unsuspended (its schedule is kept). */
export function suspendCard(db: KujiraDB, cardId: string): Promise<void> {
  return setSuspended(db, cardId, true);
}

export function unsuspendCard(db: KujiraDB, cardId: string): Promise<void> {
  return setSuspended(db, cardId, false);
}

export interface CardDetails extends CardInfo<ReviewLogEntry> {
  cardId: string;
  card: Card | null;
  suspended: boolean;
  retired: boolean;
}

/** Card info: stability, difficulty, retrievability now, due, and the card's history. */
export function getCardInfo(db: KujiraDB, cardId: string, now: number): Promise<CardDetails | null> {
  return withStorage(db, () =>
    db.transaction('r', [db.cardStates, db.reviewLog, db.cards], async () => {
      const row = await db.cardStates.get(cardId);
      if (!row) return null;
      const [history, card] = await Promise.all([cardLog(db, cardId), db.cards.get(cardId)]);
      const lastParams = history.at(-1)?.params;
      return {
        ...cardInfo(stateFromRow(row), history, now, lastParams ?? {}),
        cardId,
        card: card?.content ?? null,
        suspended: row.suspended,
        retired: row.retired,
      };
    }),
  );
}

/** One card's content (null if unknown). */
export function getCard(db: KujiraDB, cardId: string): Promise<Card | null> {
  return withStorage(db, async () => (await db.cards.get(cardId))?.content ?? null);
}

/** Several cards' content, in the order asked (null for unknown ids). */
export function getCards(db: KujiraDB, cardIds: readonly string[]): Promise<(Card | null)[]> {
  return withStorage(db, async () => (await db.cards.bulkGet([...cardIds])).map((r) => r?.content ?? null));
}

/** The state row of a card (null if unknown). */
export function getCardState(db: KujiraDB, cardId: string): Promise<CardStateRow | null> {
  return withStorage(db, async () => (await db.cardStates.get(cardId)) ?? null);
}
