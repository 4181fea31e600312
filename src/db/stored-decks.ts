// Decks added in the app: stored with their Markdown sources, synced into the card tables by the
// same code as the built-in decks at start-up (install-decks.ts), so an update moves history through
// the same remap records. Each write is one transaction: the source row and the cards agree.
import type { DeckSourceFile } from '../domain/deck/deck-files';
import { storableDeckIdProblem, type DeckSource } from '../domain/deck/deck-owner';
import type { Deck } from '../domain/deck/types';
import { getDb } from './database';
import { withStorage } from './errors';
import type { KujiraDB, StoredDeckRow } from './schema';
import { installDecks, type DeckInstallResult } from './install-decks';
import { resetCardsIn } from './reviews';

/** A stored deck as features see it. */
export interface StoredDeck {
  deck: Deck;
  files: DeckSourceFile[];
  addedAt: number;
  updatedAt: number;
  /** The version counter (see StoredDeckRow.version). */
  version: number;
}

export function storedDeckFromRow(row: StoredDeckRow): StoredDeck {
  return { deck: row.deck, files: row.files, addedAt: row.addedAt, updatedAt: row.updatedAt, version: row.version ?? 0 };
}

/** Every stored deck, by id. */
export async function listStoredDecks(db: KujiraDB): Promise<StoredDeck[]> {
  return (await db.storedDecks.orderBy('id').toArray()).map(storedDeckFromRow);
}

/**
 * Stores a compiled deck with its sources (a new deck, or a new version of a stored one) and
 * syncs its cards: unchanged ids keep their schedule, edited cards take over their earlier
 * version's history through a remap record, cards no longer in the memo are retired.
 * A deck removed earlier gets its kept history back.
 *
 * Every path that stores a deck comes here, and here the owner rule holds (deck-owner.ts): a
 * built-in deck's id is refused (DeckOwnerError), and a team stores only under its own ids.
 * `version` is the version counter to record (a pulled version's own); by default one more than
 * the stored one.
 */
export async function saveStoredDeck(
  db: KujiraDB,
  deck: Deck,
  files: readonly DeckSourceFile[],
  now: number,
  options: { resetCards?: readonly string[]; source?: DeckSource; version?: number } = {},
): Promise<DeckInstallResult> {
  const problem = storableDeckIdProblem(deck.id, options.source ?? { kind: 'learner' });
  if (problem) throw problem;
  return withStorage(db, () =>
    db.transaction('rw', [db.storedDecks, db.decks, db.cards, db.cardStates, db.reviewLog, db.cardRemaps, db.events, db.meta], async () => {
      const prev = await db.storedDecks.get(deck.id);
      const version = options.version ?? (prev?.version ?? 0) + 1;
      await db.storedDecks.put({ id: deck.id, files: files.map((f) => ({ ...f })), deck, addedAt: prev?.addedAt ?? now, updatedAt: now, version });
      const [result] = await installDecks(db, [deck], now);
      // Cards whose meaning changed, when the learner chose to learn them again (same transaction).
      if (options.resetCards && options.resetCards.length > 0) await resetCardsIn(db, options.resetCards, now);
      return result as DeckInstallResult;
    }),
  );
}

/** What a removed deck syncs to: no cards, so every card of it is retired with its history kept. */
function emptied(deck: Deck): Deck {
  return { ...deck, sections: [], cards: [], hash: `removed:${deck.hash}` };
}

/**
 * Removes a stored deck. By default its cards are retired (out of every queue) and their reviews
 * kept, so adding the deck again brings its history back; with `deleteHistory` the deck's cards,
 * schedules, reviews, remaps, lesson progress and quiz results are deleted too.
 */
export function removeStoredDeck(db: KujiraDB, deckId: string, now: number, options: { deleteHistory?: boolean } = {}): Promise<void> {
  return withStorage(db, () =>
    db.transaction(
      'rw',
      [db.storedDecks, db.decks, db.cards, db.cardStates, db.reviewLog, db.voidedRatings, db.events, db.cardRemaps, db.onboarding, db.quizResults],
      async () => {
        const row = await db.storedDecks.get(deckId);
        if (!row) return;
        await db.storedDecks.delete(deckId);
        if (!options.deleteHistory) {
          await installDecks(db, [emptied(row.deck)], now);
          return;
        }
        const cardIds = (await db.cards.where('deckId').equals(deckId).primaryKeys()) as string[];
        const remaps = await db.cardRemaps.where('deckId').equals(deckId).toArray();
        const ids = [...new Set([...cardIds, ...remaps.map((r) => r.from), ...remaps.map((r) => r.to)])];
        await db.reviewLog.where('cardId').anyOf(ids).delete();
        // The deck's taken-back ratings and its card events (voids, suspensions) go with it.
        await db.voidedRatings.where('cardId').anyOf(ids).delete();
        await db.events.where('cardId').anyOf(ids).delete();
        await db.cardStates.where('deckId').equals(deckId).delete();
        await db.cards.where('deckId').equals(deckId).delete();
        await db.cardRemaps.where('deckId').equals(deckId).delete();
        await db.decks.delete(deckId);
        await db.onboarding.delete(deckId);
        await db.quizResults.where('deckId').equals(deckId).delete();
      },
    ),
  );
}

/** The stored-deck repository over the app's database: what features call. */
export const storedDeckRepository = {
  list: (): Promise<StoredDeck[]> => listStoredDecks(getDb()),
  save: (deck: Deck, files: readonly DeckSourceFile[], now: number, options?: { resetCards?: readonly string[] }): Promise<DeckInstallResult> =>
    saveStoredDeck(getDb(), deck, files, now, options),
  remove: (deckId: string, now: number, options?: { deleteHistory?: boolean }): Promise<void> => removeStoredDeck(getDb(), deckId, now, options),
};
