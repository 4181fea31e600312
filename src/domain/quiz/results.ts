// Quiz results: score, accuracy, average answer time, the per-question list, and the personal
// best per mode and deck over the stored history.
import { isRecordCorrect, type AnswerRecord } from './answer-record';
import type { TimedQuizState, TimedShape } from './timed-quiz';
import type { QuizRecord } from '../events/types';

/** Personal bests are kept per practice, sprint and exam (a sprint score is not an exam score). */
export type QuizModeKey = 'practice' | TimedShape;

export interface QuizSummary {
  /** Questions counted correct (checker or "I was right"). */
  score: number;
  /** Questions counted: answered ones, and in an exam the timed-out ones. */
  total: number;
  /** score / total, 0 for an empty quiz. */
  accuracy: number;
  /** Mean time to answer over answered questions (timed-out ones excluded); null when none. */
  averageAnswerMs: number | null;
  durationMs: number;
  items: AnswerRecord[];
}

export function summarizeRecords(records: readonly AnswerRecord[], durationMs: number): QuizSummary {
  const score = records.filter(isRecordCorrect).length;
  const answered = records.filter((r) => !r.timedOut);
  const averageAnswerMs =
    answered.length === 0 ? null : answered.reduce((sum, r) => sum + r.elapsedMs, 0) / answered.length;
  return {
    score,
    total: records.length,
    accuracy: records.length === 0 ? 0 : score / records.length,
    averageAnswerMs,
    durationMs: Math.max(0, durationMs),
    items: [...records],
  };
}

/** Summary of a timed quiz (finished, or so far). */
export function summarizeTimedQuiz(state: TimedQuizState): QuizSummary {
  return summarizeRecords(state.records, (state.finishedAt ?? state.lastT) - state.startedAt);
}

/** What a stored result needs for the personal best. */
export interface ScoredResult {
  deckId: string;
  mode: QuizModeKey;
  score: number;
  accuracy: number;
  durationMs: number;
  /** Wall-clock epoch ms when it finished (the history row's time). */
  finishedAt: number;
}

/**
 * The best result of that mode and deck: highest score, then accuracy, then the shorter
 * duration, then the earliest (who got there first keeps the record). undefined if none.
 */
export function personalBest<T extends ScoredResult>(results: readonly T[], mode: QuizModeKey, deckId: string): T | undefined {
  let best: T | undefined;
  for (const r of results) {
    if (r.mode !== mode || r.deckId !== deckId) continue;
    if (
      !best ||
      r.score > best.score ||
      (r.score === best.score &&
        (r.accuracy > best.accuracy ||
          (r.accuracy === best.accuracy &&
            (r.durationMs < best.durationMs || (r.durationMs === best.durationMs && r.finishedAt < best.finishedAt)))))
    ) {
      best = r;
    }
  }
  return best;
}

/**
 * A finished quiz as the history shows it: its record (src/domain/events/types.ts QuizRecord) with
 * a mode this version knows, its end, and what is worked out from it. Times are epoch
 * milliseconds (wall clock).
 */
export interface QuizResult extends Omit<QuizRecord, 'mode' | 'finishedAt' | 'questions'> {
  mode: QuizModeKey;
  finishedAt: number;
  /** score / total (0 for an empty quiz). */
  accuracy: number;
  /** Mean time to answer over answered questions; null when none was answered. */
  averageAnswerMs: number | null;
  /** finishedAt - startedAt: the row stores the two ends, so this is never stored twice. */
  durationMs: number;
  items: AnswerRecord[];
}

/** What the caller provides when saving: the rest is derived (accuracy, average time, duration, id). */
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
