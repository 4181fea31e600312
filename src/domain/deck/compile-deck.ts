// The deck compiler: the memo files of one deck (one or two languages) and their sidecar notes
// -> a compiled Deck, or every error found (FILE:LINE: message). Pure: callers read the files.
// Each step lives in its own module; this one only runs them in order.
import { buildCards } from './build-cards.ts';
import { checkCounterparts, checkRepeats } from './check-memos.ts';
import { checkFactRelations } from './check-relations.ts';
import { collectNotes } from './collect-notes.ts';
import { classifyFiles, type DeckSourceFile } from './deck-files.ts';
import { deckError, sortDeckErrors, type DeckError } from './errors.ts';
import { DECK_ID } from './deck-ids.ts';
import { ContentHasher } from './hash.ts';
import { parseMemo } from './parse-memo.ts';
import { parseNotes } from './parse-notes.ts';
import { sectionIdsOf } from './section-ids.ts';
import { makeSide, type Side } from './side.ts';
import { LANGS, type Deck, type Lang } from './types.ts';

export type { DeckSourceFile } from './deck-files.ts';

export interface CompileDeckInput {
  /** The deck id (its folder name). */
  id: string;
  /** The deck folder, for errors not tied to a file (e.g. `decks/docker`). Defaults to the id. */
  dir?: string;
  /** `memo.<lang>.md` and `notes.<lang>.md` files (or files with a `role`); other names are ignored. */
  files: readonly DeckSourceFile[];
}

export interface CompileDeckResult {
  /** Present only when there are no errors. */
  deck?: Deck;
  errors: DeckError[];
  /** Things read in a way the writer may not have meant; the deck still compiles. */
  warnings: DeckError[];
}

/** Any deck id the app can hold: a built-in or learner's id, or a team's (deck-ids.ts). */
export { DECK_ID };

/** The content hash of a compiled deck: its header, then each card, as JSON. */
function hashOf(body: Omit<Deck, 'hash'>): string {
  const hasher = new ContentHasher().update(JSON.stringify({ ...body, cards: [] }));
  for (const card of body.cards) hasher.update(JSON.stringify(card));
  return hasher.digest();
}

export function compileDeck(input: CompileDeckInput): CompileDeckResult {
  const errors: DeckError[] = [];
  const warnings: DeckError[] = [];
  const dir = input.dir ?? input.id;
  const done = (deck?: Deck): CompileDeckResult =>
    deck && errors.length === 0
      ? { deck, errors: [], warnings: sortDeckErrors(warnings) }
      : { errors: sortDeckErrors(errors), warnings: sortDeckErrors(warnings) };

  if (!DECK_ID.test(input.id)) {
    errors.push(deckError(dir, 1, `deck id "${input.id}" must be lowercase letters, digits, - or _ (it is the folder name), or a team deck's team:<team>:<id>`));
  }
  const files = classifyFiles(input.files, errors);

  const sides: Side[] = [];
  for (const lang of LANGS) {
    const file = files.memos.get(lang);
    const notesFile = files.notes.get(lang);
    if (!file) {
      if (notesFile) errors.push(deckError(notesFile.path, 1, `notes.${lang}.md has no memo.${lang}.md beside it`));
      continue;
    }
    const memo = parseMemo(file.path, file.text, errors, warnings);
    sides.push(makeSide(lang, memo, notesFile ? parseNotes(notesFile.path, notesFile.text, errors) : undefined));
  }
  const primary = sides[0];
  if (!primary) {
    errors.push(deckError(dir, 1, 'no memo: a deck needs a memo in Japanese or English (memo.ja.md, memo.en.md, or one memo file)'));
    return done();
  }

  checkRepeats(sides, errors);
  checkCounterparts(primary, sides.slice(1), errors);
  const sectionIds = sectionIdsOf(primary.memo, sides.map((s) => s.notes), errors);
  const notes = collectNotes(sides, primary, sectionIds, errors);
  checkFactRelations(notes, sides, sectionIds, warnings);
  const { cards, sections } = buildCards(input.id, sides, sectionIds, notes);

  const seen = new Map<string, string>();
  for (const card of cards) {
    const other = seen.get(card.id);
    if (other !== undefined) errors.push(deckError(primary.memo.file, Number(card.source.split(':').pop()), `card id collision between "${other}" and "${card.key}": rename one key`));
    seen.set(card.id, card.key);
  }
  if (errors.length > 0) return done();

  const title: Partial<Record<Lang, string>> = {};
  for (const side of sides) if (side.memo.title !== undefined) title[side.lang] = side.memo.title;
  const body: Omit<Deck, 'hash'> = { id: input.id, title, languages: sides.map((s) => s.lang), sections, cards };
  return done({ ...body, hash: hashOf(body) });
}
