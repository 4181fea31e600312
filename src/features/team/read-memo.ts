// The lead's Markdown -> a compiled deck or its errors as `FILE:LINE: message`, before anything
// is published. Loaded lazily with the compiler. (The Decks page reads files the same way; a
// feature may not import another, so the few lines of file naming are here too.)
import { compileDeck } from '../../domain/deck/compile-deck';
import { baseName, detectLang, langOfName, type DeckSourceFile } from '../../domain/deck/deck-files';
import { deckIdFromTitle, deckIdFromName } from '../../domain/deck/deck-id';
import { formatDeckError } from '../../domain/deck/errors';
import type { Deck } from '../../domain/deck/types';

export interface GivenFile {
  name: string;
  text: string;
}

export interface ReadMemoResult {
  deck?: Deck;
  files: DeckSourceFile[];
  /** `FILE:LINE: message` */
  errors: string[];
}

const NAMED = /^(memo|notes)\.(ja|en)\.md$/;

export function readMemo(given: readonly GivenFile[], id?: string): ReadMemoResult {
  const files = given.map((f): DeckSourceFile => {
    const name = baseName(f.name);
    if (NAMED.test(name)) return { path: name, text: f.text };
    return { path: name, text: f.text, role: /^notes\b/.test(name) ? 'notes' : 'memo', lang: langOfName(name) ?? detectLang(f.text) };
  });
  let deckId = id;
  if (!deckId) {
    const probe = compileDeck({ id: 'deck', files });
    const title = probe.deck ? probe.deck.languages.map((l) => probe.deck?.title[l] ?? '').find((x) => /[A-Za-z0-9]/.test(x)) : undefined;
    deckId = title ? deckIdFromTitle(title) : deckIdFromName(files[0]?.path ?? 'deck');
  }
  const r = compileDeck({ id: deckId, dir: deckId, files });
  return { ...(r.deck ? { deck: r.deck } : {}), files, errors: r.errors.map(formatDeckError) };
}
