// One lesson as a hook: read its cards one by one (the card on screen is saved, so a reload
// resumes there), then the check; a pass completes the lesson and hands its cards to the daily
// review (one transaction, see src/db/onboarding.ts); a fail keeps what was missed for review.
import { useCallback, useEffect, useRef, useState } from 'react';
import { onboardingRepository } from '../../db';
import type { Deck, Lang } from '../../domain/deck/types';
import { buildLessonCheck, checkOutcome, introductionGrades, type CheckOutcome } from '../../domain/onboarding/check';
import type { Lesson } from '../../domain/onboarding/lessons';
import { nextLessonId, type OnboardingProgress } from '../../domain/onboarding/progress';
import { recordAnswer, type AnswerRecord } from '../../domain/quiz/answer-record';
import type { ChoiceQuestion } from '../../domain/quiz/questions';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import { useOnboardingWrites } from './use-onboarding';

export type LessonPhase =
  | { kind: 'intro'; cardIndex: number }
  /** `answered`: the choice made for the question on screen, whose feedback shows until advance(). */
  | { kind: 'check'; questions: ChoiceQuestion[]; index: number; records: AnswerRecord[]; answered: number | null }
  | { kind: 'result'; outcome: CheckOutcome; saving: boolean; introduced: number | null; failedToSave: boolean };

export interface LessonSession {
  phase: LessonPhase;
  /** Whether the lesson was complete when opened (re-reading does not move the resume point). */
  wasComplete: boolean;
  next(): void;
  previous(): void;
  startCheck(): void;
  choose(index: number): void;
  /** After the feedback: the next question, or the result after the last. */
  advance(): void;
  retry(): void;
  reread(): void;
}

export function useLesson(args: { deck: Deck; lessons: readonly Lesson[]; lesson: Lesson; progress: OnboardingProgress; lang: Lang }): LessonSession {
  const { deck, lessons, lesson, progress, lang } = args;
  const last = Math.max(0, lesson.items.length - 1);
  const [wasComplete] = useState(() => progress.completed.includes(lesson.id));
  const [phase, setPhaseState] = useState<LessonPhase>(() => ({
    kind: 'intro',
    cardIndex: progress.currentLessonId === lesson.id ? Math.min(progress.cardIndex, last) : 0,
  }));
  // The phase as of the last transition: key presses in quick succession must not answer twice.
  const phaseRef = useRef(phase);
  const setPhase = useCallback((next: LessonPhase) => {
    phaseRef.current = next;
    setPhaseState(next);
  }, []);
  const startedAt = useRef(performance.now());
  const shownAt = useRef(performance.now());
  const attempts = useRef(0);
  const clock = useClock();
  const { saveResume } = useOnboardingWrites(deck.id);

  const cardIndex = phase.kind === 'intro' ? phase.cardIndex : null;
  useEffect(() => {
    if (cardIndex !== null && !wasComplete) saveResume(lesson.id, cardIndex);
  }, [cardIndex, wasComplete, saveResume, lesson.id]);

  const finish = useCallback(
    (records: AnswerRecord[]) => {
      const outcome = checkOutcome(records);
      setPhase({ kind: 'result', outcome, saving: outcome.passed, introduced: null, failedToSave: false });
      if (!outcome.passed) return;
      onboardingRepository.completeLesson(
        deck.id,
        lesson.id,
        {
          score: outcome.score,
          total: outcome.total,
          durationMs: performance.now() - startedAt.current,
          attempts: attempts.current,
          grades: introductionGrades(lesson, records),
          nextLessonId: nextLessonId(lessons, lesson.id),
        },
        clock.now(),
      ).then(
        (r) => setPhase({ kind: 'result', outcome, saving: false, introduced: r.introduced, failedToSave: false }),
        (error: unknown) => {
          reportAppError(error);
          setPhase({ kind: 'result', outcome, saving: false, introduced: null, failedToSave: true });
        },
      );
    },
    [deck.id, lesson, lessons, setPhase, clock],
  );

  const startCheck = useCallback(() => {
    attempts.current += 1;
    // A fresh seed per attempt: a retry asks other questions (or the same ones in another order).
    const seed = (clock.now() + attempts.current) >>> 0;
    const questions = buildLessonCheck(deck, lesson, { seed, lang });
    shownAt.current = performance.now();
    if (questions.length === 0) finish([]);
    else setPhase({ kind: 'check', questions, index: 0, records: [], answered: null });
  }, [deck, lesson, lang, finish, setPhase, clock]);

  const next = useCallback(() => {
    const p = phaseRef.current;
    if (p.kind !== 'intro') return;
    if (p.cardIndex < last) setPhase({ kind: 'intro', cardIndex: p.cardIndex + 1 });
    else startCheck();
  }, [last, startCheck, setPhase]);

  const previous = useCallback(() => {
    const p = phaseRef.current;
    if (p.kind === 'intro' && p.cardIndex > 0) setPhase({ kind: 'intro', cardIndex: p.cardIndex - 1 });
  }, [setPhase]);

  // A choice shows whether it was right (and the right answer) before the next question.
  const choose = useCallback(
    (index: number) => {
      const p = phaseRef.current;
      if (p.kind !== 'check' || p.answered !== null) return;
      const question = p.questions[p.index];
      if (!question || index < 0 || index >= question.choices.length) return;
      const records = [...p.records, recordAnswer(question, index, shownAt.current, performance.now())];
      setPhase({ ...p, records, answered: index });
    },
    [setPhase],
  );

  const advance = useCallback(() => {
    const p = phaseRef.current;
    if (p.kind !== 'check' || p.answered === null) return;
    shownAt.current = performance.now();
    if (p.index + 1 < p.questions.length) setPhase({ ...p, index: p.index + 1, answered: null });
    else finish(p.records);
  }, [finish, setPhase]);

  const reread = useCallback(() => setPhase({ kind: 'intro', cardIndex: 0 }), [setPhase]);

  return { phase, wasComplete, next, previous, startCheck, choose, advance, retry: startCheck, reread };
}
