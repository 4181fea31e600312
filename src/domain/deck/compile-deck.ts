// The deck compiler: the memo files of one deck (one or two languages) and their sidecar notes
// -> a compiled Deck, or every error found (FILE:LINE: message). Pure: callers read the files.
import { cardId, normalizeKey } from './card-id.ts';
import { deckError, sortDeckErrors, type DeckError } from './errors.ts';
import { contentHash } from './hash.ts';
import { parseMemo, type MemoBullet, type MemoRow, type MemoSection, type ParsedMemo } from './parse-memo.ts';
import { describeTarget, parseNotes, SECTION_ID, type NoteTarget, type ParsedNotes } from './parse-notes.ts';
import { LANGS, type Card, type CardKind, type Deck, type Lang, type Localized, type Section } from './types.ts';

export interface DeckSourceFile {
  /** Repo-relative path, e.g. `decks/docker/memo.ja.md`; errors and `source` use it as given. */
  path: string;
  text: string;
}

export interface CompileDeckInput {
  /** The deck id (its folder name). */
  id: string;
  /** The deck folder, for errors not tied to a file (e.g. `decks/docker`). Defaults to the id. */
  dir?: string;
  /** `memo.<lang>.md` and `notes.<lang>.md` files; other names are ignored. */
  files: readonly DeckSourceFile[];
}

export interface CompileDeckResult {
  /** Present only when there are no errors. */
  deck?: Deck;
  errors: DeckError[];
}

const FILE_NAME = /^(memo|notes)\.([^.]+)\.md$/;
const DECK_ID = /^[a-z0-9][a-z0-9_-]*$/;

function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Words the compiler itself adds to default fact cards. */
const PROMPTS: Record<Lang, { complete: (section: string, head: string) => string; blank: string }> = {
  ja: { complete: (s, h) => `「${s}」: メモのこの一文を完成させてください。\n${h}…`, blank: '［　？　］' },
  en: { complete: (s, h) => `${s}: complete this line of the memo.\n${h}…`, blank: '[ ? ]' },
};

