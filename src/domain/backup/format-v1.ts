// The backup file as version 1 wrote it (rows, not events): its types and checksum, so old files
// still import (./v1-events.ts turns them into events). This app writes version 2 (./format.ts).
// Frozen: these types copy the records of that time field by field on purpose and never derive
// from today's (ReviewLogEntry, QuizRecord...), so that a change to a live record cannot change
// what an old file means or how its checksum is computed.
import type { CardStateKind, Grade, SchedulerParams } from '../scheduler/types';
import { stableStringify, writeRatingContent } from '../events/canonical';
import { Hasher } from './hasher';

export const BACKUP_FORMAT = 'kujira-backup';
export const BACKUP_VERSION_1 = 1;

/** One rating: the replay inputs and what it did (the review log row, as stored). */
export interface BackupReviewEntry {
  id: string;
  cardId: string;
  deckId: string;
  rating: Grade;
  reviewedAt: number;
  durationMs: number;
  dayKey: string;
  timeZone: string;
  dayStartHour: number;
  params: SchedulerParams;
  prevState: CardStateKind;
  nextState: CardStateKind;
  scheduledDays: number;
  due: number;
}

export interface BackupSettings {
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
}

export interface BackupQuizResult {
  id: string;
  mode: string;
  deckId: string;
  startedAt: number;
  finishedAt: number | null;
  score: number;
  total: number;
  questions: unknown[];
}

export interface BackupOnboarding {
  deckId: string;
  completed: string[];
  currentLessonId: string | null;
  updatedAt: number;
}

export interface BackupDeckVersion {
  version: number;
  hash: string;
}

export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION_1;
  /** ISO 8601 UTC instant of the export. */
  exportedAt: string;
  /** Hash of the content (see backupChecksum): a file changed or damaged after export is refused. */
  checksum: string;
  reviewLog: BackupReviewEntry[];
  /** null when the exporting device never saved settings (it ran on the defaults). */
  settings: BackupSettings | null;
  quizResults: BackupQuizResult[];
  onboarding: BackupOnboarding[];
  /** Ids of the cards suspended on the exporting device. */
  suspended: string[];
  /** Which version of each deck the log was made against (informational). */
  deckVersions: Record<string, BackupDeckVersion>;
}

export type BackupV1Content = Omit<BackupV1, 'format' | 'version' | 'exportedAt' | 'checksum'>;

/**
 * The checksum of a backup's content: cyrb53 over its canonical JSON (keys sorted), so key order
 * and whitespace do not matter but any changed value does. Not a security measure: it catches
 * files truncated, damaged or edited by mistake.
 */
export function backupChecksumV1(b: BackupV1Content & Pick<BackupV1, 'exportedAt'>): string {
  const h = new Hasher();
  h.update(`${BACKUP_FORMAT}|${BACKUP_VERSION_1}|${b.exportedAt}|`);
  for (const e of b.reviewLog) {
    writeRatingContent(h, e);
    h.update('\n');
  }
  h.update('|settings:').update(stableStringify(b.settings));
  h.update('|quiz:');
  for (const q of b.quizResults) h.update(stableStringify(q)).update('\n');
  h.update('|onboarding:').update(stableStringify(b.onboarding));
  h.update('|suspended:').update(stableStringify(b.suspended));
  h.update('|decks:').update(stableStringify(b.deckVersions));
  return h.hex();
}


/** A version-1 file from its content, stamped at `now` (tests and benches make old files with it). */
export function buildBackupV1(content: BackupV1Content, now: number): BackupV1 {
  const exportedAt = new Date(now).toISOString();
  const body = {
    reviewLog: content.reviewLog,
    settings: content.settings,
    quizResults: content.quizResults,
    onboarding: content.onboarding,
    suspended: content.suspended,
    deckVersions: content.deckVersions,
  };
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION_1,
    exportedAt,
    checksum: backupChecksumV1({ ...body, exportedAt }),
    ...body,
  };
}
