// The timed quiz as a pure state machine over monotonic timestamps (performance.now() values
// passed in). Remaining time is always deadline - t, never a decremented counter, so nothing
// drifts; a hidden tab that stops timers just means the next tick catches up on every deadline.
import { recordAnswer, recordTimeout, type AnswerRecord, type QuizResponse } from './answer-record';
import type { Question } from './questions';

export type TimedShape = 'sprint' | 'exam';

export interface TimedShapeRules {
  /** Whole-quiz time limit (sprint). */
  totalMs: number | null;
  /** Per-question limit, counted from when the question is shown (exam). */
  perQuestionMs: number | null;
  /** Questions asked (exam); a sprint asks until time runs out. */
  questionCount: number | null;
}

export const TIMED_SHAPES: Readonly<Record<TimedShape, TimedShapeRules>> = {
  sprint: { totalMs: 60_000, perQuestionMs: null, questionCount: null },
  exam: { totalMs: null, perQuestionMs: 15_000, questionCount: 20 },
};

export interface TimedQuizState {
  shape: TimedShape;
  questions: readonly Question[];
  startedAt: number;
  /** Index of the question on screen (== records.length while running). */
  index: number;
  /** When the current question was shown: for a question that followed a timeout, that deadline. */
  shownAt: number;
  records: AnswerRecord[];
  finishedAt: number | null;
  /** Latest timestamp seen: an earlier t (should not happen with a monotonic clock) is clamped. */
  lastT: number;
}

export interface TimedTick {
  state: TimedQuizState;
  /** Sprint: until the end of the quiz; exam: until the current question's deadline. 0 when finished. */
  remainingMs: number;
  /** Questions that ran out of time in this tick (several after a long hidden tab). */
  expired: AnswerRecord[];
  finished: boolean;
  current: Question | null;
}

/**
 * Start at monotonic time `t0`. An exam asks the first 20 questions (fewer if fewer are given);
 * a sprint asks until 60 s are up or the questions run out, so give it a long list
 * (`buildQuiz` repeats the deck for a large `count`).
 */
export function startTimedQuiz(shape: TimedShape, questions: readonly Question[], t0: number): TimedQuizState {
  const limit = TIMED_SHAPES[shape].questionCount;
  const asked = limit === null ? questions : questions.slice(0, limit);
  return {
    shape,
    questions: asked,
    startedAt: t0,
    index: 0,
    shownAt: t0,
    records: [],
    finishedAt: asked.length === 0 ? t0 : null,
    lastT: t0,
  };
}

/** The current deadline: the sprint's end, or the exam question's. A time t is late when t >= deadline. */
export function deadlineOf(state: TimedQuizState): number {
  const rules = TIMED_SHAPES[state.shape];
  return rules.totalMs !== null ? state.startedAt + rules.totalMs : state.shownAt + (rules.perQuestionMs ?? 0);
}

export function currentQuestion(state: TimedQuizState): Question | null {
  return state.finishedAt === null ? (state.questions[state.index] ?? null) : null;
}

/** Advance to time t: expire every deadline that passed, finish when due. */
export function tick(state: TimedQuizState, t: number): TimedTick {
  const now = Math.max(t, state.lastT);
  let next: TimedQuizState = { ...state, lastT: now };
  const expired: AnswerRecord[] = [];
  if (next.finishedAt === null) {
    if (next.shape === 'sprint') {
      // The question on screen when time runs out is not counted: it was never fully available.
      const end = deadlineOf(next);
      if (now >= end) next = { ...next, finishedAt: end };
    } else {
      let records = next.records;
      let index = next.index;
      let shownAt = next.shownAt;
      let deadline = deadlineOf(next);
      while (index < next.questions.length && now >= deadline) {
        const record = recordTimeout(next.questions[index] as Question, shownAt, deadline);
        expired.push(record);
        records = [...records, record];
        index++;
        shownAt = deadline; // the next question was due on screen at that moment
        deadline = shownAt + (TIMED_SHAPES.exam.perQuestionMs ?? 0);
      }
      next = {
        ...next,
        records,
        index,
        shownAt,
        finishedAt: index >= next.questions.length ? shownAt : null,
      };
    }
  }
  const finished = next.finishedAt !== null;
  return {
    state: next,
    remainingMs: finished ? 0 : Math.max(0, deadlineOf(next) - now),
    expired,
    finished,
    current: currentQuestion(next),
  };
}

/**
 * Answer the question on screen at time t. Deadlines that passed before t are applied first. A
 * late answer never counts (exactly at the deadline is late) and is dropped: it was meant for the
 * question that just expired, not for the one that replaced it, which the learner has not seen.
 * After the finish it is ignored.
 */
export function answer(state: TimedQuizState, response: QuizResponse, t: number): TimedQuizState {
  const { state: caught, expired } = tick(state, t);
  const question = currentQuestion(caught);
  if (!question || expired.length > 0) return caught;
  const now = caught.lastT;
  const record = recordAnswer(question, response, caught.shownAt, now);
  const index = caught.index + 1;
  return {
    ...caught,
    records: [...caught.records, record],
    index,
    shownAt: now,
    finishedAt: index >= caught.questions.length ? now : null,
  };
}
