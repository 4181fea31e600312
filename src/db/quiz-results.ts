// Quiz history: one row per finished quiz (score, timing, every question with both answers).
// Saving also says whether the result is a new personal best for its mode and deck, read in the
// same transaction so two tabs finishing at once cannot both claim the record.
import { personalBest, type NewQuizResult, type QuizModeKey, type QuizResult } from '../domain/quiz/results';
import { getDb } from './database';
import { withStorage } from './errors';
import { quizResultFromRow, quizResultToRow } from './event-mappers';
import type { KujiraDB } from './schema';
import { nextStamp } from './stamp';

export interface SaveQuizResultOutcome {
  result: QuizResult;
  /** The best of this mode and deck before this result; undefined if it is the first. */
  previousBest: QuizResult | undefined;
  /** This result is now the personal best and scored at least one point. */
  isNewBest: boolean;
}

export interface QuizResultFilter {
  mode?: QuizModeKey;
  deckId?: string;
  /** At most this many, newest first. */
  limit?: number;
}

function newest(results: QuizResult[]): QuizResult[] {
  return results.sort((a, b) => b.finishedAt - a.finishedAt || (a.id < b.id ? 1 : -1));
}

/** Save a finished quiz (one read-write transaction) and compare it with the personal best. */
export function saveQuizResult(db: KujiraDB, input: NewQuizResult): Promise<SaveQuizResultOutcome> {
  const row = quizResultToRow({ ...input, id: input.id ?? globalThis.crypto.randomUUID() });
  const result = quizResultFromRow(row) as QuizResult;
  return withStorage(db, () =>
    db.transaction('rw', [db.quizResults, db.meta], async () => {
      const rows = await db.quizResults.where('mode').equals(row.mode).toArray();
      const others = rows
        .filter((r) => r.deckId === row.deckId && r.id !== row.id)
        .map(quizResultFromRow)
        .filter((r): r is QuizResult => r !== null);
      const previousBest = personalBest(others, result.mode, result.deckId);
      // A finished quiz is an event: stamped once, never rewritten (saving the same id again keeps
      // the first copy, so two tabs cannot make one id mean two results).
      if (!rows.some((r) => r.id === row.id)) {
        const { device, seq } = await nextStamp(db, row.finishedAt ?? row.startedAt, row.id);
        await db.quizResults.add({ ...row, device, seq });
      }
      const best = personalBest([...others, result], result.mode, result.deckId);
      return { result, previousBest, isNewBest: best?.id === result.id && result.score > 0 };
    }),
  );
}

/** Stored results, newest first, optionally of one mode and/or deck. */
export function listQuizResults(db: KujiraDB, filter: QuizResultFilter = {}): Promise<QuizResult[]> {
  return withStorage(db, async () => {
    const rows =
      filter.mode !== undefined
        ? await db.quizResults.where('mode').equals(filter.mode).toArray()
        : filter.deckId !== undefined
          ? await db.quizResults.where('deckId').equals(filter.deckId).toArray()
          : await db.quizResults.toArray();
    const results = newest(
      rows
        .filter((r) => filter.deckId === undefined || r.deckId === filter.deckId)
        .map(quizResultFromRow)
        .filter((r): r is QuizResult => r !== null),
    );
    return filter.limit !== undefined ? results.slice(0, Math.max(0, filter.limit)) : results;
  });
}

/** The personal best of a mode and deck over the stored history (undefined if none). */
export async function getPersonalBest(db: KujiraDB, mode: QuizModeKey, deckId: string): Promise<QuizResult | undefined> {
  return personalBest(await listQuizResults(db, { mode, deckId }), mode, deckId);
}

/** The quiz history repository over the app's database: what features call. */
export const quizRepository = {
  save: (input: NewQuizResult): Promise<SaveQuizResultOutcome> => saveQuizResult(getDb(), input),
};
