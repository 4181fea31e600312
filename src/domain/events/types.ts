// What the learner did, as immutable events with stable ids: the source of truth of every
// schedule, suspension, lesson, quiz and setting. Every other stored row is a cache a replay of
// these events rebuilds (./fold.ts). Two devices, a backup file and a CouchDB database merge by
// set union of events; nothing is ever updated in place, and an undo is an event too (a void).
//
// CouchDB mapping (for live sync): one event = one document, `_id` = the event id, the other
// fields as they are. Events are never edited, so a document never gets a second revision and a
// replication conflict can only mean two different events claimed one id (refused, see
// ./merge.ts). Deleting is never needed: taking something back is a new event.
import type { CardStateKind, Grade, SchedulerParams } from '../scheduler/types';

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

/** A rating: the replay inputs of one review and what it did (statistics only). */
export interface RatingEvent extends EventStamp {
  type: 'rating';
  cardId: string;
  deckId: string;
  rating: Grade;
  reviewedAt: number;
  durationMs: number;
  /** Study day (YYYY-MM-DD) of reviewedAt under timeZone/dayStartHour. */
  dayKey: string;
  timeZone: string;
  dayStartHour: number;
  params: SchedulerParams;
  prevState: CardStateKind;
  nextState: CardStateKind;
  scheduledDays: number;
  due: number;
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

/** A finished quiz (the per-question records are the quiz feature's AnswerRecord). */
export interface QuizEvent extends EventStamp {
  type: 'quiz';
  mode: string;
  deckId: string;
  startedAt: number;
  finishedAt: number | null;
  score: number;
  total: number;
  questions: QuizQuestionRecord[];
}

/** One question of a stored quiz: the fields the history reads are checked on import. */
export interface QuizQuestionRecord {
  questionId: string;
  cardId: string;
  questionType: string;
  prompt: string;
  response: number | string | null;
  yourAnswer: string | null;
  rightAnswer: string;
  correct: boolean;
  markedRightByUser: boolean;
  timedOut: boolean;
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
 * (the onboarding path's "unlock all lessons").
 */
export interface FlagEvent extends EventStamp {
  type: 'flag';
  key: string;
  value: boolean;
}

export type LearnerEvent = RatingEvent | VoidEvent | SuspendEvent | ResetEvent | LessonEvent | QuizEvent | SettingsEvent | FlagEvent;
export type EventType = LearnerEvent['type'];

export const EVENT_TYPES: readonly EventType[] = ['rating', 'void', 'suspend', 'lesson', 'quiz', 'settings', 'flag', 'reset'];

export const WELCOME_FLAG = 'welcome-seen';
export const unlockAllFlag = (deckId: string): string => `unlock-all:${deckId}`;

/** The origin of events whose device is unknown (old logs, version-1 backups). */
export const UNKNOWN_DEVICE = '';
