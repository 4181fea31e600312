// Character-level diff between what the learner typed and the expected answer, for the
// "expected beside typed, difference marked" feedback. Strings are short (a command), so a
// plain O(n*m) LCS table (lcsTable, shared with the word diff) is fast enough and gives the
// minimal diff.

/**
 * - same: in both (text as written in the expected answer);
 * - missing: in the expected answer, not typed;
 * - extra: typed, not in the expected answer.
 */
export type DiffKind = 'same' | 'missing' | 'extra';

export interface DiffSegment {
  text: string;
  kind: DiffKind;
}

/** A run of the raw diff: the typed and the expected text it covers. */
interface Run {
  kind: DiffKind;
  typed: string;
  expected: string;
}

/**
 * Case-insensitive character diff; adjacent characters of one kind form one segment. Within a
 * changed stretch, `extra` comes before `missing`. A short accidental match inside a changed word
 * (`rm` vs `prune` share an `r`) is folded into the change, so the learner sees "rm" typed where
 * "prune" was expected rather than letter soup.
 */
export function diffChars(typed: string, expected: string): DiffSegment[] {
  return toSegments(foldShortMatches(rawDiff(typed, expected)));
}

/**
 * The longest-common-subsequence table of two short sequences compared with ===: `lcs(i, j)` is
 * the length of the longest common subsequence of a[i:] and b[j:] (0 past either end). The
 * character diff and the word diff (./token-diff.ts) both walk it from (0, 0), each breaking ties
 * its own way.
 */
export function lcsTable<T>(a: readonly T[], b: readonly T[]): (i: number, j: number) => number {
  const width = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  return (i, j) => lcs[i * width + j] ?? 0;
}

function rawDiff(typed: string, expected: string): Run[] {
  const a = [...typed];
  const b = [...expected];
  const la = a.map((c) => c.toLowerCase());
  const lb = b.map((c) => c.toLowerCase());
  const n = a.length;
  const m = b.length;
  const lcs = lcsTable(la, lb);
  const runs: Run[] = [];
  const push = (kind: DiffKind, t: string, e: string): void => {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) {
      last.typed += t;
      last.expected += e;
    } else runs.push({ kind, typed: t, expected: e });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && la[i] === lb[j]) {
      push('same', a[i] as string, b[j] as string);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs(i, j + 1) >= lcs(i + 1, j))) {
      push('missing', '', b[j] as string);
      j++;
    } else {
      push('extra', a[i] as string, '');
      i++;
    }
  }
  return runs;
}

/** Longest side (typed or expected) of the changes between two `same` runs. */
function changeSize(runs: readonly Run[], from: number, step: 1 | -1): number {
  let typed = 0;
  let expected = 0;
  for (let k = from; k >= 0 && k < runs.length && runs[k]?.kind !== 'same'; k += step) {
    typed += [...(runs[k]?.typed ?? '')].length;
    expected += [...(runs[k]?.expected ?? '')].length;
  }
  return Math.max(typed, expected);
}

/** Turn a `same` run no longer than the changes on both sides of it into a change. */
function foldShortMatches(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  for (let i = 1; i < out.length - 1; i++) {
    const run = out[i] as Run;
    if (run.kind !== 'same') continue;
    const size = [...run.expected].length;
    if (size <= changeSize(out, i - 1, -1) && size <= changeSize(out, i + 1, 1)) {
      out.splice(i, 1, { kind: 'extra', typed: run.typed, expected: '' }, { kind: 'missing', typed: '', expected: run.expected });
      i = 0; // earlier matches may now be short relative to the larger change
    }
  }
  return out;
}

/** Each changed stretch as one `extra` then one `missing` segment. */
function toSegments(runs: readonly Run[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  let extra = '';
  let missing = '';
  const flush = (): void => {
    if (extra) segments.push({ kind: 'extra', text: extra });
    if (missing) segments.push({ kind: 'missing', text: missing });
    extra = '';
    missing = '';
  };
  for (const run of runs) {
    if (run.kind === 'same') {
      flush();
      segments.push({ kind: 'same', text: run.expected });
    } else {
      extra += run.typed;
      missing += run.expected;
    }
  }
  flush();
  return segments;
}

/** Levenshtein distance (for picking the closest accepted answer). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, k) => k);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}
