// A timed quiz (sprint or exam) over the pure engine: the state advances on a 250 ms interval and
// whenever the tab becomes visible again, always from performance.now(), so a hidden tab neither
// stops the clock nor lets it drift. No feedback pause: the next question shows at once and a
// short marker says how the previous one went.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AnswerRecord, QuizResponse } from '../../domain/quiz/answer-record';
import type { Question } from '../../domain/quiz/questions';
import { summarizeTimedQuiz, type QuizSummary } from '../../domain/quiz/results';
import { answer, currentQuestion, startTimedQuiz, tick, type TimedQuizState, type TimedShape } from '../../domain/quiz/timed-quiz';

export const TICK_MS = 250;

interface TimedView {
  quiz: TimedQuizState;
  remainingMs: number;
  /** How the last question went (answered or timed out); null before the first. */
  marker: { record: AnswerRecord; number: number } | null;
}

type Action = { type: 'tick'; t: number } | { type: 'answer'; response: QuizResponse; t: number };

function markerOf(records: readonly AnswerRecord[], from: number, previous: TimedView['marker']): TimedView['marker'] {
  if (records.length <= from) return previous;
  const record = records[records.length - 1] as AnswerRecord;
  return { record, number: records.length };
}

function reducer(view: TimedView, action: Action): TimedView {
  if (action.type === 'tick') {
    const result = tick(view.quiz, action.t);
    return { quiz: result.state, remainingMs: result.remainingMs, marker: markerOf(result.state.records, view.quiz.records.length, view.marker) };
  }
  const quiz = answer(view.quiz, action.response, action.t);
  return { quiz, remainingMs: tick(quiz, action.t).remainingMs, marker: markerOf(quiz.records, view.quiz.records.length, view.marker) };
}

function init({ shape, questions }: { shape: TimedShape; questions: readonly Question[] }): TimedView {
  const quiz = startTimedQuiz(shape, questions, performance.now());
  return { quiz, remainingMs: tick(quiz, quiz.startedAt).remainingMs, marker: null };
}

export interface TimedQuiz {
  current: Question | null;
  /** 0-based index of the question on screen. */
  index: number;
  /** Questions asked in all (an exam); null for a sprint. */
  total: number | null;
  remainingMs: number;
  finished: boolean;
  marker: TimedView['marker'];
  answer(response: QuizResponse): void;
}

export function useTimedQuiz(shape: TimedShape, questions: readonly Question[], onFinish: (summary: QuizSummary) => void): TimedQuiz {
  const [view, dispatch] = useReducer(reducer, { shape, questions }, init);
  const finished = view.quiz.finishedAt !== null;

  useEffect(() => {
    if (finished) return;
    const update = () => dispatch({ type: 'tick', t: performance.now() });
    const timer = setInterval(update, TICK_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') update();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [finished]);

  const reported = useRef(false);
  useEffect(() => {
    if (finished && !reported.current) {
      reported.current = true;
      onFinish(summarizeTimedQuiz(view.quiz));
    }
  }, [finished, view.quiz, onFinish]);

  const respond = useCallback((response: QuizResponse) => dispatch({ type: 'answer', response, t: performance.now() }), []);

  return {
    current: currentQuestion(view.quiz),
    index: view.quiz.index,
    total: shape === 'exam' ? view.quiz.questions.length : null,
    remainingMs: view.remainingMs,
    finished,
    marker: view.marker,
    answer: respond,
  };
}
