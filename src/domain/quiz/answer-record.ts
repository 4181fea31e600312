// One answered (or timed-out) question as the results screen and the history keep it: the
// learner's answer beside the right one, and when it was shown and answered (monotonic ms).
import { checkTypedAnswer, isScoredCorrect, type TypedAnswerResult } from './check-answer';
import type { Question } from './questions';
import type { QuizQuestionRecord } from '../events/types';

/** A choice index for a choice question, the typed text for a typed one. */
export type QuizResponse = number | string;

/** A recorded question (src/domain/events/types.ts QuizQuestionRecord) as this version writes it. */
export interface AnswerRecord extends QuizQuestionRecord {
  questionType: Question['type'];
  /** null: not answered (an exam question whose time ran out). */
  response: QuizResponse | null;
  /** For typed answers: the checker's verdict with the diff to show. */
  typed: TypedAnswerResult | null;
}

/** Thrown when a response does not fit the question (a program error, not a learner's). */
export class QuizResponseError extends Error {
  constructor(questionId: string, expected: string) {
    super(`Question ${questionId} takes ${expected}; pass that as the response.`);
    this.name = 'QuizResponseError';
  }
}

function rightAnswerOf(question: Question): string {
  return question.type === 'choice'
    ? (question.choices[question.correctIndex]?.text ?? '')
    : (question.answers[0] ?? '');
}

export function recordAnswer(question: Question, response: QuizResponse, shownAt: number, answeredAt: number): AnswerRecord {
  const base = {
    questionId: question.id,
    cardId: question.cardId,
    questionType: question.type,
    prompt: question.prompt,
    response,
    markedRightByUser: false,
    timedOut: false,
    shownAt,
    answeredAt,
    elapsedMs: Math.max(0, answeredAt - shownAt),
  };
  if (question.type === 'choice') {
    if (typeof response !== 'number') throw new QuizResponseError(question.id, 'a choice index (number)');
    return {
      ...base,
      yourAnswer: question.choices[response]?.text ?? null,
      rightAnswer: rightAnswerOf(question),
      correct: question.choices[response]?.correct === true,
      typed: null,
    };
  }
  if (typeof response !== 'string') throw new QuizResponseError(question.id, 'the typed text (string)');
  const typed = checkTypedAnswer(response, {
    key: question.answers[0] ?? '',
    answers: question.answers,
    ...(question.meaningFlags ? { meaningFlags: question.meaningFlags } : {}),
  });
  return {
    ...base,
    yourAnswer: typed.input,
    rightAnswer: typed.correct ? typed.expected : (question.answers[0] ?? typed.expected),
    correct: typed.correct,
    typed,
  };
}

/** A question left unanswered until its deadline: wrong. */
export function recordTimeout(question: Question, shownAt: number, deadline: number): AnswerRecord {
  return {
    questionId: question.id,
    cardId: question.cardId,
    questionType: question.type,
    prompt: question.prompt,
    response: null,
    yourAnswer: null,
    rightAnswer: rightAnswerOf(question),
    correct: false,
    markedRightByUser: false,
    timedOut: true,
    shownAt,
    answeredAt: deadline,
    elapsedMs: Math.max(0, deadline - shownAt),
    typed: null,
  };
}

/** "I was right" on one record (only meaningful for a typed answer the checker rejected). */
export function overrideRecord(records: readonly AnswerRecord[], index: number): AnswerRecord[] {
  return records.map((r, i) =>
    i === index && r.response !== null
      ? { ...r, markedRightByUser: true, typed: r.typed ? { ...r.typed, markedRightByUser: true } : null }
      : r,
  );
}

export function isRecordCorrect(record: AnswerRecord): boolean {
  return isScoredCorrect(record);
}
