// Deck compile errors: collected (never thrown one at a time), each pointing at FILE:LINE.

export interface DeckError {
  /** The source file as given to the compiler (repo-relative, e.g. `decks/docker/memo.ja.md`). */
  file: string;
  /** 1-based line number in that file. */
  line: number;
  message: string;
}

export function deckError(file: string, line: number, message: string): DeckError {
  return { file, line, message };
}

/** `FILE:LINE: message`, the format editors and terminals turn into links. */
export function formatDeckError(error: DeckError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

/** Stable order for reports: by file, then line, then message. */
export function sortDeckErrors(errors: readonly DeckError[]): DeckError[] {
  return [...errors].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Thrown by callers (CLI, Vite plugin) that must stop on a broken deck; carries every error. */
export class DeckSyntaxError extends Error {
  readonly errors: DeckError[];
  constructor(errors: readonly DeckError[]) {
    const sorted = sortDeckErrors(errors);
    super(`${sorted.length} deck error(s):\n${sorted.map(formatDeckError).join('\n')}`);
    this.name = 'DeckSyntaxError';
    this.errors = sorted;
  }
}
