// What the learner did, as immutable events with stable ids: the source of truth of every
// schedule, suspension, lesson, quiz and setting. Every other stored row is a cache a replay of
// these events rebuilds (./fold.ts). Two devices, a backup file and a CouchDB database merge by
// set union of events; nothing is ever updated in place, and an undo is an event too (a void).
//
// CouchDB mapping (for live sync): one event = one document, `_id` = the event id, the other
// fields as they are. Events are never edited, so a document never gets a second revision and a
// replication conflict can only mean two different events claimed one id (refused, see
// ./merge.ts). Deleting is never needed: taking something back is a new event.
import type { ReviewLogEntry } from '../scheduler/types';

/**
 * Who made an event and in what order on that device. `device` is a random id made once per
 * install; `seq` counts the device's events from 1. Undo walks this device's own sequence
 * backwards (never "the latest by time": a clock-skewed event from another device must not be
 * taken back by a tap here). Last-writer-wins orders by (at, device, seq): see compareStamps.
 * Entries of old logs and version-1 backups have device '' and seq 0: their origin is unknown,
 * so no device ever undoes them.
 */
export interface EventStamp {
  /** Stable id, unique across devices (a UUID, or derived from content for migrated rows). */
  id: string;
  /** Wall-clock time the event was made (epoch ms). */
  at: number;
  device: string;
  seq: number;
}

/** A rating: a review log entry (the one definition of a rating) with its stamp. */
export interface RatingEvent extends EventStamp, Omit<ReviewLogEntry, 'id'> {
  type: 'rating';
}

/** Takes back the event `target` (a rating). A void whose target has not arrived yet waits for it. */
export interface VoidEvent extends EventStamp {
  type: 'void';
  target: string;
}

/** Suspends or unsuspends a card (last writer wins per card). */
export interface SuspendEvent extends EventStamp {
  type: 'suspend';
  cardId: string;
  suspended: boolean;
}

/**
 * Sends a card back to learning (a memo update changed what it teaches): its schedule starts
 * again as a new card from `at`. Its earlier ratings stay in its history and statistics; the
 * replay simply begins after the latest reset.
 */
export interface ResetEvent extends EventStamp {
  type: 'reset';
  cardId: string;
}

/** The check result of a lesson when it was passed; the first pass of a lesson is its result. */
export interface LessonEvent extends EventStamp {
  type: 'lesson';
  deckId: string;
  lessonId: string;
  /** null: completed, result unknown (a version-1 backup kept only the lesson ids). */
  result: { score: number; total: number; durationMs: number; attempts: number } | null;
}

/**
 * A finished quiz as recorded: the one definition of a quiz result. The quiz event, the quiz
 * row (src/db) and the statistics' input derive from it; the quiz feature's QuizResult
 * (src/domain/quiz/results.ts) adds what is worked out from it (accuracy, duration, average time).
 */
export interface QuizRecord {
  id: string;
  mode: string;
  deckId: string;
  startedAt: number;
  /** null: a result of an older build that did not record the end. */
  finishedAt: number | null;
  score: number;
  total: number;
  questions: QuizQuestionRecord[];
}

/** A finished quiz: its record with a stamp. */
export interface QuizEvent extends EventStamp, Omit<QuizRecord, 'id'> {
  type: 'quiz';
}

/**
 * One question of a recorded quiz, as any version wrote it (the fields the history reads are
 * checked on import); the quiz feature's AnswerRecord narrows it to what this version writes.
 */
export interface QuizQuestionRecord {
  questionId: string;
  cardId: string;
  questionType: string;
  prompt: string;
  response: number | string | null;
  /** What the learner chose or typed, as shown; null when unanswered. */
  yourAnswer: string | null;
  rightAnswer: string;
  correct: boolean;
  /** "I was right" override: counted correct. */
  markedRightByUser: boolean;
  timedOut: boolean;
  /** Monotonic timestamps (performance.now() values). */
  shownAt: number;
  answeredAt: number;
  elapsedMs: number;
  typed: unknown;
}

/** The settings a learner can change; each field is last-writer-wins on its own. */
export interface SettingsValues {
  language: 'ja' | 'en' | null;
  showBothLanguages: boolean;
  desiredRetention: number;
  maximumInterval: number;
  enableFuzz: boolean;
  newPerDay: number;
  maxReviewsPerDay: number;
  dayStartHour: number;
  theme: 'system' | 'light' | 'dark';
  timeZone: string | null;
  loadBalancing: boolean;
  /** Per weekday (Monday first), the percentage of a normal day's reviews. */
  easyDays: number[];
  /** Personal FSRS weights and their model version (null: defaults). See src/domain/optimizer. */
  fsrsParams: { model: string; weights: number[] } | null;
  /** Desired retention per deck id (the whole map is one last-writer-wins value). */
  deckRetention: Record<string, number>;
}

export const SETTINGS_FIELDS: readonly (keyof SettingsValues)[] = [
  'language', 'showBothLanguages', 'desiredRetention', 'maximumInterval', 'enableFuzz', 'newPerDay',
  'maxReviewsPerDay', 'dayStartHour', 'theme', 'timeZone', 'loadBalancing', 'easyDays', 'fsrsParams',
  'deckRetention',
];

/** Some settings changed. */
export interface SettingsEvent extends EventStamp {
  type: 'settings';
  changes: Partial<SettingsValues>;
}

/**
 * A named on/off switch, last writer wins per key: `welcome-seen`, and `unlock-all:<deckId>`
 * (the onboarding path's "unlock all lessons"). The keys are named where their cache rows are
 * mapped (src/db/mappers.ts), which start-up loads: this file is not on the first screen's path.
 */
export interface FlagEvent extends EventStamp {
  type: 'flag';
  key: string;
  value: boolean;
}

export type LearnerEvent = RatingEvent | VoidEvent | SuspendEvent | ResetEvent | LessonEvent | QuizEvent | SettingsEvent | FlagEvent;
export type EventType = LearnerEvent['type'];

export const EVENT_TYPES: readonly EventType[] = ['rating', 'void', 'suspend', 'lesson', 'quiz', 'settings', 'flag', 'reset'];

/** The origin of events whose device is unknown (old logs, version-1 backups). */
export const UNKNOWN_DEVICE = '';
