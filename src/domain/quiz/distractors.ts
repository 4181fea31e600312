// Distractor ranking: wrong choices a learner could really confuse with the right one, and never
// one that is also right (an alias of the answer, another card with the same meaning, or a row the
// deck declares "also right" for it, in either direction). Between fact questions the deck's
// declarations are read one way, and where it says nothing the safe side is taken (see
// `isAlsoCorrect`); a fact answer that leans on its own question ("it", 「その」) is never offered
// under another question.
import { LANGS, type Card, type Lang, type Localized } from '../deck/types';
import { normalizeAnswer, normalizeText } from './normalize';
import { deriveSeed, mulberry32, shuffle } from './random';
import { isAuthoredQuestionKey, leansOnContext } from '../deck/fact-answers';
import { localizedText } from '../deck/localized';

export type EntryFamily = 'command' | 'option' | 'fact';

/**
 * Best first. A distractor's tier is the first that applies:
 * - confusable: listed in either card's `confusableWith` (the deck author's known pairs);
 * - same-verb: the same verb on a sibling resource (`docker network prune` for `docker volume prune`);
 * - same-resource-kin: same resource, a verb of the same kind (`docker volume rm`: both remove);
 * - kin-verb: a verb of the same kind on another resource (`docker network rm` for `docker volume prune`);
 * - same-resource: same resource, another kind of verb (`docker volume create`: easy to rule out);
 * - same-section: from the same section of the memo;
 * - same-family: anywhere in the deck, same family (a command for a command, an option for an option);
 * - other-family: a command offered for an option question (only when options run out).
 */
export const DISTRACTOR_TIERS = [
  'confusable',
  'same-verb',
  'same-resource-kin',
  'kin-verb',
  'same-resource',
  'same-section',
  'same-family',
  'other-family',
] as const;
export type DistractorTier = (typeof DISTRACTOR_TIERS)[number];

/** A command split the way learners mix it up: `docker volume prune` -> docker / volume / prune. */
export interface CommandParts {
  program: string;
  resource: string;
  verb: string;
}

/** One quizzable thing in a pool: a command or option (all its cards together), or one fact card. */
export interface PoolEntry {
  /** `command:<normalized key>`, `option:<normalized key>` or `fact:<card id>`. */
  id: string;
  family: EntryFamily;
  key: string;
  sectionId: string;
  order: number;
  cards: Card[];
  /** What the command/option does (for facts: the card's back). */
  meaning: Localized;
  /** Precomputed comparison forms (normalizing is the costly part of ranking a large deck). */
  normKey: string;
  keyNorm: string;
  meaningText: Record<Lang, string>;
  meaningNorm: Record<Lang, string>;
  /** Normalized accepted answers (with the key itself), for "is this also right?". */
  answers: Set<string>;
  /** Normalized keys this entry is confused with. */
  confusable: Set<string>;
  /** Normalized keys of rows that also fit this entry's meaning (the deck's `## Also right`). */
  alsoRight: Set<string>;
  /** A fact question: normalized keys of questions whose answers are wrong for it (`## Not also right`). */
  notAlsoRight: Set<string>;
  /** A fact card that is an authored question (not a memo line or a blank). */
  authored: boolean;
  /** A fact answer that leans on its own question's context, per language (never a distractor). */
  leans: Record<Lang, boolean>;
  parts: CommandParts | null;
  /** An option named only in the notes (`-a`): a distractor key with no card and no meaning. */
  notesOnly: boolean;
  /** The card a choice comes from ('' for an option named only in the notes). */
  creditCardId: string;
}

export interface PoolIndex {
  entries: PoolEntry[];
  byId: Map<string, PoolEntry>;
  /** Fact entries by normalized key (`q:<id>`), to follow "also right" one step further. */
  factByKey: Map<string, PoolEntry>;
}

export interface RankedDistractor {
  entry: PoolEntry;
  tier: DistractorTier;
}

