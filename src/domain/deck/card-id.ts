// Stable card ids. Review history hangs on them, so an id depends only on the deck, the card
// kind and the card's key (the command/option text, or the fact key): never on descriptions,
// notes, order or position in the file.
import type { CardKind } from './types.ts';
import { cyrb53Hex } from './hash.ts';

/** Collapse runs of whitespace so `docker  ps` and `docker ps` are the same key. */
export function normalizeKey(key: string): string {
  return key.replace(/\s+/g, ' ').trim();
}

export function cardId(deckId: string, kind: CardKind, key: string): string {
  return cyrb53Hex(`${deckId}\u0000${kind}\u0000${normalizeKey(key)}`);
}
