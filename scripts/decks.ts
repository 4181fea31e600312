// `npm run decks`: compiles every deck in decks/ to build/decks/<id>.json.
// `npm run decks -- --check PATH... [--json]`: compiles memo files or deck folders, writes nothing.
// `npm run decks -- --diff OLD NEW`: the change report between two versions of a deck.
// Summaries and errors (FILE:LINE: message) go to stderr; exit 1 when any deck has an error.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileDeck } from '../src/domain/deck/compile-deck';
import { matchDecks } from '../src/domain/deck/match-cards';
import { formatChanges } from './deck-changes';
import { formatDeckError, sortDeckErrors, type DeckError } from '../src/domain/deck/errors';
import type { Deck } from '../src/domain/deck/types';
import { listDeckFolders, readDeckFolder, readDeckPath, summarizeDeck } from './read-decks';

const USAGE = `usage: npm run decks                          compile decks/* to build/decks/<id>.json
       npm run decks -- --check PATH... [--json]  check memo files or deck folders (writes nothing)
       npm run decks -- --diff OLD NEW            what changes for a learner between two versions`;

function printIssues(errors: readonly DeckError[], warnings: readonly DeckError[]): void {
  for (const w of sortDeckErrors(warnings)) process.stderr.write(`${w.file}:${w.line}: warning: ${w.message}\n`);
  for (const e of sortDeckErrors(errors)) process.stderr.write(`${formatDeckError(e)}\n`);
  if (errors.length > 0) process.stderr.write(`${errors.length} error(s)\n`);
}

function diff(root: string, oldPath: string, newPath: string): number {
  const errors: DeckError[] = [];
  const warnings: DeckError[] = [];
  let id: string | undefined;
  const versions = [oldPath, newPath].map((path) => {
    if (!existsSync(resolve(root, path))) {
      errors.push({ file: path, line: 1, message: 'no such file or folder' });
      return undefined;
    }
    // Two versions of one deck: the new one takes the old one's id, whatever its file is called.
    const input = readDeckPath(path, root);
    id ??= input.id;
    const result = compileDeck({ ...input, id });
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    return result.deck;
  });
  const [before, after] = versions;
  printIssues(errors, warnings);
  if (!before || !after) return 1;
  process.stdout.write(formatChanges(matchDecks(before, after), after.languages[0] ?? 'en'));
  return 0;
}

function main(argv: readonly string[]): number {
  const flags = argv.filter((a) => a.startsWith('--'));
  const paths = argv.filter((a) => !a.startsWith('--'));
  const check = flags.includes('--check');
  const json = flags.includes('--json');
  const unknown = flags.filter((f) => f !== '--check' && f !== '--json' && f !== '--diff');
  if (flags.includes('--diff')) {
    if (flags.length > 1 || paths.length !== 2) {
      process.stderr.write(`--diff takes two paths (old, new) and no other option\n${USAGE}\n`);
      return 2;
    }
    return diff(process.cwd(), paths[0] ?? '', paths[1] ?? '');
  }
  if (unknown.length > 0 || (!check && (json || paths.length > 0)) || (check && paths.length === 0)) {
    process.stderr.write(`${unknown.length > 0 ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }

  const root = process.cwd();
  const decks: Deck[] = [];
  const errors: DeckError[] = [];
  const warnings: DeckError[] = [];
  const failed: string[] = [];
  const targets = check ? paths : listDeckFolders(join(root, 'decks'));
  if (!check && targets.length === 0) process.stderr.write('no deck folders in decks/\n');

  for (const target of targets) {
    if (!existsSync(resolve(root, target))) {
      errors.push({ file: target, line: 1, message: 'no such file or folder' });
      continue;
    }
    const input = check ? readDeckPath(target, root) : readDeckFolder(target, root);
    const result = compileDeck(input);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.deck) {
      decks.push(result.deck);
      process.stderr.write(`${summarizeDeck(result.deck)}\n`);
    } else {
      failed.push(input.id);
    }
  }

  if (!check) {
    const out = join(root, 'build', 'decks');
    mkdirSync(out, { recursive: true });
    for (const deck of decks) writeFileSync(join(out, `${deck.id}.json`), `${JSON.stringify(deck, null, 2)}\n`);
    // A deck that no longer compiles must not leave its old JSON behind.
    for (const id of failed) rmSync(join(out, `${id}.json`), { force: true });
    if (decks.length > 0) process.stderr.write(`wrote ${decks.length} deck(s) to build/decks/\n`);
  } else if (json && errors.length === 0) {
    const value = paths.length === 1 ? decks[0] : decks;
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  printIssues(errors, warnings);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