/** Kinds of verbs: two commands of one kind do similar things (both remove, both show...). */
const VERB_KINDS: Record<string, string> = {
  rm: 'remove', rmi: 'remove', remove: 'remove', prune: 'remove', delete: 'remove', kill: 'remove',
  create: 'make', build: 'make', commit: 'make', pull: 'make', import: 'make', load: 'make',
  ls: 'show', list: 'show', ps: 'show', images: 'show', inspect: 'show', info: 'show', version: 'show',
  search: 'show', logs: 'show', top: 'show', stats: 'show', df: 'show',
  start: 'start', run: 'start', exec: 'start', restart: 'start', enable: 'start', unpause: 'start',
  stop: 'stop', pause: 'stop', disable: 'stop',
  connect: 'link', disconnect: 'link', login: 'link', logout: 'link', attach: 'link',
  cp: 'copy', push: 'copy', save: 'copy', export: 'copy',
};

function verbKind(verb: string): string {
  return VERB_KINDS[verb] ?? verb;
}

/** Programs whose sub-command comes before its object (`systemctl start docker`). */
const VERB_FIRST = new Set(['systemctl', 'service', 'kubectl']);

export function parseCommand(key: string): CommandParts | null {
  const words = normalizeAnswer(key)
    .split(' ')
    .filter((w) => w !== '' && !w.startsWith('-'));
  const [program, second, ...rest] = words;
  if (program === undefined || second === undefined) return null;
  if (VERB_FIRST.has(program)) return { program, verb: second, resource: rest.join(' ') };
  // `docker login`: a top-level command; its "resource" is the program itself.
  if (rest.length === 0) return { program, resource: '', verb: second };
  return { program, resource: second, verb: rest.join(' ') };
}

export function familyOf(card: Card): EntryFamily {
  switch (card.kind) {
    case 'command-meaning':
    case 'meaning-command':
      return 'command';
    case 'option-meaning':
    case 'meaning-option':
      return 'option';
    case 'fact':
      return 'fact';
  }
}

/** The entry id a card belongs to. */
export function entryIdOf(card: Card): string {
  const family = familyOf(card);
  return family === 'fact' ? `fact:${card.id}` : `${family}:${normalizeAnswer(card.key)}`;
}

function meaningOf(card: Card): Localized {
  if (card.kind === 'fact') return card.back;
  if (card.description) return card.description;
  return card.kind === 'command-meaning' || card.kind === 'option-meaning' ? card.back : card.front;
}

const indexCache = new WeakMap<readonly Card[], PoolIndex>();

/** Group a pool of cards into entries (cached per array: a quiz indexes its pool once). */
export function indexPool(cards: readonly Card[]): PoolIndex {
  const cached = indexCache.get(cards);
  if (cached) return cached;
  const byId = new Map<string, PoolEntry>();
  for (const card of cards) {
    const id = entryIdOf(card);
    let entry = byId.get(id);
    if (!entry) {
      const family = familyOf(card);
      entry = {
        id,
        family,
        key: card.key,
        sectionId: card.sectionId,
        order: card.order,
        cards: [],
        meaning: {},
        answers: new Set(family === 'fact' ? [] : [normalizeAnswer(card.key)]),
        confusable: new Set(),
        alsoRight: new Set(),
        notAlsoRight: new Set(),
        authored: family === 'fact' && isAuthoredQuestionKey(card.key),
        leans: { ja: false, en: false },
        notesOnly: false,
        creditCardId: card.id,
        parts: family === 'command' ? parseCommand(card.key) : null,
        normKey: normalizeAnswer(card.key),
        keyNorm: normalizeText(card.key),
        meaningText: { ja: '', en: '' },
        meaningNorm: { ja: '', en: '' },
      };
      byId.set(id, entry);
    }
    entry.cards.push(card);
    entry.order = Math.min(entry.order, card.order);
    // First card to give a language wins; the description field beats a front/back.
    const meaning = meaningOf(card);
    for (const [lang, text] of Object.entries(meaning) as [Lang, string | undefined][]) {
      if (text && (entry.meaning[lang] === undefined || card.description?.[lang] === text)) {
        entry.meaning[lang] = text;
      }
    }
    for (const answer of card.answers ?? []) if (entry.family !== 'fact') entry.answers.add(normalizeAnswer(answer));
    for (const other of card.confusableWith ?? []) entry.confusable.add(normalizeAnswer(other));
    for (const other of card.alsoRight ?? []) entry.alsoRight.add(normalizeAnswer(other));
    for (const other of card.notAlsoRight ?? []) entry.notAlsoRight.add(normalizeAnswer(other));
  }
  // Options the notes name beside an option row (`-a`, `--restart`): option questions draw them
  // (as keys) before falling back to commands.
  for (const entry of [...byId.values()]) {
    if (entry.family !== 'option') continue;
    for (const key of entry.confusable) {
      const id = `option:${key}`;
      if (!key.startsWith('-') || byId.has(id)) continue;
      byId.set(id, {
        ...entry,
        id,
        key,
        cards: [],
        meaning: {},
        meaningText: { ja: '', en: '' },
        meaningNorm: { ja: '', en: '' },
        answers: new Set([key]),
        confusable: new Set([entry.normKey]),
        alsoRight: new Set(),
        notAlsoRight: new Set(),
        authored: false,
        leans: { ja: false, en: false },
        normKey: key,
        keyNorm: normalizeText(key),
        notesOnly: true,
        creditCardId: '',
        order: entry.order + 0.5,
      });
    }
  }
  for (const entry of byId.values()) {
    for (const lang of LANGS) {
      entry.meaningText[lang] = localizedText(entry.meaning, lang);
      entry.meaningNorm[lang] = normalizeText(entry.meaningText[lang]);
      entry.leans[lang] = entry.family === 'fact' && leansOnContext(entry.meaningText[lang], lang) !== null;
    }
  }
  const factByKey = new Map([...byId.values()].filter((e) => e.family === 'fact').map((e) => [e.normKey, e]));
  const index = { entries: [...byId.values()].sort((a, b) => a.order - b.order), byId, factByKey };
  indexCache.set(cards, index);
  return index;
}

