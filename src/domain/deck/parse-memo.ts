// Reads one memo file (`memo.<lang>.md`) into sections of command/option rows and bullets,
// each with its line number. Structure only: cross-file checks live in compile-deck.ts.
import type { Token, Tokens } from 'marked';
import { normalizeKey, zeroWidthIn } from './card-id.ts';
import { splitCloze } from './cloze.ts';
import { deckError, type DeckError } from './errors.ts';
import { preflight } from './preflight.ts';
import {
  inlineText, isOneLine, listItemLines, parseMarkdown, tableRowSources, tableRowWidth, tokenText, type MarkdownBlock,
} from './markdown-text.ts';

export interface MemoRow {
  /** The command or option, whitespace-normalized, without backticks. */
  key: string;
  isOption: boolean;
  description: string;
  note: string;
  line: number;
}

export interface MemoBullet {
  /** Plain text of the bullet, cloze markers removed. */
  text: string;
  /** Text with cloze markers kept (`{{...}}`). */
  raw: string;
  /** The answers of the `{{...}}` blanks, in order. */
  clozes: string[];
  line: number;
}

export interface MemoSection {
  title: string;
  line: number;
  rows: MemoRow[];
  bullets: MemoBullet[];
}

export interface ParsedMemo {
  file: string;
  title?: string;
  titleLine: number;
  sections: MemoSection[];
}

/** A key that looks like an option (`-d`, `--rm`) makes option cards. */
export function isOptionKey(key: string): boolean {
  return key.startsWith('-');
}

/** The first line of an indented code block that looks like a list item. */
const BULLET_LINE = /^(?:[*+-]|\d{1,9}[.)])[ \t]+\S/;

const isBlank = (t: Token): boolean => t.type === 'text' && t.raw.trim() === '';

function cellCode(cell: Tokens.TableCell): string | undefined {
  const meaningful = cell.tokens.filter((t) => !isBlank(t));
  const only = meaningful[0];
  return meaningful.length === 1 && only?.type === 'codespan' ? (only as Tokens.Codespan).text : undefined;
}

function startsWithCode(row: readonly Tokens.TableCell[]): boolean {
  const first = row[0];
  if (!first) return false;
  return first.tokens.find((t) => !isBlank(t))?.type === 'codespan';
}

function parseBullet(file: string, item: Tokens.ListItem, line: number, errors: DeckError[]): MemoBullet {
  const raw = tokenText(item);
  const clozes: string[] = [];
  let text = '';
  for (const part of splitCloze(raw)) {
    if (!part.blank) {
      text += part.text;
      continue;
    }
    const answer = part.text.trim();
    if (answer === '') errors.push(deckError(file, line, 'empty cloze marker `{{}}`: put the answer between the braces'));
    clozes.push(answer);
    text += answer;
  }
  if (text.includes('{{') || text.includes('}}')) {
    errors.push(deckError(file, line, 'unbalanced cloze marker: write a blank as {{answer}}'));
  }
  if (text === '') errors.push(deckError(file, line, 'empty bullet'));
  return { text, raw, clozes, line };
}

function parseTable(
  file: string, table: Tokens.Table, tableLine: number, section: MemoSection, errors: DeckError[], warnings: DeckError[],
): void {
  if (!table.rows.some(startsWithCode)) return; // not a card table: plain prose table
  const width = table.header.length;
  if (width < 2 || width > 3) {
    errors.push(deckError(file, tableLine,
      `a command table has 2 or 3 columns (command, description, optional note); this one has ${width}`));
    return;
  }
  const sources = tableRowSources(table, tableLine);
  table.rows.forEach((row, k) => {
    const source = sources[k] ?? { line: tableLine, raw: '' };
    // GFM reads a line without any "|" right under a table as one more row of it; the writer
    // meant a paragraph, so it is left out of the table (and said so) rather than misreported.
    if (!/(^|[^\\])\|/.test(source.raw)) {
      warnings.push(deckError(file, source.line, 'this line has no "|", so it is read as text after the table, not as a row: leave a blank line between a table and the text below it'));
      return;
    }
    parseRow(file, row, source, width, section, errors);
  });
}

