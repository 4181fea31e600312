// One quiz question: multiple choice in both directions, fact questions and typed answers,
// deterministic for a given seed (a whole quiz is ./build-quiz.ts). Questions carry the text to
// show (in one language) and the card ids they come from, so feedback can show the card's note
// and correction. The texts are the deck's corrected meanings (the compiler puts `## Meanings` in place of the
// memo's words), and a fact whose only answer is a corrected memo line is not asked.
import type { Card, FlaggedAnswer, Lang } from '../deck/types';
import { distractorCandidates, entryOf, type DistractorTier, type PoolEntry } from './distractors';
import { normalizeText } from './normalize';
import { deriveSeed, mulberry32, randomInt, shuffle } from './random';
import { localizedText } from '../deck/localized';
import { frontIn } from '../deck/prompts';

export type QuizType = 'choice' | 'typed' | 'mixed';

/** Choices per question when the pool has enough distinct ones. */
export const CHOICE_COUNT = 4;
/** A question with fewer distinct choices than this tests nothing and is not asked. */
export const MIN_CHOICES = 2;

/**
 * - meaning-to-key: a description, choose the command/option (meaning-command, meaning-option);
 * - key-to-meaning: a command/option, choose what it does (command-meaning, option-meaning);
 * - fact: a fact card's question, choose its answer among other facts' answers.
 */
export type ChoiceDirection = 'meaning-to-key' | 'key-to-meaning' | 'fact';

/** Whether a text is a command/option (show it as code) or prose. */
export type TextKind = 'code' | 'text';

export interface Choice {
  text: string;
  /** The card the text comes from (the right card for the correct choice); '' for an option
   * the deck's notes name but no row defines (`-a` beside `-d`). */
  cardId: string;
  correct: boolean;
  /** For distractors, why it was picked; null for the correct choice. */
  tier: DistractorTier | null;
}

export interface ChoiceQuestion {
  type: 'choice';
  id: string;
  cardId: string;
  deckId: string;
  direction: ChoiceDirection;
  prompt: string;
  promptKind: TextKind;
  choiceKind: TextKind;
  /** 2 to 4 distinct (normalized) texts; exactly one correct. */
  choices: Choice[];
  correctIndex: number;
}

export interface TypedQuestion {
  type: 'typed';
  id: string;
  cardId: string;
  deckId: string;
  prompt: string;
  /**
   * Every accepted answer, canonical first: the card's `answers` (else its key), then those of the
   * rows the deck declares also right for it (`docker container run` for "creates a container").
   */
  answers: string[];
  /**
   * Flags that change the answer's meaning (`-a` on "lists running containers": then it lists
   * every container): the command with them is wrong, with a hint. From the row's `## Flags`.
   */
  meaningFlags?: string[];
  /** A `## Flags` question: the flags it asks for on top of the row's command (`-a`). */
  flags?: string;
}

export type Question = ChoiceQuestion | TypedQuestion;

export interface ChoiceQuestionOptions {
  /** Language of prompt and choices; default: the card's first language. */
  lang?: Lang;
  /** Question id; default `<card id>:choice`. */
  id?: string;
}

function directionOf(card: Card): ChoiceDirection {
  switch (card.kind) {
    case 'meaning-command':
    case 'meaning-option':
      return 'meaning-to-key';
    case 'command-meaning':
    case 'option-meaning':
      return 'key-to-meaning';
    case 'fact':
      return 'fact';
  }
}

function defaultLang(card: Card): Lang {
  return (Object.keys(card.front)[0] as Lang | undefined) ?? 'ja';
}

function entryText(entry: PoolEntry, direction: ChoiceDirection, lang: Lang): { text: string; norm: string } {
  return direction === 'meaning-to-key'
    ? { text: entry.key, norm: entry.keyNorm }
    : { text: entry.meaningText[lang], norm: entry.meaningNorm[lang] };
}

/** Among an entry's cards, the one of the same kind as the question (feedback shows that card). */
function cardIdFor(entry: PoolEntry, kind: Card['kind']): string {
  return (entry.cards.find((c) => c.kind === kind) ?? entry.cards[0])?.id ?? entry.creditCardId;
}

/**
 * Whether a card can be asked without teaching an error: a fact card of a corrected bullet is
 * asked only when its answer was written for it (an authored question), not when the answer is
 * the memo's own line or a blank in it.
 */
export function isQuizSafe(card: Card): boolean {
  if (card.kind !== 'fact' || !card.correction) return true;
  if (!card.key.startsWith('q:') && !card.key.includes('?')) return false;
  const answer = normalizeText(localizedText(card.back, 'ja')) + normalizeText(localizedText(card.back, 'en'));
  const line = normalizeText(localizedText(card.memo ?? card.note, 'ja')) + normalizeText(localizedText(card.memo ?? card.note, 'en'));
  return answer !== line;
}

function correctTextOf(card: Card, pool: readonly Card[], direction: ChoiceDirection, lang: Lang): string {
  if (direction === 'fact') return localizedText(card.back, lang);
  if (direction === 'meaning-to-key') return card.key;
  return entryOf(card, pool)?.meaningText[lang] ?? localizedText(card.back, lang);
}