/**
 * Would choosing `candidate` also be right for a question on `right`? Rows: an alias, the same
 * meaning, or "also right" declared either way. Fact questions, where the deck's word is read one
 * way ("for q:a, q:b's answer is (not) right too"): declared also right, or the same answer text,
 * is right; declared not also right is wrong; where the deck says nothing, right (the safe side) if
 * the reverse is declared also right, if a chain of two "also right" leads to it, or if both are
 * authored questions of one section (one topic); else wrong. The compiler warns on each of those
 * gaps (domain/deck/check-relations.ts).
 */
export function isAlsoCorrect(right: PoolEntry, candidate: PoolEntry, lang: Lang, index?: PoolIndex): boolean {
  if (candidate.id === right.id) return true;
  const rightMeaning = right.meaningNorm[lang];
  const sameMeaning = rightMeaning !== '' && candidate.meaningNorm[lang] === rightMeaning;
  if (right.family === 'fact' && candidate.family === 'fact') {
    if (right.alsoRight.has(candidate.normKey) || sameMeaning) return true;
    if (right.notAlsoRight.has(candidate.normKey)) return false;
    if (candidate.alsoRight.has(right.normKey)) return true;
    for (const middle of right.alsoRight) if (index?.factByKey.get(middle)?.alsoRight.has(candidate.normKey)) return true;
    return right.authored && candidate.authored && right.sectionId === candidate.sectionId;
  }
  if (right.alsoRight.has(candidate.normKey) || candidate.alsoRight.has(right.normKey)) return true;
  if (right.family !== 'fact' && candidate.family !== 'fact') {
    for (const a of candidate.answers) if (right.answers.has(a)) return true;
  }
  return sameMeaning;
}

function tierOf(right: PoolEntry, candidate: PoolEntry): DistractorTier {
  if (right.confusable.has(candidate.normKey) || candidate.confusable.has(right.normKey)) return 'confusable';
  const a = right.parts;
  const b = candidate.parts;
  if (a && b && a.program === b.program) {
    const sameResource = a.resource === b.resource;
    const kin = verbKind(a.verb) === verbKind(b.verb);
    if (!sameResource && a.verb === b.verb) return 'same-verb';
    if (sameResource && kin) return 'same-resource-kin';
    if (kin) return 'kin-verb';
    if (sameResource) return 'same-resource';
  } else if (a && b && a.verb === b.verb) {
    return 'same-verb';
  }
  if (candidate.sectionId === right.sectionId) return 'same-section';
  return candidate.family === right.family ? 'same-family' : 'other-family';
}

