// The backup file, format version 1: its types, how it is built from the stored progress, and
// its checksum. Pure: the caller passes `now`; the database layer reads and writes the rows.
// The layout is documented in docs/backup.md and as a JSON Schema in ./schema.ts.
import type { CardStateKind, Grade, SchedulerParams } from '../scheduler/types';
import { dayKey } from '../scheduler/day';

export const BACKUP_FORMAT = 'kujira-backup';
export const BACKUP_VERSION = 1;

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

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
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

export type BackupContent = Omit<Backup, 'format' | 'version' | 'exportedAt' | 'checksum'>;

/** Incremental cyrb53 (53-bit) so a 100k-entry file is hashed piece by piece, not as one string. */
class Hasher {
  private h1: number;
  private h2: number;
  constructor(seed = 0) {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
  }
  update(text: string): this {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }
  hex(): string {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  }
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

const j = JSON.stringify;

/**
 * Canonical text of one review entry: its fields in a fixed order, whatever the key order of the
 * file (used for the checksum and to compare two versions of an entry). Written out by hand
 * because it runs for every entry of a 100k-entry file.
 */
export function canonicalEntry(e: BackupReviewEntry): string {
  const p = e.params;
  const params = `{"desiredRetention":${j(p.desiredRetention)},"enableFuzz":${j(p.enableFuzz)},"learningSteps":${j(p.learningSteps)},"maximumInterval":${j(p.maximumInterval)},"relearningSteps":${j(p.relearningSteps)}${p.weights !== undefined ? `,"weights":${j(p.weights)}` : ''}}`;
  return `{"cardId":${j(e.cardId)},"dayKey":${j(e.dayKey)},"dayStartHour":${j(e.dayStartHour)},"deckId":${j(e.deckId)},"due":${j(e.due)},"durationMs":${j(e.durationMs)},"id":${j(e.id)},"nextState":${j(e.nextState)},"params":${params},"prevState":${j(e.prevState)},"rating":${j(e.rating)},"reviewedAt":${j(e.reviewedAt)},"scheduledDays":${j(e.scheduledDays)},"timeZone":${j(e.timeZone)}}`;
}

/**
 * The checksum of a backup's content: cyrb53 over its canonical JSON (keys sorted), so key order
 * and whitespace do not matter but any changed value does. Not a security measure: it catches
 * files truncated, damaged or edited by mistake.
 */
export function backupChecksum(b: BackupContent & Pick<Backup, 'exportedAt'>): string {
  const h = new Hasher();
  h.update(`${BACKUP_FORMAT}|${BACKUP_VERSION}|${b.exportedAt}|`);
  for (const e of b.reviewLog) h.update(canonicalEntry(e)).update('\n');
  h.update('|settings:').update(stableStringify(b.settings));
  h.update('|quiz:');
  for (const q of b.quizResults) h.update(stableStringify(q)).update('\n');
  h.update('|onboarding:').update(stableStringify(b.onboarding));
  h.update('|suspended:').update(stableStringify(b.suspended));
  h.update('|decks:').update(stableStringify(b.deckVersions));
  return h.hex();
}

/** A complete backup from its content, stamped at `now` (epoch ms). */
export function buildBackup(content: BackupContent, now: number): Backup {
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
    version: BACKUP_VERSION,
    exportedAt,
    checksum: backupChecksum({ ...body, exportedAt }),
    ...body,
  };
}

/** The file's text (compact JSON: a 100k-review log stays a few tens of MB, not hundreds). */
export function serializeBackup(b: Backup): string {
  return JSON.stringify(b);
}

/** `kujira-backup-YYYY-MM-DD.json`, dated by the local calendar day in `timeZone`. */
export function backupFileName(now: number, timeZone: string): string {
  return `kujira-backup-${dayKey(now, timeZone, 0)}.json`;
}
