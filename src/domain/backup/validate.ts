// Checking a backup file before anything is written: its size, JSON syntax, nesting depth, the
// JSON Schema of its version (through compiled validators passed in), the checksum, then what a
// schema cannot say (unique ids, believable times, study days that match their times, scheduler
// parameters ts-fsrs uses as they are: ../events/check.ts). The first fault is reported with the
// JSON path of the bad field. Version-1 files come out as events like version-2 ones.
import { tooDeepAt, MAX_DEPTH } from '../events/canonical';
import { eventProblem } from '../events/check';
import type { LearnerEvent } from '../events/types';
import { BACKUP_FORMAT, BACKUP_VERSION, backupChecksum, eventsOf, type Backup } from './format';
import { backupChecksumV1, type BackupDeckVersion, type BackupV1 } from './format-v1';
import { eventsOfV1 } from './v1-events';
import { DECK_ID } from '../deck/deck-ids';

/** Largest file imported: a 100k-review log is about 45 MB. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export type BackupFaultKind =
  | 'too-large'
  | 'not-json'
  | 'too-deep'
  | 'not-a-backup'
  | 'newer-version'
  | 'schema'
  | 'duplicate-id'
  | 'bad-date'
  | 'bad-time-zone'
  | 'bad-params'
  | 'bad-value'
  | 'checksum'
  | 'conflict'
  | 'replay';

/** The file cannot be imported; nothing was changed. `path` is a JSONPath such as `$.reviewLog[3].rating`. */
export class BackupValidationError extends Error {
  readonly kind: BackupFaultKind;
  readonly path: string;
  /** The schema keyword that failed (type, required, enum, ...) for kind 'schema'. */
  readonly keyword: string | null;
  /** What is wrong at `path`, without the file-level wording of the message. */
  readonly detail: string;
  constructor(kind: BackupFaultKind, path: string, detail: string, keyword: string | null = null) {
    super(`Backup file rejected at ${path}: ${detail}. Nothing was changed.`);
    this.name = 'BackupValidationError';
    this.kind = kind;
    this.path = path;
    this.detail = detail;
    this.keyword = keyword;
  }
}

/** The shape of an Ajv-compiled validator (ajv's own types are not imported into the domain). */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null;
}

/** JSON Pointer (`/reviewLog/3/rating`) to JSONPath (`$.reviewLog[3].rating`). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  let out = '$';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Refuse a file over MAX_BACKUP_BYTES before reading it. */
export function checkBackupSize(bytes: number): void {
  if (bytes > MAX_BACKUP_BYTES) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    throw new BackupValidationError('too-large', '$', `the file is ${mb(bytes)}, larger than the ${mb(MAX_BACKUP_BYTES)} a backup can be`);
  }
}

/** Parse the file's text, or say where it stops being JSON or nests too deep. */
export function parseBackupText(text: string): unknown {
  // UTF-16 length: at least the byte count for ASCII JSON, never more than 3x it.
  checkBackupSize(text.length);
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (e) {
    throw new BackupValidationError('not-json', '$', `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const deep = tooDeepAt(data);
  if (deep !== null) throw new BackupValidationError('too-deep', deep, `nested deeper than ${MAX_DEPTH} levels`);
  return data;
}

/** The compiled validators of each version's schema. */
export interface BackupValidators {
  v1: CompiledValidator;
  v2: CompiledValidator;
}

/** A checked file, as events (whatever its version), each with the JSONPath it came from. */
export interface BackupFile {
  version: 1 | 2;
  exportedAt: string;
  events: LearnerEvent[];
  /** paths[i] is where events[i] is in the file. */
  paths: string[];
  deckVersions: Record<string, BackupDeckVersion>;
}

function schemaCheck(data: unknown, validate: CompiledValidator): void {
  if (validate(data)) return;
  const err = validate.errors?.[0];
  let pointer = err?.instancePath ?? '';
  const extra = err?.params.missingProperty ?? err?.params.additionalProperty;
  if (typeof extra === 'string') pointer += `/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  throw new BackupValidationError('schema', pointerToPath(pointer), err?.message ?? 'invalid', err?.keyword ?? null);
}

/**
 * The whole file checked as of `now`; returns its events, or throws BackupValidationError with the
 * path of the first bad field. Nothing here reads the database: the merge and the replay of the
 * merged log are checked next (./plan.ts).
 */
export function checkBackup(data: unknown, validators: BackupValidators, now: number): BackupFile {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    const path = data !== null && typeof data === 'object' && !Array.isArray(data) ? '$.format' : '$';
    throw new BackupValidationError('not-a-backup', path, 'not a Kujira backup file');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupValidationError('newer-version', '$.version', `format version ${version} is newer than this app reads (${BACKUP_VERSION})`);
  }
  let pairs: [LearnerEvent, string][];
  let file: { exportedAt: string; deckVersions: Record<string, BackupDeckVersion> };
  if (version === 1) {
    schemaCheck(data, validators.v1);
    const b = data as BackupV1;
    if (backupChecksumV1(b) !== b.checksum) throw checksumError();
    const decks = new Set<string>();
    b.onboarding.forEach((o, i) => {
      if (decks.has(o.deckId)) throw new BackupValidationError('duplicate-id', `$.onboarding[${i}].deckId`, `deck ${o.deckId} appears twice`);
      decks.add(o.deckId);
    });
    pairs = eventsOfV1(b);
    file = b;
  } else {
    schemaCheck(data, validators.v2);
    const b = data as Backup;
    if (backupChecksum(b) !== b.checksum) throw checksumError();
    pairs = [...eventsOf(b)];
    file = b;
  }
  // Keys of deckVersions are deck ids: `__proto__` (an own key after JSON.parse) is not one.
  for (const key of Object.keys(file.deckVersions)) {
    if (!DECK_ID.test(key)) throw new BackupValidationError('bad-value', '$.deckVersions', `${JSON.stringify(key).slice(0, 60)} is not a deck id`);
  }
  const ids = new Set<string>();
  for (const [e, at] of pairs) {
    if (ids.has(e.id)) throw new BackupValidationError('duplicate-id', `${at}.id`, `id ${e.id} appears twice`);
    ids.add(e.id);
    const p = eventProblem(e, now);
    if (p) {
      const kind = p.field.startsWith('params') ? 'bad-params' : p.field === 'timeZone' || p.field.endsWith('timeZone') ? 'bad-time-zone' : p.field === 'dayKey' || p.field === 'reviewedAt' || p.field === 'at' || p.field.endsWith('At') || p.field === 'due' ? 'bad-date' : 'bad-value';
      // A version-1 settings row became one event: its fields are the event's `changes`.
      const field = at === '$.settings' ? p.field.replace(/^changes\./, '') : p.field;
      throw new BackupValidationError(kind, `${at}.${field}`, p.detail);
    }
  }
  return {
    version: version === 1 ? 1 : 2,
    exportedAt: file.exportedAt,
    events: pairs.map((p) => p[0]),
    paths: pairs.map((p) => p[1]),
    deckVersions: file.deckVersions,
  };
}

function checksumError(): BackupValidationError {
  return new BackupValidationError('checksum', '$.checksum', 'the content does not match its checksum (the file was changed or damaged after export)');
}

