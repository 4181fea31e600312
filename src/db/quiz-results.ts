// Quiz history: one row per finished quiz (score, timing, every question with both answers).
// Saving also says whether the result is a new personal best for its mode and deck, read in the
// same transaction so two tabs finishing at once cannot both claim the record.
import type { AnswerRecord } from '../domain/quiz/answer-record';
import { personalBest, type QuizModeKey } from '../domain/quiz/results';
import { withStorage } from './errors';
import type { KujiraDB, QuizResultRow } from './schema';

const MODE_KEYS: readonly QuizModeKey[] = ['practice', 'sprint', 'exam'];

/** A finished quiz as the app sees it. Times are epoch milliseconds (wall clock). */
export interface QuizResult {
  id: string;
  mode: QuizModeKey;
  deckId: string;
  startedAt: number;
  finishedAt: number;
  score: number;
  total: number;
  /** score / total (0 for an empty quiz). */
  accuracy: number;
  /** Mean time to answer over answered questions; null when none was answered. */
  averageAnswerMs: number | null;
  /** finishedAt - startedAt: the row stores the two ends, so this is never stored twice. */
  durationMs: number;
  items: AnswerRecord[];
}

/** What the caller provides: the rest is derived (accuracy, average time, duration, id). */
export interface NewQuizResult {
  id?: string;
  mode: QuizModeKey;
  deckId: string;
  /** Wall-clock end of the quiz. */
  finishedAt: number;
  /** Monotonic length of the quiz; startedAt is finishedAt - durationMs. */
  durationMs: number;
  score: number;
  items: AnswerRecord[];
}

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

function isModeKey(value: string): value is QuizModeKey {
  return (MODE_KEYS as readonly string[]).includes(value);
}

function averageOf(items: readonly AnswerRecord[]): number | null {
  const answered = items.filter((r) => !r.timedOut);
  return answered.length === 0 ? null : answered.reduce((sum, r) => sum + r.elapsedMs, 0) / answered.length;
}

/** A row as a result; null for a row this version cannot read (an unknown mode). */
export function quizResultFromRow(row: QuizResultRow): QuizResult | null {
  if (!isModeKey(row.mode)) return null;
  const items = (Array.isArray(row.questions) ? row.questions : []) as AnswerRecord[];
  const finishedAt = row.finishedAt ?? row.startedAt;
  return {
    id: row.id,
    mode: row.mode,
    deckId: row.deckId,
    startedAt: row.startedAt,
    finishedAt,
    score: row.score,
    total: row.total,
    accuracy: row.total === 0 ? 0 : row.score / row.total,
    averageAnswerMs: averageOf(items),
    durationMs: Math.max(0, finishedAt - row.startedAt),
    items,
  };
}

export function quizResultToRow(result: NewQuizResult & { id: string }): QuizResultRow {
  const durationMs = Math.max(0, Math.round(result.durationMs));
  return {
    id: result.id,
    mode: result.mode,
    deckId: result.deckId,
    startedAt: result.finishedAt - durationMs,
    finishedAt: result.finishedAt,
    score: result.score,
    total: result.items.length,
    questions: result.items,
  };
}

function newest(results: QuizResult[]): QuizResult[] {
  return results.sort((a, b) => b.finishedAt - a.finishedAt || (a.id < b.id ? 1 : -1));
}

/** Save a finished quiz (one read-write transaction) and compare it with the personal best. */
export function saveQuizResult(db: KujiraDB, input: NewQuizResult): Promise<SaveQuizResultOutcome> {
  const row = quizResultToRow({ ...input, id: input.id ?? globalThis.crypto.randomUUID() });
  const result = quizResultFromRow(row) as QuizResult;
  return withStorage(db, () =>
    db.transaction('rw', db.quizResults, async () => {
      const rows = await db.quizResults.where('mode').equals(row.mode).toArray();
      const others = rows
        .filter((r) => r.deckId === row.deckId && r.id !== row.id)
        .map(quizResultFromRow)
        .filter((r): r is QuizResult => r !== null);
      const previousBest = personalBest(others, result.mode, result.deckId);
      await db.quizResults.put(row);
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
