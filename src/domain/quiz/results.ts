// Quiz results: score, accuracy, average answer time, the per-question list, and the personal
// best per mode and deck over the stored history.
import { isRecordCorrect, type AnswerRecord } from './answer-record';
import type { TimedQuizState, TimedShape } from './timed-quiz';

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
