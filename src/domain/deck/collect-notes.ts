// The notes of every language resolved against the memos: corrections per row or bullet,
// questions per bullet (paired across languages), aliases and confusable groups per row; for the
// quiz, meanings per row or bullet, rows (or questions) that are also right, and flagged answers.
import { normalizeKey } from './card-id.ts';
import { deckError, type DeckError } from './errors.ts';
import { describeTarget, type NoteTarget, type ParsedNotes } from './parse-notes.ts';
import type { Side } from './side.ts';
import type { Lang, Localized } from './types.ts';

/** A bullet located in the deck: section position and bullet position (the same in every language). */
export interface BulletRef {
  section: number;
  bullet: number;
}

type Where = Map<Lang, { file: string; line: number }>;

export interface CollectedQuestion {
  /** `q:<id>` for a named question, else undefined (its card key is made from the bullet's). */
  named?: string;
  /** For an unnamed question: its 1-based position among its bullet's unnamed questions. */
  k?: number;
  ref: BulletRef;
  text: Partial<Record<Lang, { q: string; a?: string }>>;
  where: Where;
}

export interface CollectedNotes {
  /** By `row:KEY` or `bullet:S.B` (0-based positions). */
  corrections: Map<string, { text: Localized; where: Where }>;
  /** By `q:<id>` or `S.B?k`, in first-seen order. */
  questions: Map<string, CollectedQuestion>;
  aliases: Map<string, string[]>;
  confusable: Map<string, string[]>;
  /** By `row:KEY` or `bullet:S.B`: how the row or bullet should read (`## Meanings`). */
  meanings: Map<string, Localized>;
  /** By row key or `q:<id>`: other keys that also fit it (`## Also right`), one way. */
  alsoRight: Map<string, string[]>;
  /** By `q:<id>`: other questions whose answers are wrong for it (`## Not also right`), one way. */
  notAlsoRight: Map<string, string[]>;
  /** Every declared pair, by `relationKey(question, other)`: which part says it, and where. */
  relations: Map<string, DeclaredRelation>;
  /** By the flagged answer (`docker container ls -a`), with the row it extends. */
  flagged: Map<string, CollectedFlagged>;
  /** By section position (0-based): the title to show instead of the memo's heading (`## Titles`). */
  titles: Map<number, Localized>;
}

export interface CollectedFlagged {
  row: string;
  answer: string;
  spellings: string[];
  meaning: Localized;
  where: Where;
}

/** A declared pair: `other`'s answer is (`also`) or is not (`not`) right for `question`'s. */
export interface DeclaredRelation {
  kind: 'also' | 'not';
  file: string;
  line: number;
}

/** The key of the one-way pair "is `other` also right for `question`?". */
export const relationKey = (question: string, other: string): string => `${question}\n${other}`;

export const bulletSlot = (ref: BulletRef): string => `bullet:${ref.section}.${ref.bullet}`;

type Resolved = { row: string } | { bullet: BulletRef } | undefined;

/** Resolve a note target against the memo of the note's own language. */
function resolve(side: Side, sectionIds: readonly string[], target: NoteTarget, line: number, errors: DeckError[]): Resolved {
  const file = side.notes?.file ?? side.memo.file;
  const where = describeTarget(target);
  if (target.kind === 'row') {
    if (side.keys.has(target.key)) return { row: target.key };
    errors.push(deckError(file, line, `unknown row ${where}: no table row of ${side.memo.file} has this command`));
    return undefined;
  }
  if (target.kind === 'bullet') {
    const idx = /^\d+$/.test(target.section) ? Number(target.section) - 1 : sectionIds.indexOf(target.section);
    const section = side.memo.sections[idx];
    if (!section) {
      errors.push(deckError(file, line, `unknown section "${target.section}" in ${where}: use a section number (1-${side.memo.sections.length}) or one of: ${sectionIds.join(', ')}`));
      return undefined;
    }
    if (target.index < 1 || target.index > section.bullets.length) {
      errors.push(deckError(file, line, `unknown bullet ${where}: section "${section.title}" has ${section.bullets.length} bullet(s)`));
      return undefined;
    }
    return { bullet: { section: idx, bullet: target.index - 1 } };
  }
  const hits: BulletRef[] = [];
  side.memo.sections.forEach((s, si) => s.bullets.forEach((b, bi) => {
    if (normalizeKey(b.text).startsWith(target.start)) hits.push({ section: si, bullet: bi });
  }));
  if (hits.length === 1 && hits[0]) return { bullet: hits[0] };
  errors.push(deckError(file, line, hits.length === 0
    ? `unknown bullet ${where}: no bullet of ${side.memo.file} starts with these words`
    : `ambiguous bullet ${where}: ${hits.length} bullets start with these words; quote more of it or use section.n`));
  return undefined;
}

