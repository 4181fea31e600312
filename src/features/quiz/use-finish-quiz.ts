// Ending a quiz: the results show at once, and the result is saved to the history in the
// background; the save tells whether it is a new personal best. A failed save is reported to the
// shell's error banner and said on the results screen, never swallowed.
import { useCallback, useState } from 'react';
import { quizRepository, type SaveQuizResultOutcome } from '../../db';
import type { QuizSummary } from '../../domain/quiz/results';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import type { QuizPlan } from './quiz-plan';

export type SaveState = { status: 'saving' } | { status: 'saved'; outcome: SaveQuizResultOutcome } | { status: 'failed' };

export interface FinishedQuiz {
  id: string;
  plan: QuizPlan;
  summary: QuizSummary;
  save: SaveState;
}

export function useFinishQuiz(): {
  finished: FinishedQuiz | null;
  finish(plan: QuizPlan, summary: QuizSummary): void;
  clear(): void;
} {
  const [finished, setFinished] = useState<FinishedQuiz | null>(null);
  const clock = useClock();

  const finish = useCallback((plan: QuizPlan, summary: QuizSummary) => {
    const id = globalThis.crypto.randomUUID();
    setFinished({ id, plan, summary, save: { status: 'saving' } });
    const update = (save: SaveState) => setFinished((f) => (f && f.id === id ? { ...f, save } : f));
    quizRepository.save({
      id,
      mode: plan.modeKey,
      deckId: plan.deck.id,
      finishedAt: clock.now(),
      durationMs: summary.durationMs,
      score: summary.score,
      items: summary.items,
    }).then(
      (outcome) => update({ status: 'saved', outcome }),
      (error: unknown) => {
        reportAppError(error);
        update({ status: 'failed' });
      },
    );
  }, [clock]);

  const clear = useCallback(() => setFinished(null), []);
  return { finished, finish, clear };
}