/**
 * The grammatical shape of a fact's answer: a learner must not be able to pick the answer from
 * its grammar alone (なぜか -> 〜から, 何のためか -> 〜ため, "Can ...?" -> "Yes: ..."), so a fact
 * question only offers answers of the same shape. Parentheses and a final full stop are ignored.
 */
export function answerShape(text: string, lang: Lang): string {
  const t = normalizeText(text).replace(/\s*[(（][^()（）]*[)）]\s*$/u, '').replace(/[。.!！]$/u, '').trim();
  if (lang === 'ja') {
    if (/^(はい|いいえ|できる|できない)([。、,:：]|$)/u.test(t)) return 'yes-no';
    if (/ため(に)?$/u.test(t)) return 'purpose';
    if (/(から|ので)$/u.test(t)) return 'reason';
    if (/(できる|られる|せる|可能)$/u.test(t)) return 'ability';
    if (/(する|した|ない|う|く|す|つ|ぬ|ぶ|む|る)$/u.test(t)) return 'predicate';
    return 'noun';
  }
  const first = t.split(/[\s,:;]/)[0] ?? '';
  if (/^(yes|no)$/.test(first)) return 'yes-no';
  if (first === 'to') return 'purpose';
  if (/^(because|since|as)$/.test(first)) return 'reason';
  if (first === 'by') return 'means';
  return 'other';
}

/** Facts have no command structure: rank the ones of similar length first (same "shape" of answer). */
function lengthBucket(right: PoolEntry, candidate: PoolEntry, lang: Lang): number {
  const a = right.meaningText[lang].length;
  const b = candidate.meaningText[lang].length;
  const ratio = Math.min(a, b) / Math.max(a, b, 1);
  return ratio >= 0.66 ? 0 : ratio >= 0.33 ? 1 : 2;
}

/** The pool entry of a card (a card outside the pool gets an entry of its own). */
export function entryOf(card: Card, pool: readonly Card[]): PoolEntry | undefined {
  return indexPool(pool).byId.get(entryIdOf(card)) ?? indexPool([card]).entries[0];
}

/**
 * Usable distractors for the entry of `card`, best first, lazily: candidates are bucketed by
 * rank in one pass, and a bucket is shuffled only when reached (a question needs three). Facts
 * draw only from facts; commands and options from commands and options. Order inside a rank is
 * seeded, so different seeds vary which equally good distractors appear.
 */
export function* distractorCandidates(card: Card, pool: readonly Card[], seed: number, lang: Lang): Generator<RankedDistractor> {
  const index = indexPool(pool);
  const right = entryOf(card, pool);
  if (!right) return;
  const isFact = right.family === 'fact';
  const isOption = right.family === 'option';
  // "What does -d do?": choices are meanings, and a command's meaning gives itself away.
  const optionsOnly = card.kind === 'option-meaning';
  const shape = isFact ? answerShape(right.meaningText[lang], lang) : '';
  const buckets: RankedDistractor[][] = [];
  for (const entry of index.entries) {
    if ((entry.family === 'fact') !== isFact || isAlsoCorrect(right, entry, lang, index)) continue;
    if (isFact && entry.leans[lang]) continue; // its "it" would point at this question's subject
    if (entry.notesOnly && (!isOption || optionsOnly)) continue;
    if (optionsOnly && entry.family !== 'option') continue;
    if (isFact && answerShape(entry.meaningText[lang], lang) !== shape) continue;
    const tier = tierOf(right, entry);
    const t = DISTRACTOR_TIERS.indexOf(tier);
    const rank = isFact ? t * 3 + lengthBucket(right, entry, lang) : t;
    (buckets[rank] ??= []).push({ entry, tier });
  }
  const rng = mulberry32(deriveSeed(seed, 'distractors', card.id));
  for (const bucket of buckets) {
    if (bucket) yield* shuffle(bucket, rng);
  }
}

/** Every usable distractor for the entry of `card`, best first (see `distractorCandidates`). */
export function rankDistractors(card: Card, pool: readonly Card[], seed: number, lang: Lang): RankedDistractor[] {
  return [...distractorCandidates(card, pool, seed, lang)];
}
