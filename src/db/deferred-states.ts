// A catch-up's card states, replayed batch by batch in memory and written once at its end.
//
// A new phone pulls a year of history in batches of 2,000 ratings. Replaying and writing the states
// of every card a batch touches cost as many IndexedDB writes as the ratings themselves: on 10,000
// cards each batch touched ~1,800 cards, 90,000 state writes for 100,000 ratings. Here each batch
// still replays its cards (from the state this catch-up reached, so each card's history is read
// at most once) and still refuses what cannot be replayed, but keeps the states in memory and
// lists the cards stale (db/stale-cards.ts) in the transaction that adds the ratings. settle()
// writes each card once, when the catch-up ends.
//
// The marker keeps the log's invariant (a card's state is the replay of its live log) for any
// reader that needs it: a merge never takes a listed card's stored state as an append base, and a
// card whose stored row changed while the catch-up ran (a rating on this device, another tab's
// merge) is replayed from its whole log at the end instead of taking the state kept here. A tab
// closed half-way leaves the marker; start-up replays the cards it lists (settleStaleCards).
import { withStorage } from './errors';
import { replayRows } from './replay-states';
import { resetTimes } from './resets';
import { staleCards, updateStaleCards } from './stale-cards';
import type { CardStateRow, KujiraDB } from './schema';

/**
 * The states a catch-up has replayed and not written yet (db/deferred-states.ts): its batches'
 * merges read a card's state from here before the stored row, which lags the log until the end.
 */
export interface PendingStates {
  /** The card's state as replayed so far in this catch-up, if it was. */
  get(cardId: string): CardStateRow | undefined;
  /** Keeps a batch's replayed states; `stored`: the stored rows read for cards new to the catch-up. */
  keep(next: ReadonlyMap<string, CardStateRow>, stored: readonly CardStateRow[]): void;
}

/** Cards per write transaction when settling (a long transaction would hold a rating back). */
const SETTLE_CHUNK = 2000;

const sameRow = (a: CardStateRow, b: CardStateRow) => JSON.stringify(a) === JSON.stringify(b);

export class DeferredStates implements PendingStates {
  /** Each card's state as replayed by this catch-up. */
  private readonly rows = new Map<string, CardStateRow>();
  /** Each card's stored row when this catch-up first touched it. */
  private readonly before = new Map<string, CardStateRow>();

  get(cardId: string): CardStateRow | undefined {
    return this.rows.get(cardId);
  }

  keep(next: ReadonlyMap<string, CardStateRow>, stored: readonly CardStateRow[]): void {
    for (const r of stored) if (!this.before.has(r.cardId)) this.before.set(r.cardId, r);
    for (const [cardId, row] of next) this.rows.set(cardId, row);
  }

  /** Cards replayed and not written yet. */
  get size(): number {
    return this.rows.size;
  }

  /**
   * Writes the states kept here and replays every other card listed stale (a tab closed half-way,
   * another tab's catch-up) from its log, a chunk of cards per transaction, each taking its cards
   * off the list. A card whose stored row is no longer the one this catch-up started from is
   * replayed from its log too.
   */
  async settle(db: KujiraDB): Promise<void> {
    const listed = await withStorage(db, () => db.transaction('r', db.meta, () => staleCards(db)));
    const cards = [...new Set([...listed, ...this.rows.keys()])].sort();
    for (let i = 0; i < cards.length; i += SETTLE_CHUNK) {
      const chunk = cards.slice(i, i + SETTLE_CHUNK);
      await withStorage(db, () =>
        db.transaction('rw', [db.cardStates, db.reviewLog, db.events, db.meta], async () => {
          const [stored, resets] = await Promise.all([db.cardStates.bulkGet(chunk), resetTimes(db)]);
          const puts: CardStateRow[] = [];
          const fromLog: CardStateRow[] = [];
          for (const row of stored) {
            if (!row) continue;
            const mine = this.rows.get(row.cardId);
            const before = this.before.get(row.cardId);
            if (mine && before && sameRow(row, before)) {
              if (!sameRow(row, mine)) puts.push(mine);
            } else {
              fromLog.push(row);
            }
          }
          if (puts.length > 0) await db.cardStates.bulkPut(puts);
          await replayRows(db, fromLog, resets);
          await updateStaleCards(db, { fixed: chunk });
        }),
      );
      for (const c of chunk) {
        this.rows.delete(c);
        this.before.delete(c);
      }
    }
  }
}

/** Start-up: the cards a catch-up left stale (a tab closed half-way) replayed from their log. */
export function settleStaleCards(db: KujiraDB): Promise<void> {
  return new DeferredStates().settle(db);
}