function parseRow(
  file: string, row: readonly Tokens.TableCell[], source: { line: number; raw: string }, width: number,
  section: MemoSection, errors: DeckError[],
): void {
  const { line } = source;
  // Counted from the row's source: marked pads or cuts the row's cells to the header's width.
  const cells = tableRowWidth(source.raw);
  if (cells !== width) {
    errors.push(deckError(file, line,
      `this row has ${cells} cell(s) but the table header has ${width}: check for a missing or extra "|"`));
    return;
  }
  const [keyCell, descCell, noteCell] = row as [Tokens.TableCell, Tokens.TableCell, Tokens.TableCell | undefined];
  const code = cellCode(keyCell);
  if (code === undefined) {
    errors.push(deckError(file, line, 'the first cell must hold only a command or option in backticks, e.g. `docker ps`'));
    return;
  }
  const key = normalizeKey(code);
  const hidden = zeroWidthIn(key);
  if (hidden !== undefined) {
    errors.push(deckError(file, line, `the command \`${key.replace(/[\u200b-\u200d\u2060\ufeff]/g, '')}\` holds an invisible character (${hidden}): delete it, or two commands look the same but differ`));
    return;
  }
  if (key === '') {
    errors.push(deckError(file, line, 'empty command: the backticks in the first cell hold nothing'));
    return;
  }
  const description = inlineText(descCell.tokens);
  if (description === '') {
    errors.push(deckError(file, line, `empty description for \`${key}\`: say what it does in the second cell`));
    return;
  }
  section.rows.push({ key, isOption: isOptionKey(key), description, note: noteCell ? inlineText(noteCell.tokens) : '', line });
}

/**
 * Parses a memo. Errors go to `errors`; the result holds what could be read.
 * Sections with neither rows nor bullets are dropped (a heading that only groups sub-sections).
 */
export function parseMemo(file: string, source: string, errors: DeckError[], warnings: DeckError[] = []): ParsedMemo {
  const memo: ParsedMemo = { file, titleLine: 1, sections: [] };
  if (source.replace(/^\ufeff/, '').trim() === '') {
    errors.push(deckError(file, 1, 'empty file: a memo needs a "# Title" and at least one table or bullet list'));
    return memo;
  }
  const checked = preflight(file, source, errors, true);
  if (!checked.parse) return memo;
  const text = checked.text;
  let heading: MemoSection | undefined;
  let previous: MarkdownBlock | undefined;
  const sections: MemoSection[] = [];
  const open = (title: string, line: number): MemoSection => {
    const s: MemoSection = { title, line, rows: [], bullets: [] };
    sections.push(s);
    return s;
  };

  for (const block of parseMarkdown(text)) {
    const { token, line } = block;
    if (token.type === 'heading' && token.depth === 1) {
      if (memo.title === undefined) {
        memo.title = tokenText(token);
        memo.titleLine = line;
      } else {
        errors.push(deckError(file, line, 'a second "# " title: a memo has one H1 (use ## for sections)'));
      }
    } else if (token.type === 'heading') {
      heading = open(tokenText(token), line);
    } else if (token.type === 'table') {
      // A one-line paragraph right above a table names a sub-section ("システム関連").
      const label = previous?.token.type === 'paragraph' && isOneLine(previous.token) ? previous : undefined;
      let target = heading ?? open(memo.title ?? file, line);
      if (label) {
        const title = tokenText(label.token).replace(/\n/g, ' ');
        target = open(heading ? `${heading.title} / ${title}` : title, label.line);
      }
      parseTable(file, token, line, target, errors, warnings);
    } else if (token.type === 'list') {
      const target = heading ?? open(memo.title ?? file, line);
      const lines = listItemLines(token, line);
      token.items.forEach((item, i) => target.bullets.push(parseBullet(file, item, lines[i] ?? line, errors)));
    } else if (token.type === 'code' && token.codeBlockStyle === 'indented' && BULLET_LINE.test(token.text)) {
      // A bullet indented with a tab (or 4 spaces) at the top level is an indented code block
      // in Markdown, which a memo ignores: the writer meant a bullet.
      errors.push(deckError(file, line, 'this bullet is indented with a tab or 4 spaces, which makes it a code block, not a bullet: start it at the line\'s beginning (indent only under another bullet)'));
    }
    previous = block;
  }

  if (memo.title === undefined || memo.title === '') {
    errors.push(deckError(file, 1, 'no title: start the memo with "# Deck title"'));
  }
  memo.sections = sections.filter((s) => s.rows.length > 0 || s.bullets.length > 0);
  if (memo.sections.length === 0) {
    errors.push(deckError(file, memo.titleLine, 'no cards: add a table of commands in backticks or a bullet list'));
  }
  return memo;
}
