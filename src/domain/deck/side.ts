// One language of a deck: its parsed memo and notes, with each section's rows indexed by key
// (looking a row up by key once per row of the other language was quadratic: 50k rows, 11.6 s).
import type { MemoRow, ParsedMemo } from './parse-memo.ts';
import type { ParsedNotes } from './parse-notes.ts';
import type { Lang } from './types.ts';

export interface Side {
  lang: Lang;
  memo: ParsedMemo;
  notes?: ParsedNotes;
  /** Per section (by position): its rows by key (the first, when a key repeats). */
  rows: Map<string, MemoRow>[];
  /** Every row key of the memo. */
  keys: Set<string>;
}

export function makeSide(lang: Lang, memo: ParsedMemo, notes?: ParsedNotes): Side {
  const rows = memo.sections.map((s) => {
    const byKey = new Map<string, MemoRow>();
    for (const r of s.rows) if (!byKey.has(r.key)) byKey.set(r.key, r);
    return byKey;
  });
  const keys = new Set<string>();
  for (const byKey of rows) for (const k of byKey.keys()) keys.add(k);
  return notes ? { lang, memo, notes, rows, keys } : { lang, memo, rows, keys };
}
