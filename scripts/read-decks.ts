// Reads deck sources from disk for the compiler: shared by the CLI (scripts/decks.ts) and the
// Vite plugin (scripts/vite-plugin-decks.ts), so both compile exactly the same inputs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { compileDeck, DECK_ID, type CompileDeckInput } from '../src/domain/deck/compile-deck.ts';
import { detectLang, langOfName } from '../src/domain/deck/deck-files.ts';
import { deckIdFromName } from '../src/domain/deck/deck-id.ts';
import type { DeckError } from '../src/domain/deck/errors.ts';
import { LANGS, type CardKind, type Deck } from '../src/domain/deck/types.ts';

const SOURCE = /^(memo|notes)\.[^.]+\.md$/;

/** A repo-relative, forward-slash path for messages and `source` fields. */
function display(path: string, root: string): string {
  const rel = relative(root, path);
  return (rel === '' || rel.startsWith('..') ? path : rel).split(sep).join('/');
}

function readInput(id: string, dir: string, names: readonly string[], root: string): CompileDeckInput {
  return {
    id,
    dir: display(dir, root),
    files: names.map((name) => ({ path: display(join(dir, name), root), text: readFileSync(join(dir, name), 'utf8') })),
  };
}

/** Every `memo.*.md` and `notes.*.md` of a deck folder. */
export function readDeckFolder(dir: string, root = process.cwd()): CompileDeckInput {
  const abs = resolve(root, dir);
  const names = readdirSync(abs).filter((n) => SOURCE.test(n)).sort();
  return readInput(basename(abs), abs, names, root);
}

/**
 * One memo file alone. `memo.<lang>.md` is read with the `notes.<lang>.md` beside it, if any, as
 * the deck of its folder; a memo of any other name (`git.ja.md`, `tools.md`) is a deck of its
 * own: language from its `.ja.md` / `.en.md` suffix, else from its text; id from its name.
 */
export function readMemoFile(file: string, root = process.cwd()): CompileDeckInput {
  const abs = resolve(root, file);
  const dir = dirname(abs);
  const name = basename(abs);
  const lang = /^memo\.([^.]+)\.md$/.exec(name)?.[1];
  if (lang !== undefined) {
    const names = [name];
    if (existsSync(join(dir, `notes.${lang}.md`))) names.push(`notes.${lang}.md`);
    const folderId = basename(dir);
    return { ...readInput(DECK_ID.test(folderId) ? folderId : deckIdFromName(folderId), dir, names, root), dir: display(dir, root) };
  }
  const text = readFileSync(abs, 'utf8');
  return {
    id: deckIdFromName(name),
    dir: display(abs, root),
    files: [{ path: display(abs, root), text, role: 'memo', lang: langOfName(name) ?? detectLang(text) }],
  };
}

/** A path given on the command line: a deck folder or a memo file. */
export function readDeckPath(path: string, root = process.cwd()): CompileDeckInput {
  const abs = resolve(root, path);
  return statSync(abs).isDirectory() ? readDeckFolder(abs, root) : readMemoFile(abs, root);
}

/** The deck folders under `decksDir` (every sub-folder, sorted by name). */
export function listDeckFolders(decksDir: string): string[] {
  if (!existsSync(decksDir)) return [];
  return readdirSync(decksDir)
    .filter((n) => !n.startsWith('.') && statSync(join(decksDir, n)).isDirectory())
    .sort()
    .map((n) => join(decksDir, n));
}

export interface CompiledDecks {
  decks: Deck[];
  errors: DeckError[];
  warnings: DeckError[];
  /** Absolute paths of every source read (for watchers). */
  files: string[];
}

/** Compiles every deck under `decksDir`; errors of all decks are collected. */
export function compileDeckFolders(decksDir: string, root = process.cwd()): CompiledDecks {
  const out: CompiledDecks = { decks: [], errors: [], warnings: [], files: [] };
  for (const dir of listDeckFolders(decksDir)) {
    const input = readDeckFolder(dir, root);
    out.files.push(...input.files.map((f) => resolve(root, f.path)));
    const result = compileDeck(input);
    if (result.deck) out.decks.push(result.deck);
    out.errors.push(...result.errors);
    out.warnings.push(...result.warnings);
  }
  return out;
}

const KINDS: CardKind[] = ['command-meaning', 'meaning-command', 'option-meaning', 'meaning-option', 'fact'];

/** One line per deck: cards by kind and by language. */
export function summarizeDeck(deck: Deck): string {
  const kinds = KINDS.map((k) => [k, deck.cards.filter((c) => c.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const langs = LANGS.filter((l) => deck.languages.includes(l))
    .map((l) => `${l} ${deck.cards.filter((c) => c.front[l] !== undefined && c.back[l] !== undefined).length}`)
    .join(', ');
  return `${deck.id}: ${deck.cards.length} cards in ${deck.sections.length} sections (${kinds}; by language: ${langs})`;
}
