// A whole quiz from a deck or a set of cards: seeded rounds over every askable (card, question
// type), each command, option or fact asked once per round, fewer choices than two skipped. One
// question is built by ./questions.ts.
import type { Card, Deck, FlaggedAnswer, Lang } from '../deck/types';
import { entryIdOf } from './distractors';
import {
  buildChoiceQuestion,
  canAskAsChoice,
  buildFlaggedQuestion,
  buildTypedQuestion,
  isQuizSafe,
  isTypedEligible,
  MIN_CHOICES,
  type Question,
  type QuizType,
} from './questions';
import { deriveSeed, mulberry32, shuffle } from './random';

export type QuizSource = { deck: Deck } | { cards: readonly Card[]; pool?: readonly Card[] };

/** What a quiz asks about: the cards (a deck, some of its sections) and the question type. */
export type QuizScope = QuizSource & {
  /** Only cards of these sections are asked (distractors still come from the whole pool). */
  sectionIds?: readonly string[];
  type: QuizType;
  lang: Lang;
};

export type BuildQuizOptions = QuizScope & {
  count: number;
  seed: number;
  /** At most this many rounds over the cards (default: as many as `count` needs, a sprint's way).
   * A practice quiz asks one: each question at most once, never a silent repeat. */
  maxRounds?: number;
};

interface Item {
  card: Card;
  type: 'choice' | 'typed';
  /** A typed question on the row with these flags added. */
  flagged?: FlaggedAnswer;
  /** Questions on the same command (its two directions) are spread apart. */
  group: string;
}

/**
 * A quiz of `count` questions. Each round is a seeded shuffle of every askable (card, type);
 * within a round a command/option/fact is asked once before any of them is asked again (so a
 * 20-question quiz never asks `docker volume prune` both ways). When `count` exceeds what one
 * round holds (a sprint), rounds repeat with fresh shuffles. In `mixed`, each card may come as
 * either type. Cards that cannot make a question with at least two distinct choices are asked
 * typed when possible (mixed) or skipped (choice). Returns fewer than `count` only when nothing is
 * askable, or when `maxRounds` rounds hold fewer.
 */
function sourceOf(options: QuizScope): { cards: readonly Card[]; pool: readonly Card[] } {
  const allCards = 'deck' in options ? options.deck.cards : options.cards;
  const pool = 'deck' in options ? options.deck.cards : (options.pool ?? options.cards);
  const sections = options.sectionIds && options.sectionIds.length > 0 ? new Set(options.sectionIds) : null;
  return { cards: sections ? allCards.filter((c) => sections.has(c.sectionId)) : allCards, pool };
}

function itemsOf(cards: readonly Card[], type: QuizType): Item[] {
  const items: Item[] = [];
  for (const card of cards) {
    if (!isQuizSafe(card)) continue;
    const group = entryIdOf(card);
    if (type !== 'choice' && isTypedEligible(card)) {
      items.push({ card, type: 'typed', group });
      for (const flagged of card.flagged ?? []) items.push({ card, type: 'typed', group, flagged });
    }
    if (type !== 'typed') items.push({ card, type: 'choice', group });
  }
  return items;
}

/** How many different questions one round asks (what a practice quiz can ask without repeating). */
export function askableCount(options: QuizScope): number {
  const { cards, pool } = sourceOf(options);
  return itemsOf(cards, options.type).filter((item) => item.type === 'typed' || canAskAsChoice(item.card, pool, options.lang)).length;
}

export function buildQuiz(options: BuildQuizOptions): Question[] {
  const { type, seed, lang } = options;
  const count = Math.max(0, Math.floor(options.count));
  const maxRounds = options.maxRounds ?? Infinity;
  const { cards, pool } = sourceOf(options);

  const items = itemsOf(cards, type);
  if (items.length === 0 || count === 0) return [];

  // Whether a card gives a choice question is learned when it is first drawn, so a large deck
  // costs in proportion to the questions asked, not to its size squared.
  const noChoice = new Set<string>();
  const questions: Question[] = [];
  let previousGroup: string | null = null;
  for (let round = 0; questions.length < count && round < maxRounds; round++) {
    const shuffled = shuffle(items, mulberry32(deriveSeed(seed, 'round', round)));
    const first: Item[] = [];
    const later: Item[] = [];
    const used = new Set<string>();
    for (const item of shuffled) {
      if (used.has(item.group)) later.push(item);
      else {
        used.add(item.group);
        first.push(item);
      }
    }
    // Don't open a round with what closed the previous one.
    if (first.length > 1 && first[0]?.group === previousGroup) first.push(first.shift() as Item);
    const before = questions.length;
    for (const item of [...first, ...later]) {
      if (questions.length >= count) break;
      const id = `q${questions.length}:${item.card.id}`;
      let question: Question;
      if (item.type === 'typed') {
        question = item.flagged ? buildFlaggedQuestion(item.card, item.flagged, { lang, id }) : buildTypedQuestion(item.card, { lang, id, pool });
      } else {
        if (noChoice.has(item.card.id)) continue;
        question = buildChoiceQuestion(item.card, pool, deriveSeed(seed, 'question', questions.length), { lang, id });
        if (question.choices.length < MIN_CHOICES) {
          noChoice.add(item.card.id);
          continue;
        }
      }
      questions.push(question);
      previousGroup = item.group;
    }
    if (questions.length === before) break; // nothing askable
  }
  return questions;
}