/** Whether the pool gives this card at least one distractor (so a question of two or more choices). */
export function canAskAsChoice(card: Card, pool: readonly Card[], lang: Lang): boolean {
  const direction = directionOf(card);
  const correct = normalizeText(correctTextOf(card, pool, direction, lang));
  for (const { entry } of distractorCandidates(card, pool, 0, lang)) {
    const { norm } = entryText(entry, direction, lang);
    if (norm !== '' && norm !== correct) return true;
  }
  return false;
}

/**
 * A multiple-choice question on one card. `pool` supplies distractors (e.g. the whole deck while
 * the questions come from one lesson); the card itself need not be in it. Gives up to four
 * distinct choices: a pool too small for four yields fewer, never duplicates.
 */
export function buildChoiceQuestion(
  card: Card,
  pool: readonly Card[],
  seed: number,
  options: ChoiceQuestionOptions = {},
): ChoiceQuestion {
  const lang = options.lang ?? defaultLang(card);
  const direction = directionOf(card);
  const correctText = correctTextOf(card, pool, direction, lang);
  const prompt =
    direction === 'meaning-to-key'
      ? localizedText(card.description ?? card.front, lang)
      : direction === 'key-to-meaning'
        ? card.key
        : localizedText(frontIn(card, lang), lang);

  const seen = new Set([normalizeText(correctText)]);
  const distractors: Choice[] = [];
  for (const { entry, tier } of distractorCandidates(card, pool, seed, lang)) {
    if (distractors.length >= CHOICE_COUNT - 1) break;
    const { text, norm } = entryText(entry, direction, lang);
    if (norm === '' || seen.has(norm)) continue;
    seen.add(norm);
    distractors.push({ text, cardId: cardIdFor(entry, card.kind), correct: false, tier });
  }

  const rng = mulberry32(deriveSeed(seed, 'choices', card.id));
  const choices = shuffle(distractors, rng);
  const correctIndex = randomInt(rng, choices.length + 1);
  choices.splice(correctIndex, 0, { text: correctText, cardId: card.id, correct: true, tier: null });
  const codeChoices = direction === 'meaning-to-key';
  return {
    type: 'choice',
    id: options.id ?? `${card.id}:choice`,
    cardId: card.id,
    deckId: card.deckId,
    direction,
    prompt,
    promptKind: direction === 'key-to-meaning' ? 'code' : 'text',
    choiceKind: codeChoices ? 'code' : 'text',
    choices,
    correctIndex,
  };
}

/** Cards that can be asked as typed answers: the ones asking for a command or option. */
export function isTypedEligible(card: Card): boolean {
  return (card.kind === 'meaning-command' || card.kind === 'meaning-option') && card.key.trim() !== '';
}

/** The flags a `## Flags` entry adds to its row (`docker container ls -a` -> `-a`). */
function addedFlags(card: Card, flagged: FlaggedAnswer): string {
  return flagged.answer.slice(card.key.length).trim();
}

export interface TypedQuestionOptions extends ChoiceQuestionOptions {
  /** The deck's cards: rows declared also right for this one are accepted too (as in choice questions). */
  pool?: readonly Card[];
}

export function buildTypedQuestion(card: Card, options: TypedQuestionOptions = {}): TypedQuestion {
  const lang = options.lang ?? defaultLang(card);
  const answers = card.answers && card.answers.length > 0 ? [...card.answers] : [card.key];
  // A choice question never offers an also-right row as wrong; the typed question accepts it.
  for (const key of card.alsoRight ?? []) {
    const row = options.pool?.find((c) => c.key === key && c.kind === card.kind);
    for (const answer of row ? (row.answers ?? [row.key]) : []) if (!answers.includes(answer)) answers.push(answer);
  }
  const meaningFlags = (card.flagged ?? []).flatMap((f) => [addedFlags(card, f), ...f.spellings]);
  return {
    type: 'typed',
    id: options.id ?? `${card.id}:typed`,
    cardId: card.id,
    deckId: card.deckId,
    prompt: localizedText(card.description ?? card.front, lang),
    answers,
    ...(meaningFlags.length > 0 ? { meaningFlags } : {}),
  };
}

/**
 * A typed question on a row with flags added (`## Flags`): the prompt asks for what the flags
 * do, so the row's command without them is a near miss (the checker hints at the missing flag).
 */
export function buildFlaggedQuestion(card: Card, flagged: FlaggedAnswer, options: ChoiceQuestionOptions = {}): TypedQuestion {
  const lang = options.lang ?? defaultLang(card);
  const flags = addedFlags(card, flagged);
  const rowAnswers = card.answers && card.answers.length > 0 ? card.answers : [card.key];
  const answers = [flagged.answer];
  const add = (a: string): void => {
    if (!answers.includes(a)) answers.push(a);
  };
  for (const a of rowAnswers) add(`${a} ${flags}`);
  for (const spelling of flagged.spellings) add(`${card.key} ${spelling}`);
  return {
    type: 'typed',
    id: options.id ?? `${card.id}:typed:${flags}`,
    cardId: card.id,
    deckId: card.deckId,
    prompt: localizedText(flagged.meaning, lang),
    answers,
    flags,
  };
}

/** Whether a choice index answers a choice question rightly. */
export function isCorrectChoice(question: ChoiceQuestion, index: number): boolean {
  return question.choices[index]?.correct === true;
}

