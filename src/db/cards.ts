// Reading cards: one card's details (stability, difficulty, retrievability now, due, history),
// cards' content, and their stored schedules. Ratings and the other writes are db/reviews.ts.
import type { Card } from '../domain/deck/types';
import { cardInfo, type CardInfo } from '../domain/scheduler/card-info';
import type { CardSchedule, ReviewLogEntry } from '../domain/scheduler/types';
import { cardLog } from './card-log';
import { withStorage } from './errors';
import { scheduleFromRow } from './mappers';
import { stateFromRow } from './write-mappers';
import type { CardStateRow, KujiraDB } from './schema';

export interface CardDetails extends CardInfo<ReviewLogEntry> {
  cardId: string;
  card: Card | null;
  suspended: boolean;
  retired: boolean;
}

/** Card info: stability, difficulty, retrievability now, due, and the card's history. */
export function getCardInfo(db: KujiraDB, cardId: string, now: number): Promise<CardDetails | null> {
  return withStorage(db, () =>
    db.transaction('r', [db.cardStates, db.reviewLog, db.cards, db.cardRemaps], async () => {
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

/** The stored schedule of a card (null if unknown). */
export async function getCardSchedule(db: KujiraDB, cardId: string): Promise<CardSchedule | null> {
  const row = await getCardState(db, cardId);
  return row ? scheduleFromRow(row) : null;
}

/** The stored schedules of the given cards, in the given order (unknown ids dropped). */
export function getCardSchedules(db: KujiraDB, cardIds: readonly string[]): Promise<CardSchedule[]> {
  return withStorage(db, async () =>
    (await db.cardStates.bulkGet([...cardIds])).filter((row): row is CardStateRow => row !== undefined).map(scheduleFromRow),
  );
}

/** The stored schedules of one deck's cards, or of every card. */
export function listCardSchedules(db: KujiraDB, deckId?: string): Promise<CardSchedule[]> {
  return withStorage(db, async () =>
    (deckId !== undefined ? await db.cardStates.where('deckId').equals(deckId).toArray() : await db.cardStates.toArray()).map(scheduleFromRow),
  );
}
