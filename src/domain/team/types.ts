// The documents of a team database (`kujira-team-<name>`), as plain JSON: published deck versions
// and assignments (written by the lead), and per-member per-day progress summaries (written by
// each member's app, only when the member shares). See docs/team.md.
import type { DeckSourceFile } from '../deck/deck-files';

/** Prefix of every team database name on the server. */
export const TEAM_DB_PREFIX = 'kujira-team-';

/** A published version of a deck: immutable, `deck:<deck id>:<version, 6 digits>`. */
export interface TeamDeckDoc {
  _id: string;
  _rev?: string;
  kujira: 1;
  type: 'team-deck';
  deckId: string;
  /** 1, 2, 3 ... in publishing order. */
  version: number;
  publishedAt: number;
  publishedBy: string;
  files: DeckSourceFile[];
  /** The source commit it was published from (`npm run team -- publish --commit`), when known. */
  commit?: string;
}

/** "Lessons 1-3 of docker by 2026-12-15, retention target 90 %": `assignment:<id>`. */
export interface AssignmentDoc {
  _id: string;
  _rev?: string;
  kujira: 1;
  type: 'assignment';
  deckId: string;
  /** 1-based lesson numbers on the deck's path, both ends included. */
  fromLesson: number;
  toLesson: number;
  /** Study day (YYYY-MM-DD) it is due. */
  dueDay: string;
  /** 0.5 to 0.99: mean retrievability of the lessons' cards needed to count as ready. */
  retentionTarget: number;
  createdAt: number;
  createdBy: string;
}

/** Answers to review-state cards that were not Again, of all such answers. */
export interface RetentionCount {
  passed: number;
  total: number;
}

/** What a member shares about one deck. Cards are in the order of the deck version `hash`. */
export interface DeckSummary {
  deckId: string;
  /** Content hash of the compiled deck the arrays below are aligned with. */
  hash: string;
  /** Ids of the lessons passed. */
  lessonsPassed: string[];
  /** Lapses of each card (deck order). */
  lapses: number[];
  /** Current retrievability of each card in whole percent (0-100), -1 when never reviewed. */
  r: number[];
}

/**
 * One member's progress on one study day: `summary:<member>:<YYYY-MM-DD>`. Counts only, and per
 * card only lapses and retrievability: never the review log. Only the newest summary of a member
 * keeps `decks` per-card arrays; the app empties them in earlier days' documents.
 */
export interface SummaryDoc {
  _id: string;
  _rev?: string;
  kujira: 1;
  type: 'summary';
  member: string;
  day: string;
  /** When it was computed (epoch ms). */
  at: number;
  /** Last review or lesson passed (epoch ms), null if none. */
  lastActiveAt: number | null;
  reviews7: number;
  reviews30: number;
  retention7: RetentionCount;
  retention30: RetentionCount;
  /** Cards due before the start of this study day. */
  overdue: number;
  /** Reviews per study day, the 30 days up to `day`, oldest first. */
  daily: number[];
  decks: DeckSummary[];
  /**
   * How many of the learner's events (ratings, undos, lessons, quizzes, settings...) the device
   * that wrote it held: a summary from a device holding less of the learner's history never takes
   * the place of one holding more (summaryMayReplace). Absent on summaries written before it: 0.
   */
  events?: number;
}

export type TeamDoc = TeamDeckDoc | AssignmentDoc | SummaryDoc;

export const deckDocId = (deckId: string, version: number): string => `deck:${deckId}:${String(version).padStart(6, '0')}`;
export const summaryDocId = (member: string, day: string): string => `summary:${member}:${day}`;
