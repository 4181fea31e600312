// `npm run decks`: compiles every deck in decks/ to build/decks/<id>.json.
// `npm run decks -- --check PATH... [--json]`: compiles memo files or deck folders, writes nothing.
// Summaries and errors (FILE:LINE: message) go to stderr; exit 1 when any deck has an error.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileDeck } from '../src/domain/deck/compile-deck';
import { formatDeckError, sortDeckErrors, type DeckError } from '../src/domain/deck/errors';
import type { Deck } from '../src/domain/deck/types';
import { listDeckFolders, readDeckFolder, readDeckPath, summarizeDeck } from './read-decks';

const USAGE = `usage: npm run decks                          compile decks/* to build/decks/<id>.json
       npm run decks -- --check PATH... [--json]  check memo files or deck folders (writes nothing)`;

function main(argv: readonly string[]): number {
  const flags = argv.filter((a) => a.startsWith('--'));
  const paths = argv.filter((a) => !a.startsWith('--'));
  const check = flags.includes('--check');
  const json = flags.includes('--json');
  const unknown = flags.filter((f) => f !== '--check' && f !== '--json');
  if (unknown.length > 0 || (!check && (json || paths.length > 0)) || (check && paths.length === 0)) {
    process.stderr.write(`${unknown.length > 0 ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }

  const root = process.cwd();
  const decks: Deck[] = [];
  const errors: DeckError[] = [];
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

  for (const e of sortDeckErrors(errors)) process.stderr.write(`${formatDeckError(e)}\n`);
  if (errors.length > 0) {
    process.stderr.write(`${errors.length} error(s)\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
