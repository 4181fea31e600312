// Reads a deck's sidecar file (`notes.<lang>.md`): corrections, aliases, confusable pairs,
// section ids and authored fact questions. The memo itself stays exactly as the team wrote it.
import type { MarkedToken, Token, Tokens } from 'marked';
import { normalizeKey } from './card-id.ts';
import { deckError, type DeckError } from './errors.ts';
import { listItemLines, parseMarkdown, tokensText, tokenText } from './markdown-text.ts';
import { preflight } from './preflight.ts';

/** What a note points at: a table row by its key, or a bullet by `section.n` or by its opening words. */
export type NoteTarget =
  | { kind: 'row'; key: string }
  | { kind: 'bullet'; section: string; index: number }
  | { kind: 'quote'; start: string };

export interface NoteCorrection { target: NoteTarget; text: string; line: number }
export interface NoteAliases { key: string; aliases: string[]; line: number }
export interface NoteConfusable { keys: string[]; line: number }
export interface NoteSectionId { index: number; id: string; line: number }
/** `## Titles`: the title a section is shown with, in this file's language, where the memo's
 * heading is a note to self (`## memo`). `section` is a section id or a 1-based number. */
export interface NoteTitle { section: string; title: string; line: number }
/** `## Meanings`: how a row's description or a bullet should read where the memo's words are wrong. */
export interface NoteMeaning { target: NoteTarget; text: string; line: number }
/**
 * `## Also right`: other rows that also fit the row's meaning, or other questions whose answers
 * also answer this question (never offered as its distractors). `## Not also right` (questions
 * only): other questions whose answers are wrong for this one (offered as its distractors).
 */
export interface NoteAlsoRight { key: string; others: string[]; line: number }
/** `## Flags`: a row with added flags, asked as its own typed question (`docker container ls -a`). */
export interface NoteFlagged { answer: string; spellings: string[]; text: string; line: number }
export interface NoteQuestion {
  target: NoteTarget;
  /** Explicit id from `q:<id>` in the heading: keeps the card id whatever moves. */
  id?: string;
  question: string;
  answer?: string;
  line: number;
}

export interface ParsedNotes {
  file: string;
  corrections: NoteCorrection[];
  aliases: NoteAliases[];
  confusable: NoteConfusable[];
  sectionIds: NoteSectionId[];
  questions: NoteQuestion[];
  meanings: NoteMeaning[];
  alsoRight: NoteAlsoRight[];
  notAlsoRight: NoteAlsoRight[];
  flagged: NoteFlagged[];
  titles: NoteTitle[];
}

type Part = 'corrections' | 'aliases' | 'confusable' | 'sections' | 'questions' | 'meanings' | 'also-right' | 'not-also-right' | 'flags' | 'titles';

const PARTS: Record<string, Part> = {
  corrections: 'corrections', '訂正': 'corrections',
  aliases: 'aliases', '別名': 'aliases',
  confusable: 'confusable', '紛らわしいもの': 'confusable',
  sections: 'sections', 'セクション': 'sections',
  questions: 'questions', '問題': 'questions',
  meanings: 'meanings', '意味': 'meanings',
  'also right': 'also-right', '他の正解': 'also-right',
  'not also right': 'not-also-right', '他の正解ではない': 'not-also-right',
  flags: 'flags', 'フラグ': 'flags',
  titles: 'titles', '見出し': 'titles',
};

const PART_NAMES = 'Corrections, Aliases, Confusable, Sections, Questions, Meanings, Also right, Not also right, Flags or Titles';

/** `- \`cmd -a\` (\`--all\`): text`: the codes, then the text after the colon. */
const FLAGGED = /^((?:\x60[^\x60]+\x60[\s,()（）、]*)+)[:：]\s*([\s\S]+)$/;

/** Section ids are used in `section.n` addresses, so they hold no dots or spaces. */
export const SECTION_ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

const SEP = String.raw`\s*[:：]?\s*`;
const ROW_TARGET = new RegExp(String.raw`^(\x60+)\s?([\s\S]*?)\s?\1(?!\x60)${SEP}([\s\S]*)$`);
const QUOTE_TARGET = new RegExp(String.raw`^(?:"([^"]+)"|「([^」]+)」|“([^”]+)”)${SEP}([\s\S]*)$`);
const BULLET_TARGET = new RegExp(String.raw`^([\p{L}\p{N}][\p{L}\p{N}_-]*)\.(\d+)(?=[\s:：]|$)${SEP}([\s\S]*)$`, 'u');

