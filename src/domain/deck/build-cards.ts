// Builds a deck's cards in memo order from the parsed, checked sides and their notes.
// Fact cards are keyed by their bullet's content (`c:<hash of the primary text>`), not by its
// position, so inserting or deleting a bullet above one leaves its id (and history) alone.
import { cardId, normalizeKey } from './card-id.ts';
import { fillCloze } from './cloze.ts';
import { bulletSlot, type CollectedNotes } from './collect-notes.ts';
import { cyrb53Hex } from './hash.ts';
import { codeSpan } from './markdown-text.ts';
import type { MemoBullet, MemoRow } from './parse-memo.ts';
import type { Side } from './side.ts';
import { PROMPTS } from './prompts.ts';
import type { Card, CardKind, Lang, Localized, Section } from './types.ts';

/** A cue shorter than this (visible characters) gives the learner one word to go on. */
const MIN_CUE = 8;

/** Code spans of a Markdown line as [start, end) character ranges (a run of n backticks to the next run of n). */
function codeSpans(chars: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  const runAt = (k: number) => {
    let n = 0;
    while (chars[k + n] === '`') n++;
    return n;
  };
  while (i < chars.length) {
    const n = chars[i] === '`' ? runAt(i) : 0;
    if (n === 0) {
      i++;
      continue;
    }
    let close = -1;
    for (let k = i + n; k < chars.length; ) {
      const m = chars[k] === '`' ? runAt(k) : 0;
      if (m === n) {
        close = k + m;
        break;
      }
      k += Math.max(1, m);
    }
    if (close < 0) {
      i += n;
      continue;
    }
    spans.push([i, close]);
    i = close;
  }
  return spans;
}

/**
 * The first part of a bullet, the cue of its default card: about 40% of its first line, cut
 * where a word, a code span or a Japanese clause ends (never inside a code span: a cut there
 * showed a raw backtick and one word, 「`git…」), and at least a few words long.
 */