export function collectNotes(sides: readonly Side[], primary: Side, sectionIds: readonly string[], errors: DeckError[]): CollectedNotes {
  const out: CollectedNotes = { corrections: new Map(), questions: new Map(), aliases: new Map(), confusable: new Map(), meanings: new Map(), alsoRight: new Map(), notAlsoRight: new Map(), relations: new Map(), flagged: new Map(), titles: new Map() };
  for (const side of sides) {
    const notes = side.notes;
    if (!notes) continue;
    for (const c of notes.corrections) {
      const r = resolve(side, sectionIds, c.target, c.line, errors);
      if (!r) continue;
      const key = 'row' in r ? `row:${r.row}` : bulletSlot(r.bullet);
      const entry: { text: Localized; where: Where } = out.corrections.get(key) ?? { text: {}, where: new Map() };
      if (entry.text[side.lang] !== undefined) {
        errors.push(deckError(notes.file, c.line, `a second correction for ${describeTarget(c.target)}: merge them into one`));
        continue;
      }
      entry.text[side.lang] = c.text;
      entry.where.set(side.lang, { file: notes.file, line: c.line });
      out.corrections.set(key, entry);
    }
    const perBullet = new Map<string, number>();
    for (const q of notes.questions) {
      const r = resolve(side, sectionIds, q.target, q.line, errors);
      if (!r) continue;
      if ('row' in r) {
        errors.push(deckError(notes.file, q.line, `questions are for bullets; ${describeTarget(q.target)} is a table row (it already makes command cards)`));
        continue;
      }
      const slot = `${r.bullet.section}.${r.bullet.bullet}`;
      let key: string;
      let fresh: CollectedQuestion;
      if (q.id !== undefined) {
        key = `q:${q.id}`;
        fresh = { named: key, ref: r.bullet, text: {}, where: new Map() };
      } else {
        const k = (perBullet.get(slot) ?? 0) + 1;
        perBullet.set(slot, k);
        key = `${slot}?${k}`;
        fresh = { k, ref: r.bullet, text: {}, where: new Map() };
      }
      const entry = out.questions.get(key) ?? fresh;
      if (entry.text[side.lang] !== undefined) {
        errors.push(deckError(notes.file, q.line, `question id "${q.id}" is used twice in this file`));
        continue;
      }
      if (entry.where.size > 0 && (entry.ref.section !== r.bullet.section || entry.ref.bullet !== r.bullet.bullet)) {
        errors.push(deckError(notes.file, q.line, `question "${key}" points at a different bullet than in the other language`));
        continue;
      }
      entry.text[side.lang] = q.answer === undefined ? { q: q.question } : { q: q.question, a: q.answer };
      entry.where.set(side.lang, { file: notes.file, line: q.line });
      out.questions.set(key, entry);
    }
    for (const title of notes.titles) {
      const index = /^\d+$/.test(title.section) ? Number(title.section) - 1 : sectionIds.indexOf(title.section);
      if (index < 0 || index >= sectionIds.length) {
        errors.push(deckError(notes.file, title.line, `unknown section "${title.section}": use a section id (${sectionIds.join(', ')}) or a number from 1 to ${sectionIds.length}`));
        continue;
      }
      const text: Localized = out.titles.get(index) ?? {};
      if (text[side.lang] !== undefined) errors.push(deckError(notes.file, title.line, `a second title for section "${title.section}": keep one`));
      text[side.lang] = title.title;
      out.titles.set(index, text);
    }
    for (const m of notes.meanings) {
      const r = resolve(side, sectionIds, m.target, m.line, errors);
      if (!r) continue;
      const key = 'row' in r ? `row:${r.row}` : bulletSlot(r.bullet);
      const text: Localized = out.meanings.get(key) ?? {};
      if (text[side.lang] !== undefined) errors.push(deckError(notes.file, m.line, `a second meaning for ${describeTarget(m.target)}: keep one`));
      text[side.lang] = m.text;
      out.meanings.set(key, text);
    }
    for (const f of notes.flagged) {
      const row = [...primary.keys].filter((k) => f.answer.startsWith(`${k} -`)).sort((x, y) => y.length - x.length)[0];
      if (row === undefined) {
        errors.push(deckError(notes.file, f.line, `\`${f.answer}\` must be a row's command followed by its flags (e.g. \`docker container ls -a\`)`));
        continue;
      }
      const entry: CollectedFlagged = out.flagged.get(f.answer) ?? { row, answer: f.answer, spellings: [], meaning: {}, where: new Map() };
      if (entry.meaning[side.lang] !== undefined) {
        errors.push(deckError(notes.file, f.line, `\`${f.answer}\` is listed twice under Flags`));
        continue;
      }
      entry.meaning[side.lang] = f.text;
      for (const sp of f.spellings) if (!entry.spellings.includes(sp)) entry.spellings.push(sp);
      entry.where.set(side.lang, { file: notes.file, line: f.line });
      out.flagged.set(f.answer, entry);
    }
    for (const a of notes.aliases) {
      if (!primary.keys.has(a.key)) {
        errors.push(deckError(notes.file, a.line, `unknown row \`${a.key}\`: aliases must follow a command of the memo`));
        continue;
      }
      const list = out.aliases.get(a.key) ?? [];
      for (const alias of a.aliases) {
        if (primary.keys.has(alias)) {
          errors.push(deckError(notes.file, a.line, `\`${alias}\` is a row of its own, so it cannot also be an alias of \`${a.key}\``));
        } else if (!list.includes(alias) && alias !== a.key) {
          list.push(alias);
        }
      }
      out.aliases.set(a.key, list);
    }
    for (const group of notes.confusable) {
      if (!group.keys.some((k) => primary.keys.has(k))) {
        errors.push(deckError(notes.file, group.line, `unknown rows: none of ${group.keys.map((k) => `\`${k}\``).join(', ')} is a row of the memo`));
        continue;
      }
      for (const k of group.keys) {
        if (!primary.keys.has(k)) continue;
        const list = out.confusable.get(k) ?? [];
        for (const other of group.keys) if (other !== k && !list.includes(other)) list.push(other);
        out.confusable.set(k, list);
      }
    }
  }

  // "Also right" names rows, or fact questions by their q:id; "Not also right" names questions only
  // (checked once every question is read). Both read one way: for the first key's question, the
  // others' answers are (not) right too. The reverse is a pair of its own: check-relations.ts
  // warns where a declared pair has no reverse.
  const parts = [['also', (n: ParsedNotes) => n.alsoRight], ['not', (n: ParsedNotes) => n.notAlsoRight]] as const;
  for (const [kind, entriesOf] of parts) {
    for (const side of sides) {
      const notes = side.notes;
      if (!notes) continue;
      for (const a of entriesOf(notes)) {
        const keys = [a.key, ...a.others];
        const unknown = kind === 'also'
          ? keys.find((k) => !primary.keys.has(k) && !out.questions.has(k))
          : keys.find((k) => !k.startsWith('q:') || !out.questions.has(k));
        if (unknown !== undefined) {
          errors.push(deckError(notes.file, a.line, kind === 'also'
            ? `unknown \`${unknown}\`: "also right" names rows of the memo or questions (q:id)`
            : `unknown \`${unknown}\`: "not also right" names questions by their q:id`));
          continue;
        }
        const map = kind === 'also' ? out.alsoRight : out.notAlsoRight;
        const list = map.get(a.key) ?? [];
        for (const other of a.others) {
          if (other === a.key) continue;
          const declared = out.relations.get(relationKey(a.key, other));
          if (declared && declared.kind !== kind) {
            errors.push(deckError(notes.file, a.line, `\`${other}\` is declared also right for \`${a.key}\` (${declared.file}:${declared.line}) and not also right here: keep one`));
            continue;
          }
          if (!declared) out.relations.set(relationKey(a.key, other), { kind, file: notes.file, line: a.line });
          if (!list.includes(other)) list.push(other);
        }
        map.set(a.key, list);
      }
    }
  }

  // Every correction, question and flags entry of a bilingual deck needs its counterpart.
  if (sides.length > 1) {
    const missing = (where: Where, what: string): void => {
      for (const side of sides) {
        if (where.has(side.lang)) continue;
        const [, at] = [...where.entries()][0] ?? [];
        if (at) errors.push(deckError(at.file, at.line, `${what} has no counterpart in notes.${side.lang}.md`));
      }
    };
    for (const [key, c] of out.corrections) missing(c.where, `the correction for ${key.replace(/^row:/, '').replace(/^bullet:/, 'bullet ')}`);
    for (const f of out.flagged.values()) missing(f.where, `the flags entry \`${f.answer}\``);
    for (const [key, q] of out.questions) {
      missing(q.where, `question ${q.named ?? `${sectionIds[q.ref.section] ?? q.ref.section + 1}.${q.ref.bullet + 1}?${key.split('?')[1] ?? ''}`}`);
    }
  }
  return out;
}
