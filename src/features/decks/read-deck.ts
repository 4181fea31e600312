// Markdown files given in the app -> a compiled deck, or its errors as `FILE:LINE: message` with
// the line's text. The deck compiler runs here, in the browser: this module is imported lazily
// (with the compiler and marked) only when someone adds or updates a deck.
import { compileDeck } from '../../domain/deck/compile-deck';
import { baseName, detectLang, langOfName, type DeckSourceFile } from '../../domain/deck/deck-files';
import { deckIdFromName, deckIdFromTitle } from '../../domain/deck/deck-id';
import { formatDeckError, type DeckError } from '../../domain/deck/errors';
import { matchDecks, type DeckChanges } from '../../domain/deck/match-cards';
import type { Deck } from '../../domain/deck/types';

export interface GivenFile {
  name: string;
  text: string;
}

export interface ShownError {
  /** `FILE:LINE: message` */
  message: string;
  /** The text of that line, when the file has it. */
  line?: string;
}

export interface ReadDeckResult {
  deck?: Deck;
  files: DeckSourceFile[];
  errors: ShownError[];
  warnings: ShownError[];
  /** The deck id used: the one asked for, else proposed from the title (or the file name). */
  id: string;
}

const NAMED = /^(memo|notes)\.(ja|en)\.md$/;

/** What each file is: `memo.<lang>.md` / `notes.<lang>.md` by name, else one memo whose language is its suffix or detected. */
export function sourcesOf(given: readonly GivenFile[]): DeckSourceFile[] {
  return given.map((f): DeckSourceFile => {
    const name = baseName(f.name);
    if (NAMED.test(name)) return { path: name, text: f.text };
    const role = /^notes\b/.test(name) ? 'notes' : 'memo';
    return { path: name, text: f.text, role, lang: langOfName(name) ?? detectLang(f.text) };
  });
}

function shown(files: readonly DeckSourceFile[], errors: readonly DeckError[]): ShownError[] {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  return errors.map((e) => {
    const text = byPath.get(e.file)?.replace(/^\uFEFF/, '').split(/\r?\n/)[e.line - 1];
    return text !== undefined && text.trim() !== '' ? { message: formatDeckError(e), line: text } : { message: formatDeckError(e) };
  });
}

/** Compiles the files; without an id, the id comes from the deck's title (or its first file's name). */
export function readDeck(given: readonly GivenFile[], id?: string): ReadDeckResult {
  const files = sourcesOf(given);
  let deckId = id;
  if (deckId === undefined) {
    // A title with Latin letters or digits gives a readable id (`Team tools` over `チームのツール`).
    const probe = compileDeck({ id: 'deck', dir: 'deck', files });
    const titles = probe.deck ? probe.deck.languages.map((l) => probe.deck?.title[l] ?? '').filter((x) => x.trim() !== '') : [];
    const title = titles.find((x) => /[A-Za-z0-9]/.test(x)) ?? titles[0];
    deckId = title !== undefined ? deckIdFromTitle(title) : deckIdFromName(files[0]?.path ?? 'deck');
  }
  const result = compileDeck({ id: deckId, dir: deckId, files });
  return {
    ...(result.deck ? { deck: result.deck } : {}),
    files,
    errors: shown(files, result.errors),
    warnings: shown(files, result.warnings),
    id: deckId,
  };
}

/** The change report between the stored version of a deck and a new one. */
export function changesOf(before: Deck, after: Deck): DeckChanges {
  return matchDecks(before, after);
}
