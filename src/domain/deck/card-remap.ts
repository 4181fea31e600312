// Card-id remaps: when a memo edit gives a card a new id (a reworded bullet, or the switch from
// positional to content ids), its history moves by a remap record `from -> to`, kept as its own
// immutable record. Review log entries are never rewritten: replay reads each entry's card id
// through the remaps, so merging two devices' logs and remaps (set union) gives the same result.

export interface CardRemap {
  /** Stable id, the same on every device that makes the same remap: `<from>><to>`. */
  id: string;
  deckId: string;
  from: string;
  to: string;
  /** When it was made (epoch ms): later remaps of the same id win. */
  at: number;
}

export function cardRemap(deckId: string, from: string, to: string, at: number): CardRemap {
  return { id: `${from}>${to}`, deckId, from, to, at };
}

/**
 * Where each remapped id's history now lives, following chains (a -> b, then b -> c: a -> c).
 * Remaps apply in (at, id) order, so a later remap back (b -> a after a -> b) makes a live again.
 */
export function resolveRemaps(remaps: readonly CardRemap[]): Map<string, string> {
  const sorted = [...remaps].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const target = new Map<string, string>();
  for (const r of sorted) {
    if (r.from === r.to) continue;
    for (const [k, v] of target) if (v === r.from) target.set(k, r.to);
    target.set(r.from, r.to);
    target.delete(r.to); // the destination is a live card again
    for (const [k, v] of target) if (k === v) target.delete(k);
  }
  return target;
}

/** The card id a history entry belongs to now. */
export function currentCardId(resolved: ReadonlyMap<string, string>, cardId: string): string {
  return resolved.get(cardId) ?? cardId;
}

/** Every id whose history now belongs to `cardId` (itself included). */
export function idsOfCard(resolved: ReadonlyMap<string, string>, cardId: string): string[] {
  const out = [cardId];
  for (const [from, to] of resolved) if (to === cardId) out.push(from);
  return out;
}
