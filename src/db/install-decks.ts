// Installing compiled decks (the built-in ones at start-up, one added in the app, a team's): bring
// the cards in IndexedDB in line with the decks, keeping every card's history. Named apart from
// sync-*.ts, which is CouchDB replication. One transaction per call; a deck whose hash is
// unchanged costs one read.
import { cardRemap, type CardRemap } from '../domain/deck/card-remap';
import { matchDecks } from '../domain/deck/match-cards';
import type { Card, Deck } from '../domain/deck/types';
import { newCardState, replay } from '../domain/scheduler/scheduler';
import { foldEvents } from '../domain/events/fold';
import type { SuspendEvent } from '../domain/events/types';
import { withStorage } from './errors';
import { resetTimes, sinceReset } from './resets';
import { cardToRow, deckToRow, newRankOfCard, queueOf, stateFromRow, stateToRow } from './write-mappers';
import type { CardRow, CardStateRow, KujiraDB, ReviewLogRow } from './schema';

export interface DeckInstallResult {
  deckId: string;
  /** True when the hash was unchanged and nothing was written. */
  unchanged: boolean;
  added: number;
  changed: number;
  retired: number;
  restored: number;
  /** Cards whose id changed with an edit of their memo: their history followed (a remap record). */
  remapped: number;
}

/**
 * New cards are added; changed cards keep their id and history; cards no longer in a deck are
 * retired (out of every queue, history kept); retired cards that come back are restored with
 * their history. Decks not passed are left alone.
 */
export async function installDecks(db: KujiraDB, decks: readonly Deck[], now: number): Promise<DeckInstallResult[]> {
  return withStorage(db, async () => {
    const known = await db.decks.bulkGet(decks.map((d) => d.id));
    const stale = decks.filter((d, i) => known[i]?.hash !== d.hash);
    const results = new Map<string, DeckInstallResult>();
    for (const d of decks) {
      results.set(d.id, { deckId: d.id, unchanged: true, added: 0, changed: 0, retired: 0, restored: 0, remapped: 0 });
    }
    if (stale.length > 0) {
      await db.transaction('rw', [db.decks, db.cards, db.cardStates, db.reviewLog, db.cardRemaps, db.events], async () => {
        for (const deck of stale) {
          const r = await syncOne(db, deck, now);
          if (r) results.set(deck.id, r);
        }
      });
    }
    return decks.map((d) => results.get(d.id) as DeckInstallResult);
  });
}

async function syncOne(db: KujiraDB, deck: Deck, now: number): Promise<DeckInstallResult | null> {
  const prev = await db.decks.get(deck.id);
  if (prev?.hash === deck.hash) return null; // synced meanwhile by another tab
  const result: DeckInstallResult = { deckId: deck.id, unchanged: false, added: 0, changed: 0, retired: 0, restored: 0, remapped: 0 };
  const sectionOrder = new Map(deck.sections.map((s) => [s.id, s.order]));
  const oldCards = new Map((await db.cards.where('deckId').equals(deck.id).toArray()).map((c) => [c.id, c]));
  const oldStates = new Map((await db.cardStates.where('deckId').equals(deck.id).toArray()).map((s) => [s.cardId, s]));

  // Cards whose id changed with the memo (an edited bullet; the switch from positional to
  // content ids): the new card takes over the old one's schedule, and a remap record makes
  // replay read the old id's log entries as the new card's. Never onto a card with reviews of
  // its own: two histories are not merged.
  const movedFrom = new Map<string, CardStateRow>();
  const remaps: CardRemap[] = [];
  if (prev) {
    const active = [...oldCards.values()].filter((c) => c.retired === 0).map((c) => c.content);
    for (const { from, to } of matchDecks({ sections: prev.sections, cards: active }, deck).remap) {
      const source = oldStates.get(from);
      const target = oldStates.get(to);
      if (!source || (target && target.reps > 0)) continue;
      movedFrom.set(to, source);
      remaps.push(cardRemap(deck.id, from, to, now));
    }
  }

  // A card new to this device may already have reviews (imported from another device's backup
  // before its deck arrived here): its state is the replay of that log, not a fresh card.
  const unseenIds = deck.cards.filter((c) => !oldStates.has(c.id)).map((c) => c.id);
  // Likewise its suspension: the last suspend event that arrived for it.
  const earlierLog = new Map<string, ReviewLogRow[]>();
  let earlierSuspension = new Map<string, boolean>();
  let earlierResets = new Map<string, number>();
  if (unseenIds.length > 0) {
    for (const entry of await db.reviewLog.where('cardId').anyOf(unseenIds).sortBy('reviewedAt')) {
      const list = earlierLog.get(entry.cardId) ?? [];
      list.push(entry);
      earlierLog.set(entry.cardId, list);
    }
    const suspends = (await db.events.where('cardId').anyOf(unseenIds).toArray()).filter((e): e is SuspendEvent => e.type === 'suspend');
    earlierSuspension = foldEvents(suspends).suspended;
    earlierResets = await resetTimes(db);
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
    const moved = movedFrom.get(card.id);
    if (moved) {
      result.remapped += 1;
      statePuts.push(stateToRow(stateFromRow(moved), { ...meta, suspended: moved.suspended, retired: false }));
    } else if (!st) {
      const log = earlierLog.get(card.id);
      statePuts.push(stateToRow(log ? replay(sinceReset(log, earlierResets.get(card.id))) : newCardState(), { ...meta, suspended: earlierSuspension.get(card.id) ?? false, retired: false }));
    } else if (st.retired || st.key !== meta.key || st.newRank !== meta.newRank) {
      statePuts.push(stateToRow(stateFromRow(st), { ...meta, suspended: st.suspended, retired: false }));
    }
  }
  for (const old of oldCards.values()) {
    if (seen.has(old.id) || old.retired === 1) continue;
    result.retired += 1;
    cardPuts.push({ ...old, retired: 1, updatedAt: now });
    const st = oldStates.get(old.id);
    // A card whose history moved on keeps none of its own (as a replay through the remaps gives).
    const own = st && remaps.some((r) => r.from === old.id) ? stateToRow(newCardState(), { ...st, retired: true }) : st;
    if (own) statePuts.push({ ...own, retired: true, queue: queueOf(stateFromRow(own), own.suspended, true) });
  }
  if (remaps.length > 0) await db.cardRemaps.bulkPut(remaps);
  if (cardPuts.length > 0) await db.cards.bulkPut(cardPuts);
  if (statePuts.length > 0) await db.cardStates.bulkPut(statePuts);
  await db.decks.put(deckToRow(deck, (prev?.version ?? 0) + 1, now));
  return result;
}

function metaOf(card: Card, sectionOrder: ReadonlyMap<string, number>) {
  return { cardId: card.id, deckId: card.deckId, key: card.key, newRank: newRankOfCard(card, sectionOrder) };
}