export function headOf(text: string): string {
  const first = text.split('\n')[0] ?? '';
  const chars = [...first];
  const spans = codeSpans(chars);
  const inSpan = (k: number) => spans.some(([a, b]) => k > a && k < b);
  const visible = (k: number) => chars.slice(0, k).filter((c) => c !== '`').join('').trim().length;
  // Where a cut may fall: before a space, after a code span, after 、。，, never inside a span.
  const cuts = new Set<number>();
  chars.forEach((c, k) => {
    if (c === ' ' && k > 0 && !inSpan(k)) cuts.add(k);
    if ('、。，,'.includes(c) && k + 1 < chars.length && !inSpan(k + 1)) cuts.add(k + 1);
  });
  for (const [, end] of spans) if (end < chars.length) cuts.add(end);
  const target = Math.max(1, Math.floor(chars.length * 0.4));
  const sorted = [...cuts].sort((a, b) => a - b);
  const before = sorted.filter((k) => k <= target && visible(k) >= MIN_CUE).at(-1);
  const cut = before ?? sorted.find((k) => k > target) ?? sorted.at(-1);
  if (cut !== undefined) return chars.slice(0, cut).join('').trimEnd();
  // No place to cut (one word, or one code span): cut by characters, closing a span cut through.
  const span = spans.find(([a, b]) => target > a && target < b);
  if (!span) return chars.slice(0, target).join('');
  const fence = chars.slice(span[0]).join('').match(/^`+/)?.[0] ?? '`';
  const inner = chars.slice(span[0] + fence.length, Math.max(target, span[0] + fence.length + 1)).join('');
  return `${chars.slice(0, span[0]).join('')}${fence}${inner.replace(/`+$/, '')}${fence}`;
}

/** The content key of a bullet: its primary-language text (blanks included), normalized. */
export function factContentKey(raw: string): string {
  return `c:${cyrb53Hex(normalizeKey(raw))}`;
}

export interface BuiltCards {
  cards: Card[];
  sections: Section[];
}

export function buildCards(deckId: string, sides: readonly Side[], sectionIds: readonly string[], notes: CollectedNotes): BuiltCards {
  const primary = sides[0];
  const cards: Card[] = [];
  const sections: Section[] = [];
  if (!primary) return { cards, sections };
  const per = <T>(f: (side: Side) => T | undefined): Partial<Record<Lang, T>> => {
    const out: Partial<Record<Lang, T>> = {};
    for (const side of sides) {
      const v = f(side);
      if (v !== undefined) out[side.lang] = v;
    }
    return out;
  };
  const sourceOf = (line: number): string => `${primary.memo.file}:${line}`;
  // Questions by bullet, so each bullet finds its own in one lookup.
  const questionsOf = new Map<string, CollectedNotes['questions'] extends Map<string, infer Q> ? Q[] : never>();
  for (const q of notes.questions.values()) {
    const slot = bulletSlot(q.ref);
    const list = questionsOf.get(slot) ?? [];
    list.push(q);
    questionsOf.set(slot, list);
  }
  const contentSeen = new Map<string, number>();
  const built = new Set<string>(); // a repeated row is reported once (checkRepeats), built once

  primary.memo.sections.forEach((section, si) => {
    const sectionId = sectionIds[si] ?? `s${si + 1}`;
    // A `## Titles` entry replaces a heading that was a note to self (`## memo`) wherever it shows.
    const title = per((side) => notes.titles.get(si)?.[side.lang] ?? side.memo.sections[si]?.title);
    sections.push({ id: sectionId, title, order: si });
    const push = (kind: CardKind, key: string, fields: Omit<Card, 'id' | 'deckId' | 'kind' | 'key' | 'sectionId' | 'order'>): void => {
      cards.push({ id: cardId(deckId, kind, key), deckId, kind, key, sectionId, order: cards.length, ...fields });
    };

    for (const row of section.rows) {
      if (built.has(row.key)) continue;
      built.add(row.key);
      const rowOf = (side: Side): MemoRow | undefined => side.rows[si]?.get(row.key);
      // A `## Meanings` entry replaces the memo's description; the memo's words stay in `memo`.
      const meaning = notes.meanings.get(`row:${row.key}`);
      const description = per((side) => meaning?.[side.lang] ?? rowOf(side)?.description);
      const memo = per((side) => (meaning?.[side.lang] !== undefined ? rowOf(side)?.description : undefined));
      const note = per((side) => rowOf(side)?.note || undefined);
      const correction = notes.corrections.get(`row:${row.key}`)?.text;
      const confusable = notes.confusable.get(row.key);
      const alsoRight = notes.alsoRight.get(row.key);
      const flagged = [...notes.flagged.values()].filter((f) => f.row === row.key).map((f) => ({ answer: f.answer, spellings: f.spellings, meaning: f.meaning }));
      const common = {
        description,
        answers: [row.key, ...(notes.aliases.get(row.key) ?? [])],
        source: sourceOf(row.line),
        ...(Object.keys(note).length > 0 ? { note } : {}),
        ...(correction ? { correction } : {}),
        ...(confusable ? { confusableWith: confusable } : {}),
        ...(Object.keys(memo).length > 0 ? { memo } : {}),
        ...(alsoRight ? { alsoRight } : {}),
        ...(flagged.length > 0 ? { flagged } : {}),
      };
      const codeText = per(() => codeSpan(row.key));
      const [forward, backward]: [CardKind, CardKind] = row.isOption ? ['option-meaning', 'meaning-option'] : ['command-meaning', 'meaning-command'];
      push(forward, row.key, { front: codeText, back: description, ...common });
      push(backward, row.key, { front: description, back: codeText, ...common });
    }

    section.bullets.forEach((bullet, bi) => {
      const bulletOf = (side: Side): MemoBullet | undefined => side.memo.sections[si]?.bullets[bi];
      let contentKey = factContentKey(bullet.raw);
      const seen = (contentSeen.get(contentKey) ?? 0) + 1;
      contentSeen.set(contentKey, seen);
      if (seen > 1) contentKey = `${contentKey}~${seen}`; // the same line twice in a deck
      const meaning = notes.meanings.get(bulletSlot({ section: si, bullet: bi }));
      const text: Localized = per((side) => meaning?.[side.lang] ?? bulletOf(side)?.text);
      const memo = per((side) => (meaning?.[side.lang] !== undefined ? bulletOf(side)?.text : undefined));
      const correction = notes.corrections.get(bulletSlot({ section: si, bullet: bi }))?.text;
      const extra = { source: sourceOf(bullet.line), ...(correction ? { correction } : {}), ...(Object.keys(memo).length > 0 ? { memo } : {}) };
      let made = 0;
      bullet.clozes.forEach((_answer, ci) => {
        const front = per((side) => {
          const b = bulletOf(side);
          return b ? fillCloze(b.raw, (n, inner) => (n === ci ? PROMPTS[side.lang].blank : inner)) : undefined;
        });
        push('fact', `${contentKey}{${ci + 1}}`, { front, back: per((side) => bulletOf(side)?.clozes[ci]), note: text, ...extra });
        made++;
      });
      for (const q of questionsOf.get(bulletSlot({ section: si, bullet: bi })) ?? []) {
        const front = per((side) => q.text[side.lang]?.q);
        const back = per((side) => q.text[side.lang]?.a ?? text[side.lang]);
        const alsoRight = q.named ? notes.alsoRight.get(q.named) : undefined;
        const notAlsoRight = q.named ? notes.notAlsoRight.get(q.named) : undefined;
        push('fact', q.named ?? `${contentKey}?${q.k ?? 1}`, {
          front,
          back,
          note: text,
          ...extra,
          ...(alsoRight ? { alsoRight } : {}),
          ...(notAlsoRight ? { notAlsoRight } : {}),
        });
        made++;
      }
      if (made === 0) {
        const front = per((side) => {
          const b = bulletOf(side);
          const heading = title[side.lang];
          return b && heading !== undefined ? PROMPTS[side.lang].complete(heading, headOf(b.text)) : undefined;
        });
        push('fact', contentKey, { front, back: text, ...extra });
      }
    });
  });
  return { cards, sections };
}
