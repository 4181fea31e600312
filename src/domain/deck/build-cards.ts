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
import type { Card, CardKind, Lang, Localized, Section } from './types.ts';

/** Words the compiler itself adds to default fact cards. */
const PROMPTS: Record<Lang, { complete: (section: string, head: string) => string; blank: string }> = {
  ja: { complete: (s, h) => `「${s}」: メモのこの一文を完成させてください。\n${h}…`, blank: '［　？　］' },
  en: { complete: (s, h) => `${s}: complete this line of the memo.\n${h}…`, blank: '[ ? ]' },
};

/** The first part of a bullet (about 40%, cut at a word boundary where there are spaces). */
export function headOf(text: string): string {
  const first = text.split('\n')[0] ?? '';
  const chars = [...first];
  let cut = Math.max(1, Math.floor(chars.length * 0.4));
  const head = chars.slice(0, cut).join('');
  if (/\s/.test(first)) {
    const space = head.lastIndexOf(' ');
    if (space > 0) return head.slice(0, space);
    cut = first.indexOf(' ');
    return cut > 0 ? first.slice(0, cut) : head;
  }
  return head;
}

/** The content key of a bullet: its primary-language text (blanks included), normalized. */
export function factContentKey(raw: string): string {
  return `c:${cyrb53Hex(normalizeKey(raw))}`;
}

/** What kind of fact card a key names: the default card, the k-th blank, the k-th unnamed question, or a named question. */
export type FactVariant = { type: 'default' } | { type: 'blank'; k: number } | { type: 'question'; k: number } | { type: 'named'; id: string };

/** Reads the variant from a fact key, in the current (`c:…`) or the old positional (`s.n`) form. */
export function factVariant(key: string): FactVariant {
  if (key.startsWith('q:')) return { type: 'named', id: key };
  const blank = /\{(\d+)\}$/.exec(key);
  if (blank) return { type: 'blank', k: Number(blank[1]) };
  const question = /\?(\d+)$/.exec(key);
  if (question) return { type: 'question', k: Number(question[1]) };
  return { type: 'default' };
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
    sections.push({ id: sectionId, title: per((side) => side.memo.sections[si]?.title), order: si });
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
          const title = side.memo.sections[si]?.title;
          return b && title !== undefined ? PROMPTS[side.lang].complete(title, headOf(b.text)) : undefined;
        });
        push('fact', contentKey, { front, back: text, ...extra });
      }
    });
  });
  return { cards, sections };
}
