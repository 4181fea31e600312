// Markdown files given in the app -> a compiled deck, or its errors as `FILE:LINE: message` with
// the line's text. The reading itself is `readDeckFiles` (src/domain/deck, shared with the team's
// publish form); this module is imported lazily (with the compiler and marked) only when someone
// adds or updates a deck.
import type { DeckSourceFile } from '../../domain/deck/deck-files';
import { formatDeckError, type DeckError } from '../../domain/deck/errors';
import { matchDecks, type DeckChanges } from '../../domain/deck/match-cards';
import { readDeckFiles, type GivenFile, type ReadDeckFilesResult } from '../../domain/deck/read-deck-files';
import type { Deck } from '../../domain/deck/types';

export type { GivenFile };

export interface ShownError {
  /** `FILE:LINE: message` */
  message: string;
  /** `FILE:LINE` and the compiler's message apart, so the message can be said in the UI language. */
  location: string;
  text: string;
  /** The text of that line, when the file has it. */
  line?: string;
}

export interface ReadDeckResult extends Omit<ReadDeckFilesResult, 'errors' | 'warnings'> {
  errors: ShownError[];
  warnings: ShownError[];
}

function shown(files: readonly DeckSourceFile[], errors: readonly DeckError[]): ShownError[] {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  return errors.map((e) => {
    const text = byPath.get(e.file)?.replace(/^\uFEFF/, '').split(/\r?\n/)[e.line - 1];
    const base = { message: formatDeckError(e), location: `${e.file}:${e.line}`, text: e.message };
    return text !== undefined && text.trim() !== '' ? { ...base, line: text } : base;
  });
}

/** Compiles the files; without an id, the id comes from the deck's title (or its first file's name). */
export function readDeck(given: readonly GivenFile[], id?: string): ReadDeckResult {
  const result = readDeckFiles(given, id);
  return { ...result, errors: shown(result.files, result.errors), warnings: shown(result.files, result.warnings) };
}

/** The change report between the stored version of a deck and a new one. */
export function changesOf(before: Deck, after: Deck): DeckChanges {
  return matchDecks(before, after);
}
