// Types of the scheduler: a card's schedule state, the inputs of one review, the parameters.
// Plain data (epoch milliseconds, strings), so rows, backups and tests can hold them as they are.

/** Again=1, Hard=2, Good=3, Easy=4 (the FSRS and Anki numbering). */
export type Grade = 1 | 2 | 3 | 4;

export const GRADES: readonly Grade[] = [1, 2, 3, 4];

export const RATING = { again: 1, hard: 2, good: 3, easy: 4 } as const;
export type RatingName = keyof typeof RATING;

export type CardStateKind = 'new' | 'learning' | 'review' | 'relearning';

/** The parameters a review was scheduled with: part of every log entry, because replay needs them. */
export interface SchedulerParams {
  /** 0.70 to 0.97. */
  desiredRetention: number;
  /** In days. */
  maximumInterval: number;
  enableFuzz: boolean;
  /** ts-fsrs step strings such as '1m', '10m', '1d'. */
  learningSteps: string[];
  relearningSteps: string[];
  /** FSRS weights; absent means the ts-fsrs defaults (FSRS-6). */
  weights?: number[];
}

/** Where the user's study day begins: local hour in an IANA time zone. */
export interface DayBoundary {
  timeZone: string;
  /** 0 to 23: "next day starts at". */
  startHour: number;
}

/**
 * A card's schedule: what replaying its review log gives. The one definition: the stored schedule
 * (CardSchedule), the queue's candidates and the card info derive from it, and `state` is named
 * as in the review log (prevState, nextState).
 */
export interface SchedState {
  state: CardStateKind;
  /** Epoch ms. For new cards: 0 (new cards are ordered by the deck, not by due). */
  due: number;
  stability: number;
  difficulty: number;
  /** Local study days between the last two reviews. */
  elapsedDays: number;
  /** Interval in local study days (0 while in learning steps). */
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** Epoch ms of the last review, or null. */
  lastReview: number | null;
  /** Study day (YYYY-MM-DD) of the last review, or null. */
  lastDayKey: string | null;
  /** Lapsed LEECH_LAPSES times or more. */
  leech: boolean;
}

/** Everything replay needs from one log entry: the rating, the time and what was in force. */
export interface ReviewInput {
  rating: Grade;
  reviewedAt: number;
  /** The study day (YYYY-MM-DD) of reviewedAt under timeZone/dayStartHour. */
  dayKey: string;
  params: SchedulerParams;
  timeZone: string;
  dayStartHour: number;
  /**
   * The interval chosen, in study days, when the answer put the card in review (0 otherwise).
   * Replay uses it as it is: the load balancer that chose it read other cards' due dates.
   */
  scheduledDays?: number;
}

/** A review as logged: the replay inputs plus what it did (the states and due are for stats only). */
export interface ReviewRecord extends ReviewInput {
  prevState: CardStateKind;
  nextState: CardStateKind;
  scheduledDays: number;
  due: number;
}

/**
 * A card's schedule with the card's identity and flags, as the card browser, the statistics and
 * the review read it.
 */
export interface CardSchedule extends SchedState {
  cardId: string;
  deckId: string;
  /** Card key (command/option/fact): siblings share it. */
  key: string;
  /** Section order * 1e6 + card order: new cards come in this order. */
  newRank: number;
  suspended: boolean;
  retired: boolean;
}

/**
 * One rating in the append-only review log: the source of truth of every schedule. The one
 * definition of a rating: the scheduler's record of the review plus whose card it was and how long
 * the answer took. The rating event (src/domain/events/types.ts) and the review log row (src/db)
 * derive from it; the version-1 backup format keeps its own frozen copy.
 */
export interface ReviewLogEntry extends ReviewRecord {
  /** UUID: unique across devices, so two logs merge by union. */
  id: string;
  cardId: string;
  deckId: string;
  durationMs: number;
}
