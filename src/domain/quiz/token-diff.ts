// The typed-answer diff by word and option, read the way the checker reads a command line
// (./command-line.ts): case does not matter in command words, a leading `sudo` before a command
// is neither right nor wrong, and options match in any order or grouping (`-ti` = `-it` = `-i -t`,
// `--detach` = `-d` where the deck pairs them). A character diff struck "sudo do" in
// `sudo docker exec -it` and called "do" missing; this marks whole words.
import type { LongOptions } from './command-line';
import { diffChars, editDistance, lcsTable, type DiffSegment } from './diff';

type Kind = DiffSegment['kind'];

interface Op {
  kind: Kind;
  /** The token as written: typed for `extra`, expected for `same` and `missing`. */
  text: string;
  /** Option letters (or unpaired long names) the token stands for; null for a command word. */
  options: string[] | null;
}

const isOption = (token: string) => token.startsWith('-') && token.length > 1;

function optionsOf(token: string, longs: LongOptions): string[] {
  if (token.startsWith('--')) return [longs.get(token) ?? token];
  return [...token.slice(1)];
}

function keyOf(token: string, longs: LongOptions): string {
  if (!isOption(token)) return token.normalize('NFKC').toLowerCase();
  return `-${[...new Set(optionsOf(token, longs))].sort().join('\u0000')}`;
}

/** A leading `sudo` before a command word: the checker drops it. */
function leadingSudo(tokens: readonly string[]): boolean {
  return tokens.length > 1 && tokens[0]?.toLowerCase() === 'sudo' && !isOption(tokens[1] ?? '');
}

function lcsOps(typed: readonly string[], expected: readonly string[], longs: LongOptions): Op[] {
  const a = typed.map((t) => keyOf(t, longs));
  const b = expected.map((t) => keyOf(t, longs));
  const n = a.length;
  const m = b.length;
  const lcs = lcsTable(a, b);
  const ops: Op[] = [];
  const op = (kind: Kind, text: string): Op => ({ kind, text, options: isOption(text) ? optionsOf(text, longs) : null });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push(op('same', expected[j] as string));
      i++;
      j++;
    } else if (i < n && (j >= m || lcs(i + 1, j) >= lcs(i, j + 1))) {
      ops.push(op('extra', typed[i] as string));
      i++;
    } else {
      ops.push(op('missing', expected[j] as string));
      j++;
    }
  }
  return ops;
}

/**
 * Options typed in another order or grouping are not differences: when the options left over on
 * both sides are the same letters (`-t -i` against `-it`), they count as the expected ones. When
 * they are not, the leftovers stay marked as they are (a letter more or less is a real difference).
 */
function matchOptions(ops: Op[]): Op[] {
  const letters = (kind: Kind) => [...new Set(ops.filter((o) => o.kind === kind && o.options).flatMap((o) => o.options as string[]))].sort().join('\u0000');
  const extra = letters('extra');
  if (extra === '' || extra !== letters('missing')) return ops;
  return ops.flatMap((o): Op[] => {
    if (o.options && o.kind === 'extra') return [];
    if (o.options && o.kind === 'missing') return [{ ...o, kind: 'same' }];
    return [o];
  });
}

/**
 * Word-by-word diff of a typed command line against the expected one. Segments as diffChars
 * gives them (same / missing / extra, adjacent kinds merged); the spaces between words are
 * `same`, so each line reads with its words apart.
 */
export function diffTokens(typed: string, expected: string, longs: LongOptions = new Map()): DiffSegment[] {
  const t = typed.split(/\s+/).filter(Boolean);
  const e = expected.split(/\s+/).filter(Boolean);
  const prefix: Op[] = [];
  const typedSudo = leadingSudo(t);
  const expectedSudo = leadingSudo(e);
  if (typedSudo !== expectedSudo) {
    // One side has the optional `sudo`: shown, not marked.
    prefix.push({ kind: 'same', text: (typedSudo ? t : e).shift() as string, options: null });
  }
  const ops = [...prefix, ...matchOptions(lcsOps(t, e, longs))];
  // Each token becomes its segments; a mistyped word (typed beside the word it misses, a few
  // letters apart: `prun` for `prune`) is marked by letter inside the word.
  const pieces: DiffSegment[][] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k] as Op;
    const next = ops[k + 1];
    if (o.kind === 'extra' && next?.kind === 'missing' && !o.options && !next.options && isTypo(o.text, next.text)) {
      pieces.push(diffChars(o.text, next.text));
      k++;
    } else pieces.push([{ kind: o.kind, text: o.text }]);
  }
  const segments: DiffSegment[] = [];
  const push = (kind: Kind, text: string) => {
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  pieces.forEach((piece, k) => {
    if (k > 0) push('same', ' ');
    for (const segment of piece) push(segment.kind, segment.text);
  });
  return segments;
}

/** A few letters off the expected word: at most one edit in three letters (at least one). */
function isTypo(typed: string, expected: string): boolean {
  return editDistance(typed.toLowerCase(), expected.toLowerCase()) <= Math.max(1, Math.floor([...expected].length / 3));
}
