// An untimed practice quiz: one question at a time, feedback after each answer ("I was right"
// can overrule the checker), Next, and the summary once the last question is done.
import { useCallback, useRef, useState } from 'react';
import { overrideRecord, recordAnswer, type AnswerRecord, type QuizResponse } from '../../domain/quiz/answer-record';
import type { Question } from '../../domain/quiz/questions';
import { summarizeRecords, type QuizSummary } from '../../domain/quiz/results';

export interface PracticeQuiz {
  index: number;
  current: Question | null;
  /** The answer to the question on screen, once given (feedback shows). */
  record: AnswerRecord | null;
  isLast: boolean;
  answer(response: QuizResponse): void;
  /** "I was right" for the answer on screen. */
  override(): void;
  next(): void;
}

export function usePracticeQuiz(questions: readonly Question[], onFinish: (summary: QuizSummary) => void): PracticeQuiz {
  const [index, setIndex] = useState(0);
  const [records, setRecords] = useState<AnswerRecord[]>([]);
  // A question's clock starts when it is shown: at mount for the first, on Next for the others.
  const [startedAt] = useState(() => performance.now());
  const [shownAt, setShownAt] = useState(startedAt);
  const finished = useRef(false);

  const current = questions[index] ?? null;
  const record = records[index] ?? null;

  const answer = useCallback(
    (response: QuizResponse) => {
      if (!current || records.length > index) return;
      const now = performance.now();
      setRecords([...records, recordAnswer(current, response, shownAt, now)]);
    },
    [current, records, index, shownAt],
  );

  const override = useCallback(() => {
    if (records.length > index) setRecords(overrideRecord(records, index));
  }, [records, index]);

  const next = useCallback(() => {
    if (records.length <= index || finished.current) return;
    if (index + 1 >= questions.length) {
      finished.current = true;
      onFinish(summarizeRecords(records, performance.now() - startedAt));
      return;
    }
    setShownAt(performance.now());
    setIndex(index + 1);
  }, [records, index, questions.length, onFinish, startedAt]);

  return { index, current, record, isLast: index + 1 >= questions.length, answer, override, next };
}
