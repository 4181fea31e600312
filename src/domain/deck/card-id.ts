// Stable card ids. Review history hangs on them, so an id depends only on the deck, the card
// kind and the card's key (the command/option text, or the fact key): never on descriptions,
// notes, order or position in the file.
import type { CardKind } from './types.ts';
import { cyrb53Hex } from './hash.ts';

/**
 * Collapse runs of whitespace and compose to NFC, so `docker  ps` and `docker ps`, or a kana
 * typed as base + combining mark (NFD, as macOS file names give) and its composed form, are
 * the same key.
 */
export function normalizeKey(key: string): string {
  // Most keys are already plain ASCII words with single spaces: skip the work (it ran twice per
  // card, 200k times for a 50k-row memo).
  if (PLAIN.test(key)) return key;
  return key.replace(/\s+/g, ' ').trim().normalize('NFC');
}

const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;

/** The code point (`U+200B`) of the first zero-width character of a key, if any: such keys look like others but are not. */
export function zeroWidthIn(key: string): string | undefined {
  const m = ZERO_WIDTH.exec(key);
  return m ? `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

export function cardId(deckId: string, kind: CardKind, key: string): string {
  return cyrb53Hex(`${deckId}\u0000${kind}\u0000${normalizeKey(key)}`);
}
