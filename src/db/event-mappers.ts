// Ratings and quiz results: their rows <-> the domain's results and events. Explicit field lists
// both ways: rows may gain fields in later schema versions; an event stays as it is. Loaded with
// the screens and services that read the log (review, quiz, statistics, backup, sync), not at
// start-up. Private to src/db.
import type { QuizEvent, RatingEvent } from '../domain/events/types';
import type { AnswerRecord } from '../domain/quiz/answer-record';
import type { NewQuizResult, QuizModeKey, QuizResult } from '../domain/quiz/results';
import type { ReviewLogEntry, ReviewRecord } from '../domain/scheduler/types';
import type { QuizResultRow, ReviewLogRow } from './schema';

// ---- Ratings

/** The log entry of a rating the scheduler recorded (the row's stamp is added by stamp.ts). */
export function logRowFromRecord(rec: ReviewRecord, ids: Pick<ReviewLogEntry, 'id' | 'cardId' | 'deckId' | 'durationMs'>): ReviewLogEntry {
  return { ...rec, ...ids };
}


// ---- Quiz results

const MODE_KEYS: readonly QuizModeKey[] = ['practice', 'sprint', 'exam'];

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

// ---- Events (src/domain/events) <-> rows

/** A rating row as its event. */
export function ratingEventOf(r: ReviewLogRow): RatingEvent {
  const params = { ...r.params };
  if (params.weights === undefined) delete params.weights;
  return {
    id: r.id,
    type: 'rating',
    at: r.reviewedAt,
    device: r.device ?? '',
    seq: r.seq ?? 0,
    cardId: r.cardId,
    deckId: r.deckId,
    rating: r.rating,
    reviewedAt: r.reviewedAt,
    durationMs: r.durationMs,
    dayKey: r.dayKey,
    timeZone: r.timeZone,
    dayStartHour: r.dayStartHour,
    params,
    prevState: r.prevState,
    nextState: r.nextState,
    scheduledDays: r.scheduledDays,
    due: r.due,
  };
}

/** A rating event as its row. */
export function ratingRowOf(e: RatingEvent): ReviewLogRow {
  const { type: _t, at: _a, ...row } = e;
  return row;
}

/** A quiz row as its event (rows older than version 8 have no origin). */
export function quizEventOf(r: QuizResultRow): QuizEvent {
  return {
    id: r.id,
    type: 'quiz',
    at: r.finishedAt ?? r.startedAt,
    device: r.device ?? '',
    seq: r.seq ?? 0,
    mode: r.mode,
    deckId: r.deckId,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    score: r.score,
    total: r.total,
    questions: r.questions as QuizEvent['questions'],
  };
}

export function quizRowOf(e: QuizEvent): QuizResultRow {
  const { type: _t, at: _a, ...row } = e;
  return row;
}
