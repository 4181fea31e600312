// The backup file, format version 2: every event of the learner, grouped by kind, exactly as
// stored (each one is the document live sync replicates), plus a checksum. Pure: the caller
// passes `now`. Documented in docs/backup.md and as a JSON Schema in ./schema.ts. Version-1 files
// (rows, not events) still import: see ./format-v1.ts and ./v1-events.ts.
import { dayKey } from '../scheduler/day';
import { stableStringify, writeCanonicalEvent } from '../events/canonical';
import type {
  FlagEvent,
  LearnerEvent,
  LessonEvent,
  QuizEvent,
  RatingEvent,
  ResetEvent,
  SettingsEvent,
  SuspendEvent,
  VoidEvent,
} from '../events/types';
import { BACKUP_FORMAT, type BackupDeckVersion } from './format-v1';
import { Hasher } from './hasher';

export { BACKUP_FORMAT } from './format-v1';
export const BACKUP_VERSION = 2;

/** The event lists of a file, one per kind (so a schema error names a kind and an index). */
export interface BackupEvents {
  ratings: RatingEvent[];
  voids: VoidEvent[];
  suspensions: SuspendEvent[];
  lessons: LessonEvent[];
  quizResults: QuizEvent[];
  settings: SettingsEvent[];
  flags: FlagEvent[];
  /** Cards sent back to learning. Added after format 2 first shipped: optional in a file. */
  resets?: ResetEvent[];
}

/** The lists of format 2 as first shipped; lists added later are optional and hashed only when not empty. */
const FIRST_LISTS = ['ratings', 'voids', 'suspensions', 'lessons', 'quizResults', 'settings', 'flags'] as const;
export const EVENT_LISTS: readonly (keyof BackupEvents)[] = [...FIRST_LISTS, 'resets'];

export interface Backup extends BackupEvents {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 UTC instant of the export. */
  exportedAt: string;
  /** Hash of the content (see backupChecksum): a file changed or damaged after export is refused. */
  checksum: string;
  /** The exporting device's id (informational). */
  device: string;
  /** Which version of each deck the log was made against (informational). */
  deckVersions: Record<string, BackupDeckVersion>;
}

export type BackupContent = Omit<Backup, 'format' | 'version' | 'exportedAt' | 'checksum'>;

/** The list an event belongs in. */
export function listOf(e: LearnerEvent): keyof BackupEvents {
  switch (e.type) {
    case 'rating': return 'ratings';
    case 'void': return 'voids';
    case 'suspend': return 'suspensions';
    case 'lesson': return 'lessons';
    case 'quiz': return 'quizResults';
    case 'settings': return 'settings';
    case 'flag': return 'flags';
    case 'reset': return 'resets';
  }
}

/** Events sorted into the file's lists (each list in id order, so the same set gives the same file). */
export function groupEvents(events: Iterable<LearnerEvent>): BackupEvents {
  const out: BackupEvents = { ratings: [], voids: [], suspensions: [], lessons: [], quizResults: [], settings: [], flags: [], resets: [] };
  for (const e of events) (out[listOf(e)] as LearnerEvent[]).push(e);
  for (const k of EVENT_LISTS) ((out[k] ?? []) as LearnerEvent[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A file without resets looks exactly like one written before resets existed.
  if (out.resets!.length === 0) delete out.resets;
  return out;
}

/** Every event of a file with its JSONPath, list by list. */
export function* eventsOf(b: BackupEvents): Generator<[LearnerEvent, string]> {
  for (const k of EVENT_LISTS) {
    const list = (b[k] ?? []) as LearnerEvent[];
    for (let i = 0; i < list.length; i++) yield [list[i]!, `$.${k}[${i}]`];
  }
}

/**
 * The checksum of a file's content: cyrb53 over the canonical text of every event (keys sorted),
 * so key order and whitespace do not matter but any changed value does.
 */
export function backupChecksum(b: BackupContent & Pick<Backup, 'exportedAt'>): string {
  const h = new Hasher();
  h.update(`${BACKUP_FORMAT}|${BACKUP_VERSION}|${b.exportedAt}|${JSON.stringify(b.device)}|`);
  for (const k of EVENT_LISTS) {
    const list = (b[k] ?? []) as LearnerEvent[];
    // Lists added after format 2 shipped count only when they hold something, so files written
    // before them keep their checksum.
    if (list.length === 0 && !(FIRST_LISTS as readonly string[]).includes(k)) continue;
    h.update(`|${k}:`);
    for (const e of list) {
      writeCanonicalEvent(h, e);
      h.update('\n');
    }
  }
  h.update('|decks:').update(stableStringify(b.deckVersions));
  return h.hex();
}

/** A complete file from a set of events, stamped at `now` (epoch ms). */
export function buildBackup(events: Iterable<LearnerEvent>, meta: { device: string; deckVersions: Record<string, BackupDeckVersion> }, now: number): Backup {
  const exportedAt = new Date(now).toISOString();
  const body: BackupContent = { device: meta.device, ...groupEvents(events), deckVersions: meta.deckVersions };
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, checksum: backupChecksum({ ...body, exportedAt }), ...body };
}

/** The file's text (compact JSON: a 100k-review log stays a few tens of MB, not hundreds). */
export function serializeBackup(b: Backup): string {
  return JSON.stringify(b);
}

/** `kujira-backup-YYYY-MM-DD.json`, dated by the local calendar day in `timeZone`. */
export function backupFileName(now: number, timeZone: string): string {
  return `kujira-backup-${dayKey(now, timeZone, 0)}.json`;
}
