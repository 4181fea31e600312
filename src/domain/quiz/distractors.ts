// Distractor ranking: wrong choices a learner could really confuse with the right one, and never
// one that is also right (an alias of the answer, or another card with the same description).
import { LANGS, type Card, type Lang, type Localized } from '../deck/types';
import { localize, normalizeAnswer, normalizeText } from './normalize';
import { deriveSeed, mulberry32, shuffle } from './random';

export type EntryFamily = 'command' | 'option' | 'fact';

/**
 * Best first. A distractor's tier is the first that applies:
 * - confusable: listed in either card's `confusableWith` (the deck author's known pairs);
 * - same-resource: same program and resource (`docker volume rm` for `docker volume prune`);
 * - same-verb: same verb on another resource (`docker network prune` for `docker volume prune`);
 * - same-section: from the same section of the memo;
 * - same-family: anywhere in the deck, same family (a command for a command, an option for an option);
 * - other-family: a command offered for an option question (only when options run out).
 */
export const DISTRACTOR_TIERS = [
  'confusable',
  'same-resource',
  'same-verb',
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
  /** Normalised accepted answers (with the key itself), for "is this also right?". */
  answers: Set<string>;
  /** Normalised keys this entry is confused with. */
  confusable: Set<string>;
  parts: CommandParts | null;
}

export interface PoolIndex {
  entries: PoolEntry[];
  byId: Map<string, PoolEntry>;
}

export interface RankedDistractor {
  entry: PoolEntry;
  tier: DistractorTier;
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
  }
  for (const entry of byId.values()) {
    for (const lang of LANGS) {
      entry.meaningText[lang] = localize(entry.meaning, lang);
      entry.meaningNorm[lang] = normalizeText(entry.meaningText[lang]);
    }
  }
  const index = { entries: [...byId.values()].sort((a, b) => a.order - b.order), byId };
  indexCache.set(cards, index);
  return index;
}

/** Would choosing `candidate` also be right for a question on `right`? */
export function isAlsoCorrect(right: PoolEntry, candidate: PoolEntry, lang: Lang): boolean {
  if (candidate.id === right.id) return true;
  if (right.family !== 'fact' && candidate.family !== 'fact') {
    for (const a of candidate.answers) if (right.answers.has(a)) return true;
  }
  const rightMeaning = right.meaningNorm[lang];
  return rightMeaning !== '' && candidate.meaningNorm[lang] === rightMeaning;
}

function tierOf(right: PoolEntry, candidate: PoolEntry): DistractorTier {
  if (right.confusable.has(candidate.normKey) || candidate.confusable.has(right.normKey)) return 'confusable';
  const a = right.parts;
  const b = candidate.parts;
  if (a && b) {
    if (a.program === b.program && a.resource === b.resource) return 'same-resource';
    if (a.verb === b.verb) return 'same-verb';
  }
  if (candidate.sectionId === right.sectionId) return 'same-section';
  return candidate.family === right.family ? 'same-family' : 'other-family';
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
  const buckets: RankedDistractor[][] = [];
  for (const entry of index.entries) {
    if ((entry.family === 'fact') !== isFact || isAlsoCorrect(right, entry, lang)) continue;
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
