// Markdown files given in the app (chosen, dropped or pasted on the Decks page; a team lead's memo
// before publishing) -> what each file is, the deck id, and the compiled deck or its errors. Pure:
// the callers read the files and show the errors their way. Imported lazily by both, since it
// brings the compiler (and marked) with it.
//
// The deck id, when none is given, is proposed from the title: the first title with Latin letters
// or digits (`Team tools` over `チームのツール`), else the first title at all (`deckIdFromTitle`
// gives it `deck-` and a short hash), else the first file's name. The team's copy of this code fell
// back from a title without Latin letters straight to the file name; the Decks page's rule is kept,
// since it is the one docs/deck-format.md documents ("else a short hash of the title, else the file
// name") and docs/team.md says a published deck's id comes from its title: the same memo now gets
// the same id whether a learner adds it or a lead publishes it, and renaming the file of a memo
// titled only in Japanese no longer changes its id (which would publish it as another deck).
import { compileDeck } from './compile-deck.ts';
import { baseName, detectLang, langOfName, type DeckSourceFile } from './deck-files.ts';
import { deckIdFromName, deckIdFromTitle } from './deck-id.ts';
import type { DeckError } from './errors.ts';
import type { Deck } from './types.ts';

export interface GivenFile {
  name: string;
  text: string;
}

export interface ReadDeckFilesResult {
  deck?: Deck;
  files: DeckSourceFile[];
  errors: DeckError[];
  warnings: DeckError[];
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

/** The id proposed for these files (see the header): from a title, else from the first file's name. */
export function proposeDeckId(files: readonly DeckSourceFile[]): string {
  const probe = compileDeck({ id: 'deck', dir: 'deck', files });
  const titles = probe.deck ? probe.deck.languages.map((l) => probe.deck?.title[l] ?? '').filter((x) => x.trim() !== '') : [];
  const title = titles.find((x) => /[A-Za-z0-9]/.test(x)) ?? titles[0];
  return title !== undefined ? deckIdFromTitle(title) : deckIdFromName(files[0]?.path ?? 'deck');
}

/** Compiles the files under `id`, or under the id proposed from them when none is given. */
export function readDeckFiles(given: readonly GivenFile[], id?: string): ReadDeckFilesResult {
  const files = sourcesOf(given);
  const deckId = id ?? proposeDeckId(files);
  const result = compileDeck({ id: deckId, dir: deckId, files });
  return { ...(result.deck ? { deck: result.deck } : {}), files, errors: result.errors, warnings: result.warnings, id: deckId };
}