/** The first part of a bullet (about 40%, cut at a word boundary where there are spaces). */
function headOf(text: string): string {
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

function slug(title: string): string {
  return title.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

interface Side {
  lang: Lang;
  memo: ParsedMemo;
  notes?: ParsedNotes;
}

/** A bullet located in the deck: section position and bullet position, per language. */
interface BulletRef {
  section: number;
  bullet: number;
}

export function compileDeck(input: CompileDeckInput): CompileDeckResult {
  const errors: DeckError[] = [];
  const dir = input.dir ?? input.id;
  const memoFiles = new Map<Lang, DeckSourceFile>();
  const noteFiles = new Map<Lang, DeckSourceFile>();

  if (!DECK_ID.test(input.id)) {
    errors.push(deckError(dir, 1, `deck id "${input.id}" must be lowercase letters, digits, - or _ (it is the folder name)`));
  }
  for (const file of input.files) {
    const m = FILE_NAME.exec(baseName(file.path));
    if (!m) {
      if (/^(memo|notes)\b/.test(baseName(file.path))) {
        errors.push(deckError(file.path, 1, 'unknown deck file name: use memo.<lang>.md or notes.<lang>.md with lang ja or en'));
      }
      continue;
    }
    const lang = m[2] ?? '';
    if (!isLang(lang)) {
      errors.push(deckError(file.path, 1, `unknown language "${lang}": use ja or en`));
      continue;
    }
    (m[1] === 'memo' ? memoFiles : noteFiles).set(lang, file);
  }

  const sides: Side[] = [];
  for (const lang of LANGS) {
    const file = memoFiles.get(lang);
    const notesFile = noteFiles.get(lang);
    if (!file) {
      if (notesFile) errors.push(deckError(notesFile.path, 1, `notes.${lang}.md has no memo.${lang}.md beside it`));
      continue;
    }
    const side: Side = { lang, memo: parseMemo(file.path, file.text, errors) };
    if (notesFile) side.notes = parseNotes(notesFile.path, notesFile.text, errors);
    sides.push(side);
  }
  const primary = sides[0];
  if (!primary) {
    errors.push(deckError(dir, 1, 'no memo: a deck folder needs memo.ja.md or memo.en.md'));
    return { errors: sortDeckErrors(errors) };
  }

  checkRepeats(sides, errors);
  checkCounterparts(primary, sides.slice(1), errors);

  // Section ids: from the notes ("- 3: memo"), else a slug of the primary title.
  const sectionCount = primary.memo.sections.length;
  const explicitIds = new Map<number, string>();
  const idLines = new Map<string, string>();
  for (const side of sides) {
    for (const s of side.notes?.sectionIds ?? []) {
      if (s.index < 1 || s.index > sectionCount) {
        errors.push(deckError(side.notes?.file ?? '', s.line, `there is no section ${s.index} (the memo has ${sectionCount})`));
      } else if (explicitIds.has(s.index) && explicitIds.get(s.index) !== s.id) {
        errors.push(deckError(side.notes?.file ?? '', s.line, `section ${s.index} already has the id "${explicitIds.get(s.index)}"`));
      } else if (idLines.has(s.id) && !(explicitIds.get(s.index) === s.id)) {
        errors.push(deckError(side.notes?.file ?? '', s.line, `section id "${s.id}" is already used (${idLines.get(s.id)})`));
      } else {
        explicitIds.set(s.index, s.id);
        idLines.set(s.id, `section ${s.index}`);
      }
    }
  }
  const used = new Set(explicitIds.values());
  const sectionIds = primary.memo.sections.map((s, i) => {
    const explicit = explicitIds.get(i + 1);
    if (explicit) return explicit;
    let base = slug(s.title);
    if (!SECTION_ID.test(base)) base = `s${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });

  const rowsByKey = new Map<string, MemoRow>();
  for (const s of primary.memo.sections) for (const r of s.rows) if (!rowsByKey.has(r.key)) rowsByKey.set(r.key, r);

  // Resolve a note target against the memo of the note's own language.
  const resolve = (side: Side, target: NoteTarget, line: number): { row: string } | { bullet: BulletRef } | undefined => {
    const file = side.notes?.file ?? side.memo.file;
    const where = describeTarget(target);
    if (target.kind === 'row') {
      if (side.memo.sections.some((s) => s.rows.some((r) => r.key === target.key))) return { row: target.key };
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
  };

  // Corrections, per language, keyed by `row:KEY` or `bullet:S.B`.
  const corrections = new Map<string, { text: Localized; where: Map<Lang, { file: string; line: number }> }>();
  // Questions, per language; paired across languages by q:id, else by bullet + position.
  interface Q { key: string; ref: BulletRef; text: Partial<Record<Lang, { q: string; a?: string }>>; where: Map<Lang, { file: string; line: number }> }
  const questions = new Map<string, Q>();
  const aliases = new Map<string, string[]>();
  const confusable = new Map<string, string[]>();

  for (const side of sides) {
    const notes = side.notes;
    if (!notes) continue;
    for (const c of notes.corrections) {
      const r = resolve(side, c.target, c.line);
      if (!r) continue;
      const key = 'row' in r ? `row:${r.row}` : `bullet:${r.bullet.section}.${r.bullet.bullet}`;
      const entry: { text: Localized; where: Map<Lang, { file: string; line: number }> } = corrections.get(key) ?? { text: {}, where: new Map() };
      if (entry.text[side.lang] !== undefined) {
        errors.push(deckError(notes.file, c.line, `a second correction for ${describeTarget(c.target)}: merge them into one`));
        continue;
      }
      entry.text[side.lang] = c.text;
      entry.where.set(side.lang, { file: notes.file, line: c.line });
      corrections.set(key, entry);
    }
    const perBullet = new Map<string, number>();
    for (const q of notes.questions) {
      const r = resolve(side, q.target, q.line);
      if (!r) continue;
      if ('row' in r) {
        errors.push(deckError(notes.file, q.line, `questions are for bullets; ${describeTarget(q.target)} is a table row (it already makes command cards)`));
        continue;
      }
      const bulletKey = `${sectionIds[r.bullet.section]}.${r.bullet.bullet + 1}`;
      let key: string;
      if (q.id !== undefined) {
        key = `q:${q.id}`;
      } else {
        const n = (perBullet.get(bulletKey) ?? 0) + 1;
        perBullet.set(bulletKey, n);
        key = `${bulletKey}?${n}`;
      }
      const entry: Q = questions.get(key) ?? { key, ref: r.bullet, text: {}, where: new Map() };
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
      questions.set(key, entry);
    }
    for (const a of notes.aliases) {
      if (!rowsByKey.has(a.key)) {
        errors.push(deckError(notes.file, a.line, `unknown row \`${a.key}\`: aliases must follow a command of the memo`));
        continue;
      }
      const list = aliases.get(a.key) ?? [];
      for (const alias of a.aliases) {
        if (rowsByKey.has(alias)) {
          errors.push(deckError(notes.file, a.line, `\`${alias}\` is a row of its own, so it cannot also be an alias of \`${a.key}\``));
        } else if (!list.includes(alias) && alias !== a.key) {
          list.push(alias);
        }
      }
      aliases.set(a.key, list);
    }
    for (const group of notes.confusable) {
      if (!group.keys.some((k) => rowsByKey.has(k))) {
        errors.push(deckError(notes.file, group.line, `unknown rows: none of ${group.keys.map((k) => `\`${k}\``).join(', ')} is a row of the memo`));
        continue;
      }
      for (const k of group.keys) {
        if (!rowsByKey.has(k)) continue;
        const list = confusable.get(k) ?? [];
        for (const other of group.keys) if (other !== k && !list.includes(other)) list.push(other);
        confusable.set(k, list);
      }
    }
  }

  // Every correction and question of a bilingual deck needs its counterpart.
  if (sides.length > 1) {
    const missing = (where: Map<Lang, { file: string; line: number }>, what: string): void => {
      for (const side of sides) {
        if (where.has(side.lang)) continue;
        const [, at] = [...where.entries()][0] ?? [];
        if (at) errors.push(deckError(at.file, at.line, `${what} has no counterpart in notes.${side.lang}.md`));
      }
    };
    for (const [key, c] of corrections) missing(c.where, `the correction for ${key.replace(/^row:/, '').replace(/^bullet:/, 'bullet ')}`);
    for (const q of questions.values()) missing(q.where, `question ${q.key}`);
  }

  // Build the cards, in memo order.
  const cards: Card[] = [];
  const sections: Section[] = [];
  const langs = sides.map((s) => s.lang);
  const per = <T>(f: (side: Side) => T | undefined): Partial<Record<Lang, T>> => {
    const out: Partial<Record<Lang, T>> = {};
    for (const side of sides) {
      const v = f(side);
      if (v !== undefined) out[side.lang] = v;
    }
    return out;
  };
  const sourceOf = (line: number): string => `${primary.memo.file}:${line}`;

  const built = new Set<string>(); // a repeated row is reported once (checkRepeats), built once
  primary.memo.sections.forEach((section, si) => {
    const sectionId = sectionIds[si] ?? `s${si + 1}`;
    const title = per((side) => side.memo.sections[si]?.title);
    sections.push({ id: sectionId, title, order: si });
    const push = (kind: CardKind, key: string, fields: Omit<Card, 'id' | 'deckId' | 'kind' | 'key' | 'sectionId' | 'order'>): void => {
      cards.push({ id: cardId(input.id, kind, key), deckId: input.id, kind, key, sectionId, order: cards.length, ...fields });
    };

    for (const row of section.rows) {
      if (built.has(row.key)) continue;
      built.add(row.key);
      const rowOf = (side: Side): MemoRow | undefined => side.memo.sections[si]?.rows.find((r) => r.key === row.key);
      const description = per((side) => rowOf(side)?.description);
      const note = per((side) => rowOf(side)?.note || undefined);
      const correction = corrections.get(`row:${row.key}`)?.text;
      const code = `\`${row.key}\``;
      const common = {
        description,
        answers: [row.key, ...(aliases.get(row.key) ?? [])],
        source: sourceOf(row.line),
        ...(Object.keys(note).length > 0 ? { note } : {}),
        ...(correction ? { correction } : {}),
        ...(confusable.has(row.key) ? { confusableWith: confusable.get(row.key) } : {}),
      };
      const codeText = per(() => code);
      const [forward, backward]: CardKind[] = row.isOption ? ['option-meaning', 'meaning-option'] : ['command-meaning', 'meaning-command'];
      push(forward as CardKind, row.key, { front: codeText, back: description, ...common });
      push(backward as CardKind, row.key, { front: description, back: codeText, ...common });
    }

    section.bullets.forEach((bullet, bi) => {
      const bulletOf = (side: Side): MemoBullet | undefined => side.memo.sections[si]?.bullets[bi];
      const bulletKey = `${sectionId}.${bi + 1}`;
      const text = per((side) => bulletOf(side)?.text);
      const correction = corrections.get(`bullet:${si}.${bi}`)?.text;
      const extra = { source: sourceOf(bullet.line), ...(correction ? { correction } : {}) };
      let made = 0;
      bullet.clozes.forEach((_answer, ci) => {
        const front = per((side) => {
          const b = bulletOf(side);
          if (!b) return undefined;
          let n = 0;
          return b.raw.replace(/\{\{([\s\S]*?)\}\}/g, (_m, inner: string) => (n++ === ci ? PROMPTS[side.lang].blank : inner.trim()));
        });
        push('fact', `${bulletKey}{${ci + 1}}`, { front, back: per((side) => bulletOf(side)?.clozes[ci]), note: text, ...extra });
        made++;
      });
      for (const q of questions.values()) {
        if (q.ref.section !== si || q.ref.bullet !== bi) continue;
        const front = per((side) => q.text[side.lang]?.q);
        const back = per((side) => q.text[side.lang]?.a ?? bulletOf(side)?.text);
        push('fact', q.key, { front, back, note: text, ...extra });
        made++;
      }
      if (made === 0) {
        const front = per((side) => {
          const b = bulletOf(side);
          const title = side.memo.sections[si]?.title;
          return b && title !== undefined ? PROMPTS[side.lang].complete(title, headOf(b.text)) : undefined;
        });
        push('fact', bulletKey, { front, back: text, ...extra });
      }
    });
  });

  const seen = new Map<string, Card>();
  for (const card of cards) {
    const other = seen.get(card.id);
    if (other) errors.push(deckError(primary.memo.file, Number(card.source.split(':').pop()), `card id collision between "${other.key}" and "${card.key}": rename one key`));
    seen.set(card.id, card);
  }

  if (errors.length > 0) return { errors: sortDeckErrors(errors) };
  const body: Omit<Deck, 'hash'> = {
    id: input.id,
    title: per((side) => side.memo.title),
    languages: langs,
    sections,
    cards,
  };
  return { deck: { ...body, hash: contentHash(JSON.stringify(body)) }, errors: [] };
}

