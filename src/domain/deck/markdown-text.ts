// Markdown -> marked tokens with their source lines, and tokens -> the plain text cards carry.
// Cards are plain text (inline code kept in backticks); `<br>` becomes a line break and every
// other HTML tag stays literal text, so nothing in a memo can ever reach the page as markup.
import { Lexer, Tokenizer, type MarkedToken, type Token, type Tokens } from 'marked';

/**
 * Of GFM, memos need only tables. Strikethrough and bare-URL autolinks are turned off so that
 * `~~x~~` and `www.…` stay literal text: a card is plain text, and a struck-out word without its
 * tildes would read as current. Task-list boxes stay as text too (see `checkbox` in render()).
 */
class MemoTokenizer extends Tokenizer {
  override del(): undefined {
    return undefined;
  }

  override url(): undefined {
    return undefined;
  }
}

/** A top-level block of a Markdown file and the 1-based line its source starts on. */
export interface MarkdownBlock {
  token: MarkedToken;
  line: number;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The top-level blocks of a Markdown text (blank-line `space` tokens left out), each with its
 * start line. marked's top-level tokens carry their source as `raw`, back to back, so a block's
 * line is 1 + the newlines of every `raw` before it.
 */
export function parseMarkdown(text: string): MarkdownBlock[] {
  const tokens = new Lexer({ gfm: true, breaks: false, pedantic: false, tokenizer: new MemoTokenizer() }).lex(text);
  const blocks: MarkdownBlock[] = [];
  let line = 1;
  for (const token of tokens as MarkedToken[]) {
    if (token.type !== 'space') blocks.push({ token, line });
    line += countNewlines(token.raw);
  }
  return blocks;
}

/** True when a block's source is a single line (trailing newlines aside). */
export function isOneLine(token: Token): boolean {
  return !token.raw.trimEnd().includes('\n');
}

/** The start line of each item of a list that starts at `line`, from the items' `raw`. */
export function listItemLines(list: Tokens.List, line: number): number[] {
  const lines: number[] = [];
  let offset = 0;
  let at = line;
  for (const item of list.items) {
    const found = list.raw.indexOf(item.raw, offset);
    const start = found === -1 ? offset : found;
    at += countNewlines(list.raw.slice(offset, start));
    lines.push(at);
    at += countNewlines(item.raw);
    offset = start + item.raw.length;
  }
  return lines;
}

/** A table's body rows with their start line and source text, for a table starting at `line`. */
export function tableRowSources(table: Tokens.Table, line: number): { line: number; raw: string }[] {
  // marked's table `raw` is the header line, the delimiter line, then one line per body row.
  const lines = table.raw.split('\n');
  return table.rows.map((_row, k) => ({ line: line + 2 + k, raw: lines[k + 2] ?? '' }));
}

/**
 * How many cells a table row's source line has, split the way GFM (and marked) split it: on
 * every `|` not escaped by a backslash, one outer pipe on each side optional. marked pads or
 * cuts every row to the header's width, so the row's own count has to come from its source.
 */
export function tableRowWidth(raw: string): number {
  // Counted without building the cells: a 50k-row table calls this once per row.
  let pipes = 0;
  let backslashes = 0;
  let firstBlank = true; // is everything before the first pipe blank?
  let lastBlank = true; // is everything after the latest pipe blank?
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 124 /* | */ && backslashes % 2 === 0) {
      pipes++;
      lastBlank = true;
    } else if (!(ch < 128 ? ch === 32 || (ch >= 9 && ch <= 13) : /\s/.test(raw[i] ?? ''))) {
      if (pipes === 0) firstBlank = false;
      lastBlank = false;
    }
    backslashes = ch === 92 /* \\ */ ? backslashes + 1 : 0;
  }
  let cells = pipes + 1;
  if (firstBlank) cells--;
  if (cells > 0 && lastBlank && pipes > 0) cells--;
  return cells;
}

const BR = /^<br\s*\/?>$/i;

/**
 * HTML character references (`&amp;`, `&#65;`, `&#x41;`): marked leaves them for the browser,
 * but card text is plain text, so they are decoded here. Named references cover the common
 * ones; any other name stays as written.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ',
  middot: '·', bull: '•', hellip: '…', ndash: '–', mdash: '—', minus: '−',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', hArr: '⇔',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', sect: '§', para: '¶', dagger: '†',
  euro: '€', yen: '¥', pound: '£', cent: '¢', check: '✓', cross: '✗', star: '☆',
  lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', lcub: '{', rcub: '}',
  vert: '|', verbar: '|', ast: '*', grave: '`', tilde: '~', Hat: '^', num: '#', dollar: '$',
  percnt: '%', excl: '!', quest: '?', colon: ':', semi: ';', comma: ',', period: '.',
  sol: '/', bsol: '\\', lowbar: '_', equals: '=', plus: '+', commat: '@', tab: '\t',
};
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

export function codeSpan(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function renderAll(tokens: readonly Token[] | undefined, out: string[]): void {
  if (tokens) for (const token of tokens) render(token, out);
}

function render(token: Token, out: string[]): void {
  const t = token as MarkedToken;
  switch (t.type) {
    case 'text':
      // A block-level text (a tight list item's line) holds inline tokens; an inline text is
      // its source, whose `text` marked has half HTML-escaped, so `raw` is decoded instead.
      if (t.tokens) {
        renderAll(t.tokens, out);
        out.push('\n');
      } else {
        out.push(decodeReferences(t.raw));
      }
      return;
    case 'escape':
      out.push(t.text);
      return;
    case 'codespan':
      out.push(codeSpan(t.text));
      return;
    case 'html':
      out.push(BR.test(t.text.trim()) ? '\n' : t.text);
      return;
    case 'br':
      out.push('\n');
      return;
    case 'checkbox':
      // Task lists are GFM, not part of the memo format: keep `[ ]` / `[x]` as written.
      out.push(t.raw);
      return;
    case 'image':
      renderAll(t.tokens, out);
      return;
    case 'code':
      out.push('\n', t.text, '\n');
      return;
    case 'def':
    case 'hr':
    case 'space':
      return;
    case 'list':
      for (const item of t.items) {
        out.push('\n- ');
        render(item, out);
      }
      out.push('\n');
      return;
    case 'paragraph':
    case 'heading':
      renderAll(t.tokens, out);
      out.push('\n');
      return;
    case 'table':
      for (const cell of [...t.header, ...t.rows.flat()]) {
        renderAll(cell.tokens, out);
        out.push('\n');
      }
      return;
    default: {
      const other = token as Tokens.Generic;
      if (other.tokens) renderAll(other.tokens, out);
      else if (typeof other['text'] === 'string') out.push(other['text'] as string);
    }
  }
}

/** Tidy rendered text: trim every line, drop blank lines, trim the whole. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The plain text of a token (and its descendants), tidied. */
export function tokenText(token: Token): string {
  const out: string[] = [];
  render(token, out);
  return tidyText(out.join(''));
}

/** The plain text of inline tokens (a table cell's), tidied. */
export function inlineText(tokens: readonly Token[]): string {
  const out: string[] = [];
  renderAll(tokens, out);
  return tidyText(out.join(''));
}

/** The plain text of several sibling tokens, one block per line. */
export function tokensText(tokens: readonly Token[]): string {
  const out: string[] = [];
  for (const token of tokens) {
    render(token, out);
    out.push('\n');
  }
  return tidyText(out.join(''));
}
