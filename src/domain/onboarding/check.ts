// The check at the end of a lesson: a few seeded multiple-choice questions on that lesson's cards
// (distractors from the whole deck), the pass rule, and the first rating each card gets when the
// lesson is passed and its cards go to the daily review.
import type { Card, Deck, Lang } from '../deck/types';
import { isRecordCorrect, type AnswerRecord } from '../quiz/answer-record';
import { type ChoiceQuestion } from '../quiz/questions';
import { buildQuiz } from '../quiz/build-quiz';
import { RATING, type Grade } from '../scheduler/types';
import type { Lesson } from './lessons';

/** Questions in a check (fewer when the lesson has fewer items: one question per item). */
export const CHECK_SIZE = 5;
/** A check passes at 80 % or more. */
export const PASS_RATIO = 0.8;

export interface LessonCheckOptions {
  seed: number;
  lang: Lang;
  count?: number;
}

/**
 * One question per command/option/fact of the lesson (never both directions of one command), up
 * to CHECK_SIZE, through the quiz engine; distractors come from the whole deck.
 */
export function buildLessonCheck(deck: Deck, lesson: Lesson, options: LessonCheckOptions): ChoiceQuestion[] {
  const count = Math.min(options.count ?? CHECK_SIZE, lesson.items.length);
  return buildQuiz({ cards: lesson.cards, pool: deck.cards, type: 'choice', count, seed: options.seed, lang: options.lang }).filter(
    (q): q is ChoiceQuestion => q.type === 'choice',
  );
}

/** Whether `score` of `total` passes (an empty check passes: nothing could be asked). */
export function isPassing(score: number, total: number): boolean {
  if (total <= 0) return true;
  // Integer comparison: 4/5 is exactly 80 % and passes, with no floating-point doubt.
  return score * 10 >= total * (PASS_RATIO * 10);
}

export interface CheckOutcome {
  score: number;
  total: number;
  /** 0..100, rounded. */
  percent: number;
  passed: boolean;
  /** The questions answered wrongly: question, your answer, the right one. */
  missed: AnswerRecord[];
}

export function checkOutcome(records: readonly AnswerRecord[]): CheckOutcome {
  const score = records.filter(isRecordCorrect).length;
  const total = records.length;
  return {
    score,
    total,
    percent: total === 0 ? 100 : Math.round((score / total) * 100),
    passed: isPassing(score, total),
    missed: records.filter((r) => !isRecordCorrect(r)),
  };
}

export interface CardGrade {
  cardId: string;
  grade: Grade;
  /** Time spent answering the card in the check (0 for a card read but not asked). */
  durationMs: number;
}

/**
 * The first rating of every card of a passed lesson: Again for each card of a command/option/fact
 * answered wrongly in the check (both directions: they are one thing to learn), Good for the rest,
 * asked or not (they were read in the lesson).
 */
export function introductionGrades(lesson: Lesson, records: readonly AnswerRecord[]): CardGrade[] {
  const keyOf = new Map<string, string>();
  for (const item of lesson.items) for (const card of item.cards) keyOf.set(card.id, item.key);
  const wrongKeys = new Set<string>();
  const elapsed = new Map<string, number>();
  for (const r of records) {
    const key = keyOf.get(r.cardId);
    if (key !== undefined && !isRecordCorrect(r)) wrongKeys.add(key);
    elapsed.set(r.cardId, (elapsed.get(r.cardId) ?? 0) + r.elapsedMs);
  }
  return lesson.cards.map((card: Card) => ({
    cardId: card.id,
    grade: wrongKeys.has(card.key) ? RATING.again : RATING.good,
    durationMs: elapsed.get(card.id) ?? 0,
  }));
}
