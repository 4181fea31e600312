// Cloze blanks `{{answer}}` in a bullet, found in one left-to-right pass. A regex with a lazy
// `[\s\S]*?` rescans the rest of the text from every `{{` that has no `}}`, which is quadratic
// (40k unclosed `{{` took 1.75 s); this scan looks at each character a bounded number of times.

export interface ClozePart {
  /** Text outside blanks, or the blank's inner text (untrimmed). */
  text: string;
  blank: boolean;
}

/**
 * Splits a bullet into text and blanks. A `{{` with no `}}` after it stays text (the caller
 * reports it as unbalanced), as does a `}}` with no `{{` before it.
 */
export function splitCloze(raw: string): ClozePart[] {
  const parts: ClozePart[] = [];
  let at = 0;
  let textStart = 0;
  while (at < raw.length) {
    const open = raw.indexOf('{{', at);
    if (open === -1) break;
    const close = raw.indexOf('}}', open + 2);
    if (close === -1) break; // no `}}` anywhere after: every later `{{` is unclosed too
    if (open > textStart) parts.push({ text: raw.slice(textStart, open), blank: false });
    parts.push({ text: raw.slice(open + 2, close), blank: true });
    at = close + 2;
    textStart = at;
  }
  if (textStart < raw.length) parts.push({ text: raw.slice(textStart), blank: false });
  return parts;
}

/** The bullet with every blank replaced: `show(index, inner)` gives each blank's text. */
export function fillCloze(raw: string, show: (index: number, inner: string) => string): string {
  let n = 0;
  return splitCloze(raw).map((p) => (p.blank ? show(n++, p.text.trim()) : p.text)).join('');
}
