// Card states replayed from the log, for the merge (db/merge.ts) and a catch-up's deferred states
// (db/deferred-states.ts): a card that is an append from its current row through the new ratings,
// any other from its whole live log, read inside the caller's transaction.
import type { RatingEvent } from '../domain/events/types';
import { replay } from '../domain/scheduler/scheduler';
import { stateFromRow, stateToRow } from './write-mappers';
import { sinceReset } from './resets';
import type { CardStateRow, KujiraDB, ReviewLogRow } from './schema';

/**
 * The replayed state of each card of `rows` (rows and reset times the caller read in the same
 * transaction): a card in `appended` only from its row through the ratings listed (an append, see
 * AppendBase), any other from its live log.
 */
export async function replayedRows(
  db: KujiraDB,
  rows: readonly (CardStateRow | undefined)[],
  resets: ReadonlyMap<string, number>,
  appended: ReadonlyMap<string, readonly RatingEvent[]> = new Map(),
): Promise<Map<string, CardStateRow>> {
  const whole = rows.flatMap((r) => (r && !appended.has(r.cardId) ? [r.cardId] : []));
  // One index range per card: Dexie's anyOf() walks the index with cursor jumps, far slower.
  const logs = await Promise.all(whole.map((id) => db.reviewLog.where('[cardId+reviewedAt]').between([id, -Infinity], [id, Infinity]).toArray()));
  const byCard = new Map<string, ReviewLogRow[]>(whole.map((id, i) => [id, logs[i]!]));
  const out = new Map<string, CardStateRow>();
  for (const row of rows) {
    if (!row) continue;
    const added = appended.get(row.cardId);
    const state = added ? replay(added, stateFromRow(row)) : replay(sinceReset(byCard.get(row.cardId) ?? [], resets.get(row.cardId)));
    out.set(row.cardId, stateToRow(state, row));
  }
  return out;
}

/** Writes the rows of `next` that differ from the stored `rows` they were replayed from. */
export async function writeChanged(db: KujiraDB, rows: readonly (CardStateRow | undefined)[], next: ReadonlyMap<string, CardStateRow>): Promise<void> {
  const puts = rows.flatMap((row) => {
    const n = row && next.get(row.cardId);
    return n && JSON.stringify(row) !== JSON.stringify(n) ? [n] : [];
  });
  if (puts.length > 0) await db.cardStates.bulkPut(puts);
}

/** Replay the cards of state rows the caller read in the same transaction, and write what changed (see replayedRows). */
export async function replayRows(
  db: KujiraDB,
  rows: readonly (CardStateRow | undefined)[],
  resets: ReadonlyMap<string, number>,
  appended: ReadonlyMap<string, readonly RatingEvent[]> = new Map(),
): Promise<void> {
  await writeChanged(db, rows, await replayedRows(db, rows, resets, appended));
}