/** Splits `target: rest` into its target and the rest of the text. */
export function parseTarget(text: string): { target: NoteTarget; rest: string } | undefined {
  let m = ROW_TARGET.exec(text);
  if (m) return { target: { kind: 'row', key: normalizeKey(m[2] ?? '') }, rest: (m[3] ?? '').trim() };
  m = QUOTE_TARGET.exec(text);
  if (m) {
    const start = normalizeKey(m[1] ?? m[2] ?? m[3] ?? '');
    return { target: { kind: 'quote', start }, rest: (m[4] ?? '').trim() };
  }
  m = BULLET_TARGET.exec(text);
  if (m) return { target: { kind: 'bullet', section: m[1] ?? '', index: Number(m[2]) }, rest: (m[3] ?? '').trim() };
  return undefined;
}

export function describeTarget(target: NoteTarget): string {
  if (target.kind === 'row') return `\`${target.key}\``;
  if (target.kind === 'quote') return `"${target.start}"`;
  return `${target.section}.${target.index}`;
}

const TARGET_HELP = 'start with `command`, section.n (e.g. memo.2 or 3.2) or "opening words of a bullet"';

/** The inline code of a token and its descendants, in order (an image's alt text left out). */
function inlineCodes(token: Token): string[] {
  const out: string[] = [];
  const walk = (t: Token): void => {
    const known = t as MarkedToken;
    if (known.type === 'codespan') out.push(normalizeKey(known.text));
    else if (known.type === 'list') for (const item of known.items) walk(item);
    else if (known.type === 'table') for (const cell of [...known.header, ...known.rows.flat()]) cell.tokens.forEach(walk);
    else if (known.type !== 'image' && 'tokens' in t && t.tokens) for (const c of t.tokens) walk(c);
  };
  walk(token);
  return out;
}

function parseQuestionBody(file: string, heading: string, line: number, body: readonly Token[], errors: DeckError[], out: NoteQuestion[]): void {
  const head = /^([\s\S]*?)(?:\s+q:([\p{L}\p{N}_-]+))?\s*$/u.exec(heading);
  const parsed = parseTarget((head?.[1] ?? '').trim());
  if (!parsed || parsed.rest !== '') {
    errors.push(deckError(file, line, `a question heading names its bullet: ${TARGET_HELP}, optionally followed by q:<id>`));
    return;
  }
  let question = '';
  let answer: string | undefined;
  let current: 'q' | 'a' | undefined;
  for (const raw of tokensText(body).split('\n')) {
    const text = raw.replace(/^- /, '');
    const m = /^(Q|A|問|答)\s*[:：]\s*(.*)$/i.exec(text);
    if (m) {
      current = /^(q|問)$/i.test(m[1] ?? '') ? 'q' : 'a';
      if (current === 'q') question = m[2] ?? '';
      else answer = m[2] ?? '';
    } else if (current === 'q') {
      question += `\n${text}`;
    } else if (current === 'a') {
      answer = `${answer ?? ''}\n${text}`;
    } else if (text !== '') {
      errors.push(deckError(file, line, `text before "Q:" in a question: write the question as "Q: ..." and the answer as "A: ..."`));
      return;
    }
  }
  question = question.trim();
  answer = answer?.trim();
  if (question === '') {
    errors.push(deckError(file, line, 'a question needs a "Q: ..." line'));
    return;
  }
  const q: NoteQuestion = { target: parsed.target, question, line };
  if (head?.[2]) q.id = head[2];
  if (answer !== undefined && answer !== '') q.answer = answer;
  out.push(q);
}

