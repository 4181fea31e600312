// How alike two texts are, for matching an edited bullet to its earlier version: the Sørensen-Dice
// coefficient over character bigrams (1 = same text, 0 = no pair of characters in common).
// Character pairs rather than words, because Japanese is written without spaces.

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The bigrams of a text with their counts. */
export function bigrams(text: string): Map<string, number> {
  const chars = [...normalize(text)];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0] ?? '', 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

function size(m: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

export function diceOf(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const total = size(a) + size(b);
  if (total === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [pair, n] of small) shared += Math.min(n, large.get(pair) ?? 0);
  return (2 * shared) / total;
}

export function similarity(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}
