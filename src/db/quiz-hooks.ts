// Live reads of the quiz history for components (undefined while loading). Writes go through
// src/db/quiz-results.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import type { QuizModeKey } from '../domain/quiz/results';
import { getDb } from './database';
import type { QuizResult } from '../domain/quiz/results';
import { getPersonalBest, listQuizResults, type QuizResultFilter } from './quiz-results';

/** Stored quiz results, newest first; follows writes from this and other tabs. */
export function useQuizResults(filter: QuizResultFilter = {}): QuizResult[] | undefined {
  const { mode, deckId, limit } = filter;
  return useLiveQuery(
    () =>
      listQuizResults(getDb(), {
        ...(mode !== undefined ? { mode } : {}),
        ...(deckId !== undefined ? { deckId } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
    [mode, deckId, limit],
  );
}

/** The personal best of a mode and deck: null when there is none yet, undefined while loading. */
export function usePersonalBest(mode: QuizModeKey, deckId: string): QuizResult | null | undefined {
  return useLiveQuery(async () => (await getPersonalBest(getDb(), mode, deckId)) ?? null, [mode, deckId]);
}
