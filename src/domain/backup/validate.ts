// Checking a backup file before anything is written: JSON syntax, the JSON Schema (through a
// compiled validator passed in), then what a schema cannot say (unique ids, real dates, known
// time zones, usable scheduler parameters, the checksum). The first fault is reported with the
// JSON path of the bad field.
import { applyReview, newCardState } from '../scheduler/scheduler';
import { isValidTimeZone } from '../scheduler/day';
import { BACKUP_FORMAT, BACKUP_VERSION, backupChecksum, type Backup } from './format';

export type BackupFaultKind =
  | 'not-json'
  | 'not-a-backup'
  | 'newer-version'
  | 'schema'
  | 'duplicate-id'
  | 'bad-date'
  | 'bad-time-zone'
  | 'bad-params'
  | 'checksum';

/** The file cannot be imported; nothing was changed. `path` is a JSONPath such as `$.reviewLog[3].rating`. */
export class BackupValidationError extends Error {
  readonly kind: BackupFaultKind;
  readonly path: string;
  /** The schema keyword that failed (type, required, enum, ...) for kind 'schema'. */
  readonly keyword: string | null;
  constructor(kind: BackupFaultKind, path: string, detail: string, keyword: string | null = null) {
    super(`Backup file rejected at ${path}: ${detail}. Nothing was changed.`);
    this.name = 'BackupValidationError';
    this.kind = kind;
    this.path = path;
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

/** Parse the file's text, or say where it stops being JSON (the path is the root). */
export function parseBackupText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new BackupValidationError('not-json', '$', `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function isRealDay(key: string): boolean {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The whole file checked; returns it typed, or throws BackupValidationError with the path of the
 * first bad field. `validate` is the compiled JSON Schema validator of BACKUP_SCHEMA.
 */
export function checkBackup(data: unknown, validate: CompiledValidator): Backup {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    const path = data !== null && typeof data === 'object' && !Array.isArray(data) ? '$.format' : '$';
    throw new BackupValidationError('not-a-backup', path, 'not a Kujira backup file');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupValidationError('newer-version', '$.version', `format version ${version} is newer than this app reads (${BACKUP_VERSION})`);
  }
  if (!validate(data)) {
    const err = validate.errors?.[0];
    let pointer = err?.instancePath ?? '';
    const extra = err?.params.missingProperty ?? err?.params.additionalProperty;
    if (typeof extra === 'string') pointer += `/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    throw new BackupValidationError('schema', pointerToPath(pointer), err?.message ?? 'invalid', err?.keyword ?? null);
  }
  const b = data as Backup;

  const ids = new Set<string>();
  const zones = new Map<string, boolean>();
  const paramSets = new Set<string>();
  for (let i = 0; i < b.reviewLog.length; i++) {
    const e = b.reviewLog[i]!;
    const at = `$.reviewLog[${i}]`;
    if (ids.has(e.id)) throw new BackupValidationError('duplicate-id', `${at}.id`, `entry id ${e.id} appears twice`);
    ids.add(e.id);
    if (!isRealDay(e.dayKey)) throw new BackupValidationError('bad-date', `${at}.dayKey`, `${e.dayKey} is not a date`);
    let zoneOk = zones.get(e.timeZone);
    if (zoneOk === undefined) {
      zoneOk = isValidTimeZone(e.timeZone);
      zones.set(e.timeZone, zoneOk);
    }
    if (!zoneOk) throw new BackupValidationError('bad-time-zone', `${at}.timeZone`, `unknown time zone ${e.timeZone}`);
    // Each distinct parameter set is tried once on a new card: replay must not fail later.
    const pk = JSON.stringify([e.params, e.timeZone, e.dayStartHour]);
    if (!paramSets.has(pk)) {
      try {
        applyReview(newCardState(), { ...e, rating: 3 });
        applyReview(newCardState(), { ...e, rating: 4 });
      } catch (x) {
        throw new BackupValidationError('bad-params', `${at}.params`, `unusable scheduler parameters (${x instanceof Error ? x.message : String(x)})`);
      }
      paramSets.add(pk);
    }
  }
  const quizIds = new Set<string>();
  b.quizResults.forEach((q, i) => {
    if (quizIds.has(q.id)) throw new BackupValidationError('duplicate-id', `$.quizResults[${i}].id`, `quiz result id ${q.id} appears twice`);
    quizIds.add(q.id);
  });
  const decks = new Set<string>();
  b.onboarding.forEach((o, i) => {
    if (decks.has(o.deckId)) throw new BackupValidationError('duplicate-id', `$.onboarding[${i}].deckId`, `deck ${o.deckId} appears twice`);
    decks.add(o.deckId);
  });
  if (b.settings?.timeZone != null && !isValidTimeZone(b.settings.timeZone)) {
    throw new BackupValidationError('bad-time-zone', '$.settings.timeZone', `unknown time zone ${b.settings.timeZone}`);
  }
  if (backupChecksum(b) !== b.checksum) {
    throw new BackupValidationError('checksum', '$.checksum', 'the content does not match its checksum (the file was changed or damaged after export)');
  }
  return b;
}