export function parseNotes(file: string, source: string, errors: DeckError[]): ParsedNotes {
  const notes: ParsedNotes = { file, corrections: [], aliases: [], confusable: [], sectionIds: [], questions: [], meanings: [], alsoRight: [], notAlsoRight: [], flagged: [], titles: [] };
  const checked = preflight(file, source, errors, false);
  const text = checked.text;
  if (!checked.parse) return notes;
  if (text.trim() === '') {
    errors.push(deckError(file, 1, `empty file: delete it or add a part (## ${PART_NAMES})`));
    return notes;
  }
  let part: Part | undefined;
  let question: { heading: string; line: number; body: Token[] } | undefined;
  const flushQuestion = (): void => {
    if (question) parseQuestionBody(file, question.heading, question.line, question.body, errors, notes.questions);
    question = undefined;
  };

  for (const { token: node, line: nodeLine } of parseMarkdown(text)) {
    if (node.type === 'heading' && node.depth === 1) continue;
    if (node.type === 'heading' && node.depth === 2) {
      flushQuestion();
      const name = tokenText(node).toLowerCase();
      part = PARTS[name];
      if (!part) errors.push(deckError(file, nodeLine, `unknown part "${tokenText(node)}": use ${PART_NAMES}`));
      continue;
    }
    if (part === 'questions') {
      if (node.type === 'heading') {
        flushQuestion();
        question = { heading: tokenText(node), line: nodeLine, body: [] };
      } else if (question) {
        question.body.push(node);
      } else if (node.type !== 'html') {
        errors.push(deckError(file, nodeLine, 'under "## Questions", start each question with a "### section.n q:id" heading'));
      }
      continue;
    }
    const items: Tokens.ListItem[] = node.type === 'list' ? node.items : [];
    const itemLines = node.type === 'list' ? listItemLines(node, nodeLine) : [];
    items.forEach((item, i) => {
      const line = itemLines[i] ?? nodeLine;
      const itemText = tokenText(item);
      if (part === 'corrections') {
        const parsed = parseTarget(itemText);
        if (!parsed) errors.push(deckError(file, line, `a correction must ${TARGET_HELP}`));
        else if (parsed.rest === '') errors.push(deckError(file, line, `empty correction for ${describeTarget(parsed.target)}`));
        else notes.corrections.push({ target: parsed.target, text: parsed.rest, line });
      } else if (part === 'meanings') {
        const parsed = parseTarget(itemText);
        if (!parsed) errors.push(deckError(file, line, `a meaning must ${TARGET_HELP}`));
        else if (parsed.rest === '') errors.push(deckError(file, line, `empty meaning for ${describeTarget(parsed.target)}`));
        else notes.meanings.push({ target: parsed.target, text: parsed.rest, line });
      } else if (part === 'also-right') {
        const [key, ...others] = inlineCodes(item);
        if (key === undefined || others.length === 0) {
          errors.push(deckError(file, line, 'an "also right" line is "- `command`: `other command that also fits its meaning`, ..."'));
        } else {
          notes.alsoRight.push({ key, others, line });
        }
      } else if (part === 'not-also-right') {
        const [key, ...others] = inlineCodes(item);
        if (key === undefined || others.length === 0) {
          errors.push(deckError(file, line, 'a "not also right" line is "- `q:id`: `q:other`, ..." (the other questions\' answers are wrong for this one)'));
        } else {
          notes.notAlsoRight.push({ key, others, line });
        }
      } else if (part === 'flags') {
        const m = FLAGGED.exec(itemText);
        const [answer, ...spellings] = inlineCodes(item);
        if (!m || answer === undefined || (m[2] ?? '').trim() === '') {
          errors.push(deckError(file, line, 'a flags line is "- `command -a` (`--all`): what the command does with these flags"'));
        } else {
          notes.flagged.push({ answer, spellings, text: (m[2] ?? '').trim(), line });
        }
      } else if (part === 'aliases') {
        const [key, ...aliases] = inlineCodes(item);
        if (key === undefined || aliases.length === 0) {
          errors.push(deckError(file, line, 'an alias line is "- `command`: `alias`, `other alias`"'));
        } else {
          notes.aliases.push({ key, aliases, line });
        }
      } else if (part === 'confusable') {
        const keys = inlineCodes(item);
        if (keys.length < 2) errors.push(deckError(file, line, 'a confusable group names two or more `commands`'));
        else notes.confusable.push({ keys, line });
      } else if (part === 'titles') {
        const m = /^([\p{L}\p{N}][\p{L}\p{N}_-]*)\s*[:：]\s*(\S[\s\S]*)$/u.exec(itemText);
        if (!m) errors.push(deckError(file, line, 'a title line is "- memo: Other notes" (a section id or number, then the title to show)'));
        else notes.titles.push({ section: m[1] ?? '', title: (m[2] ?? '').trim(), line });
      } else if (part === 'sections') {
        const m = /^(\d+)\s*[:：]\s*(\S+)$/.exec(itemText);
        if (!m || !SECTION_ID.test(m[2] ?? '')) {
          errors.push(deckError(file, line, 'a section id line is "- 3: memo" (section number, then an id of letters, digits, - or _)'));
        } else {
          notes.sectionIds.push({ index: Number(m[1]), id: m[2] ?? '', line });
        }
      }
    });
    if (node.type !== 'list' && part !== undefined && node.type !== 'html') {
      errors.push(deckError(file, nodeLine, `write the entries of this part as a bullet list ("- ...")`));
    }
  }
  flushQuestion();
  return notes;
}
