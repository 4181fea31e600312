// Deck sync at start-up: bring the cards in IndexedDB in line with the compiled decks, keeping
// every card's history. One transaction per sync; a deck whose hash is unchanged costs one read.
import type { Card, Deck } from '../domain/deck/types';
import { newCardState, replay } from '../domain/scheduler/scheduler';
import { withStorage } from './errors';
import { cardToRow, deckToRow, newRankOfCard, queueOf, stateFromRow, stateToRow } from './mappers';
import type { CardRow, CardStateRow, KujiraDB, ReviewLogRow } from './schema';

export interface DeckSyncResult {
  deckId: string;
  /** True when the hash was unchanged and nothing was written. */
  unchanged: boolean;
  added: number;
  changed: number;
  retired: number;
  restored: number;
}

/**
 * New cards are added; changed cards keep their id and history; cards no longer in a deck are
 * retired (out of every queue, history kept); retired cards that come back are restored with
 * their history. Decks not passed are left alone.
 */
export async function syncDecks(db: KujiraDB, decks: readonly Deck[], now: number): Promise<DeckSyncResult[]> {
  return withStorage(db, async () => {
    const known = await db.decks.bulkGet(decks.map((d) => d.id));
    const stale = decks.filter((d, i) => known[i]?.hash !== d.hash);
    const results = new Map<string, DeckSyncResult>();
    for (const d of decks) {
      results.set(d.id, { deckId: d.id, unchanged: true, added: 0, changed: 0, retired: 0, restored: 0 });
    }
    if (stale.length > 0) {
      await db.transaction('rw', [db.decks, db.cards, db.cardStates, db.reviewLog], async () => {
        for (const deck of stale) {
          const r = await syncOne(db, deck, now);
          if (r) results.set(deck.id, r);
        }
      });
    }
    return decks.map((d) => results.get(d.id) as DeckSyncResult);
  });
}

async function syncOne(db: KujiraDB, deck: Deck, now: number): Promise<DeckSyncResult | null> {
  const prev = await db.decks.get(deck.id);
  if (prev?.hash === deck.hash) return null; // synced meanwhile by another tab
  const result: DeckSyncResult = { deckId: deck.id, unchanged: false, added: 0, changed: 0, retired: 0, restored: 0 };
  const sectionOrder = new Map(deck.sections.map((s) => [s.id, s.order]));
  const oldCards = new Map((await db.cards.where('deckId').equals(deck.id).toArray()).map((c) => [c.id, c]));
  const oldStates = new Map((await db.cardStates.where('deckId').equals(deck.id).toArray()).map((s) => [s.cardId, s]));

  // A card new to this device may already have reviews (imported from another device's backup
  // before its deck arrived here): its state is the replay of that log, not a fresh card.
  const unseenIds = deck.cards.filter((c) => !oldStates.has(c.id)).map((c) => c.id);
  const earlierLog = new Map<string, ReviewLogRow[]>();
  if (unseenIds.length > 0) {
    for (const entry of await db.reviewLog.where('cardId').anyOf(unseenIds).sortBy('reviewedAt')) {
      const list = earlierLog.get(entry.cardId) ?? [];
      list.push(entry);
      earlierLog.set(entry.cardId, list);
    }
  }

  const cardPuts: CardRow[] = [];
  const statePuts: CardStateRow[] = [];
  const seen = new Set<string>();
  for (const card of deck.cards) {
    seen.add(card.id);
    const old = oldCards.get(card.id);
    const meta = metaOf(card, sectionOrder);
    if (!old) {
      result.added += 1;
      cardPuts.push(cardToRow(card, false, now));
    } else if (old.retired === 1) {
      result.restored += 1;
      cardPuts.push(cardToRow(card, false, now));
    } else if (JSON.stringify(old.content) !== JSON.stringify(card)) {
      result.changed += 1;
      cardPuts.push(cardToRow(card, false, now));
    }
    const st = oldStates.get(card.id);
    if (!st) {
      const log = earlierLog.get(card.id);
      statePuts.push(stateToRow(log ? replay(log) : newCardState(), { ...meta, suspended: false, retired: false }));
    } else if (st.retired || st.key !== meta.key || st.newRank !== meta.newRank) {
      statePuts.push(stateToRow(stateFromRow(st), { ...meta, suspended: st.suspended, retired: false }));
    }
  }
  for (const old of oldCards.values()) {
    if (seen.has(old.id) || old.retired === 1) continue;
    result.retired += 1;
    cardPuts.push({ ...old, retired: 1, updatedAt: now });
    const st = oldStates.get(old.id);
    if (st) statePuts.push({ ...st, retired: true, queue: queueOf(stateFromRow(st), st.suspended, true) });
  }
  if (cardPuts.length > 0) await db.cards.bulkPut(cardPuts);
  if (statePuts.length > 0) await db.cardStates.bulkPut(statePuts);
  await db.decks.put(deckToRow(deck, (prev?.version ?? 0) + 1, now));
  return result;
}

function metaOf(card: Card, sectionOrder: ReadonlyMap<string, number>) {
  return { cardId: card.id, deckId: card.deckId, key: card.key, newRank: newRankOfCard(card, sectionOrder) };
}
