// A card's history across deck updates: the remaps in force (an old card id -> the id its history
// belongs to now) and one card's live ratings through them. Shared by undo (db/reviews.ts) and
// card info (db/cards.ts).
import { idsOfCard, resolveRemaps } from '../domain/deck/card-remap';
import { compareEntries } from '../domain/scheduler/scheduler';
import type { KujiraDB, ReviewLogRow } from './schema';

/** The remaps in force (old card id -> the id its history belongs to now). */
export async function remapsInForce(db: KujiraDB): Promise<Map<string, string>> {
  return resolveRemaps(await db.cardRemaps.toArray());
}

/** A card's log, oldest first: its own entries and those of every id remapped to it. */
export async function cardLog(db: KujiraDB, cardId: string): Promise<ReviewLogRow[]> {
  const ids = idsOfCard(await remapsInForce(db), cardId);
  const parts = await Promise.all(ids.map((id) => db.reviewLog.where('[cardId+reviewedAt]').between([id, -Infinity], [id, Infinity]).toArray()));
  return ids.length === 1 ? (parts[0] ?? []) : parts.flat().sort(compareEntries);
}
