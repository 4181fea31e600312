// Cards sent back to learning (reset events, see src/domain/events/types.ts ResetEvent): a card's
// schedule is replayed from the ratings after its latest reset. Read inside the caller's
// transaction (which must include `events`); the events table indexes `type`, and resets are few.
import { currentCardId } from '../domain/deck/card-remap';
import type { ResetEvent } from '../domain/events/types';
import type { KujiraDB } from './schema';

/** The latest reset time of each card, by the card's id now (a reset follows its card through remaps). */
export async function resetTimes(db: KujiraDB, remaps: ReadonlyMap<string, string> = new Map()): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const rows = (await db.events.where('type').equals('reset').toArray()) as ResetEvent[];
  for (const r of rows) {
    const cardId = remaps.size === 0 ? r.cardId : currentCardId(remaps, r.cardId);
    if (r.at > (out.get(cardId) ?? -Infinity)) out.set(cardId, r.at);
  }
  return out;
}

/** The entries a card's schedule is replayed from: those after its latest reset. */
export function sinceReset<T extends { reviewedAt: number }>(entries: T[], resetAt: number | undefined): T[] {
  return resetAt === undefined ? entries : entries.filter((e) => e.reviewedAt > resetAt);
}