/** The same command twice in one memo is an error at the second one. */
function checkRepeats(sides: readonly Side[], errors: DeckError[]): void {
  for (const side of sides) {
    const first = new Map<string, number>();
    for (const s of side.memo.sections) {
      for (const r of s.rows) {
        const at = first.get(r.key);
        if (at !== undefined) errors.push(deckError(side.memo.file, r.line, `repeated command \`${r.key}\`: it is already at line ${at}`));
        else first.set(r.key, r.line);
      }
    }
  }
}

/** Sections by position, rows by key, bullets by position: each must exist in every language. */
function checkCounterparts(primary: Side, others: readonly Side[], errors: DeckError[]): void {
  for (const other of others) {
    const pairs: [Side, Side][] = [[primary, other], [other, primary]];
    for (const [a, b] of pairs) {
      const missingIn = baseName(b.memo.file);
      a.memo.sections.forEach((sa, i) => {
        const sb: MemoSection | undefined = b.memo.sections[i];
        if (!sb) {
          errors.push(deckError(a.memo.file, sa.line, `section "${sa.title}" has no counterpart in ${missingIn} (sections are matched by position)`));
          return;
        }
        for (const r of sa.rows) {
          if (!sb.rows.some((x) => x.key === r.key)) {
            errors.push(deckError(a.memo.file, r.line, `row \`${r.key}\` has no counterpart in section "${sb.title}" of ${missingIn}`));
          }
        }
        sa.bullets.forEach((bullet, bi) => {
          const other = sb.bullets[bi];
          if (!other) {
            errors.push(deckError(a.memo.file, bullet.line, `bullet ${bi + 1} of section "${sa.title}" has no counterpart in ${missingIn} (bullets are matched by position)`));
          } else if (a === primary && other.clozes.length !== bullet.clozes.length) {
            errors.push(deckError(b.memo.file, other.line, `this bullet has ${other.clozes.length} {{blank(s)}} but its counterpart in ${baseName(a.memo.file)} has ${bullet.clozes.length}`));
          }
        });
      });
    }
  }
}
