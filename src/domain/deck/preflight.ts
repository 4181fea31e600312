// Checks on a Markdown source before marked reads it: a byte-order mark is dropped (editors on
// Windows add one; it hid the `# Title`), nesting deeper than MAX_NESTING is refused (marked
// recurses per level: 200 nested list levels took 0.5 s and deeper ones overflow the stack),
// and table lines written with full-width pipes `｜` are reported instead of silently dropped.
import { deckError, type DeckError } from './errors.ts';

/** Quotes and lists nested deeper than this stop the file (no real memo comes near it). */
export const MAX_NESTING = 20;

const BOM = '\ufeff';
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER = /^(>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/** How deeply a line is nested: its `>` and list markers, plus one level per two columns of indent. */
export function nestingDepth(line: string): number {
  let at = 0;
  let width = 0;
  let markers = 0;
  let indent = 0;
  for (;;) {
    const start = at;
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) {
      width += line[at] === '\t' ? 4 - (width % 4) : 1;
      at++;
    }
    if (markers === 0) indent = width;
    const m = CONTAINER.exec(line.slice(at, at + 12));
    if (!m) break;
    markers++;
    at += m[0].length;
    width += m[0].length;
    if (at === start) break;
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

export interface Preflight {
  /** The text to parse (byte-order mark removed). */
  text: string;
  /** False when the file must not be handed to marked at all. */
  parse: boolean;
}

/**
 * Runs the checks; errors go to `errors`. `tables` turns on the full-width pipe check (memos;
 * notes have no tables).
 */
export function preflight(file: string, source: string, errors: DeckError[], tables: boolean): Preflight {
  const text = source.startsWith(BOM) ? source.slice(1) : source;
  let parse = true;
  let fence: string | undefined;
  let pipeRun = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && f[1]?.[0] === fence[0] && (f[1]?.length ?? 0) >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const depth = nestingDepth(line);
    if (depth > MAX_NESTING) {
      errors.push(deckError(file, i + 1, `nesting ${depth} levels deep (quotes ">" or lists): a memo may nest at most ${MAX_NESTING}; flatten this part`));
      parse = false;
      break;
    }
    // A run of lines starting with `｜` is a table typed with a Japanese input method: report
    // its first line once rather than every row.
    const fullWidth = tables && /^\s*｜.*｜/.test(line);
    if (fullWidth && !pipeRun) {
      errors.push(deckError(file, i + 1, 'this table uses full-width "｜": write the table\'s pipes as ASCII "|" (only "|" separates cells)'));
    }
    pipeRun = fullWidth;
  }
  return { text, parse };
}
