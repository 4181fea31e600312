// Reads one memo file (`memo.<lang>.md`) into sections of command/option rows and bullets,
// each with its line number. Structure only: cross-file checks live in compile-deck.ts.
import type { ListItem, Nodes, Table, TableCell, TableRow } from 'mdast';
import { normaliseKey } from './card-id';
import { deckError, type DeckError } from './errors';
import { nodeText, parseMarkdown, startLine } from './markdown-text';

export interface MemoRow {
  /** The command or option, whitespace-normalised, without backticks. */
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

const CLOZE = /\{\{([\s\S]*?)\}\}/g;

/** A key that looks like an option (`-d`, `--rm`) makes option cards. */
export function isOptionKey(key: string): boolean {
  return key.startsWith('-');
}

function cellCode(cell: TableCell): string | undefined {
  const meaningful = cell.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = meaningful[0];
  return meaningful.length === 1 && only?.type === 'inlineCode' ? only.value : undefined;
}

function startsWithCode(row: TableRow): boolean {
  const first = row.children[0];
  if (!first) return false;
  const lead = first.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  return lead?.type === 'inlineCode';
}

function parseBullet(file: string, item: ListItem, errors: DeckError[]): MemoBullet {
  const line = startLine(item);
  const raw = nodeText(item);
  const clozes: string[] = [];
  for (const m of raw.matchAll(CLOZE)) {
    const answer = (m[1] ?? '').trim();
    if (answer === '') errors.push(deckError(file, line, 'empty cloze marker `{{}}`: put the answer between the braces'));
    clozes.push(answer);
  }
  const text = raw.replace(CLOZE, (_m, inner: string) => inner.trim());
  if (/\{\{|\}\}/.test(text)) {
    errors.push(deckError(file, line, 'unbalanced cloze marker: write a blank as {{answer}}'));
  }
  if (text === '') errors.push(deckError(file, line, 'empty bullet'));
  return { text, raw, clozes, line };
}

function parseTable(file: string, table: Table, section: MemoSection, errors: DeckError[]): void {
  const [header, ...body] = table.children;
  if (!header || !body.some(startsWithCode)) return; // not a card table: plain prose table
  const width = header.children.length;
  if (width < 2 || width > 3) {
    errors.push(deckError(file, startLine(table),
      `a command table has 2 or 3 columns (command, description, optional note); this one has ${width}`));
    return;
  }
  for (const row of body) {
    const line = startLine(row);
    if (row.children.length !== width) {
      errors.push(deckError(file, line,
        `this row has ${row.children.length} cell(s) but the table header has ${width}: check for a missing or extra "|"`));
      continue;
    }
    const [keyCell, descCell, noteCell] = row.children as [TableCell, TableCell, TableCell | undefined];
    const code = cellCode(keyCell);
    if (code === undefined) {
      errors.push(deckError(file, line, 'the first cell must hold only a command or option in backticks, e.g. `docker ps`'));
      continue;
    }
    const key = normaliseKey(code);
    if (key === '') {
      errors.push(deckError(file, line, 'empty command: the backticks in the first cell hold nothing'));
      continue;
    }
    const description = nodeText(descCell);
    if (description === '') {
      errors.push(deckError(file, line, `empty description for \`${key}\`: say what it does in the second cell`));
      continue;
    }
    section.rows.push({ key, isOption: isOptionKey(key), description, note: noteCell ? nodeText(noteCell) : '', line });
  }
}

/**
 * Parses a memo. Errors go to `errors`; the result holds what could be read.
 * Sections with neither rows nor bullets are dropped (a heading that only groups sub-sections).
 */
export function parseMemo(file: string, text: string, errors: DeckError[]): ParsedMemo {
  const memo: ParsedMemo = { file, titleLine: 1, sections: [] };
  if (text.trim() === '') {
    errors.push(deckError(file, 1, 'empty file: a memo needs a "# Title" and at least one table or bullet list'));
    return memo;
  }
  const root = parseMarkdown(text);
  let heading: MemoSection | undefined;
  let previous: Nodes | undefined;
  const sections: MemoSection[] = [];
  const open = (title: string, line: number): MemoSection => {
    const s: MemoSection = { title, line, rows: [], bullets: [] };
    sections.push(s);
    return s;
  };

  for (const node of root.children) {
    if (node.type === 'heading' && node.depth === 1) {
      if (memo.title === undefined) {
        memo.title = nodeText(node);
        memo.titleLine = startLine(node);
      } else {
        errors.push(deckError(file, startLine(node), 'a second "# " title: a memo has one H1 (use ## for sections)'));
      }
    } else if (node.type === 'heading') {
      heading = open(nodeText(node), startLine(node));
    } else if (node.type === 'table') {
      // A one-line paragraph right above a table names a sub-section ("システム関連").
      const labelled = previous?.type === 'paragraph' && startLine(previous) === previous.position?.end.line;
      let target = heading ?? open(memo.title ?? file, startLine(node));
      if (labelled && previous) {
        const label = nodeText(previous).replace(/\n/g, ' ');
        target = open(heading ? `${heading.title} / ${label}` : label, startLine(previous));
      }
      parseTable(file, node, target, errors);
    } else if (node.type === 'list') {
      const target = heading ?? open(memo.title ?? file, startLine(node));
      for (const item of node.children) target.bullets.push(parseBullet(file, item, errors));
    }
    previous = node;
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
