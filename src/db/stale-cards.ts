// The cards whose state row may lag their log (the `staleCards` meta row). A catch-up adds a batch
// of ratings and leaves the replay of the cards it touched to its end (db/deferred-states.ts),
// so the marker is written in the same transaction as the log rows and cleared in the same
// transaction as the states: it survives a tab closed half-way, and start-up (or the next
// catch-up) replays what it lists. Until then a listed card's stored state is not a replay of its
// log, so no merge takes it as an append base (db/merge.ts). Every change is a read-modify-write
// inside the caller's transaction, so two tabs that sync at once keep each other's cards.
import type { KujiraDB } from './schema';

/** The cards listed (call inside a transaction that includes `meta`). */
export async function staleCards(db: KujiraDB): Promise<Set<string>> {
  const row = await db.meta.get('staleCards');
  return new Set(row?.key === 'staleCards' ? row.value : []);
}

/**
 * Lists `added` and takes `fixed` off the list (call inside a rw transaction that includes `meta`).
 * `listed`: the list as this transaction read it already (it holds thousands of ids: not read twice).
 */
export async function updateStaleCards(db: KujiraDB, change: { added?: Iterable<string>; fixed?: Iterable<string> }, listed?: ReadonlySet<string>): Promise<void> {
  const cards = new Set(listed ?? (await staleCards(db)));
  const before = cards.size;
  let changed = false;
  for (const c of change.added ?? []) cards.add(c);
  if (cards.size !== before) changed = true;
  for (const c of change.fixed ?? []) changed = cards.delete(c) || changed;
  if (!changed) return;
  if (cards.size === 0) await db.meta.delete('staleCards');
  else await db.meta.put({ key: 'staleCards', value: [...cards] });
}
