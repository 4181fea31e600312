// Typed storage errors: what IndexedDB refused, as a `kind` the UI translates into a message that
// says what to do (free space, close other tabs, reload). Dexie's own errors never reach the UI.
import { getDatabaseStatus } from './database';
import type { KujiraDB } from './schema';

export type StorageErrorKind =
  | 'storage-full'
  | 'blocked'
  | 'version-change'
  | 'newer-version'
  | 'unavailable'
  | 'unknown';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
  }
}

/** The device or browser refused to store more: free space or export a backup. */
export class StorageFullError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('storage-full', 'Storage is full: the browser refused to save. Free some space, then try again.', options);
    this.name = 'StorageFullError';
  }
}

/** An upgrade waits for another tab that keeps the old version open: close other Kujira tabs. */
export class DatabaseBlockedError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('blocked', 'The database upgrade is blocked by another open Kujira tab: close the other tabs.', options);
    this.name = 'DatabaseBlockedError';
  }
}

/** Another tab upgraded or deleted the database, so this one closed it: reload the page. */
export class DatabaseClosedForUpgradeError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('version-change', 'Kujira was updated in another tab: reload this page.', options);
    this.name = 'DatabaseClosedForUpgradeError';
  }
}

/** The database on disk is newer than this code (an older cached app): reload the page. */
export class DatabaseVersionError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('newer-version', 'The saved data is from a newer version of Kujira: reload the page.', options);
    this.name = 'DatabaseVersionError';
  }
}

/** IndexedDB cannot be used at all (private mode, disabled storage). */
export class StorageUnavailableError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('unavailable', 'This browser does not let Kujira store data here.', options);
    this.name = 'StorageUnavailableError';
  }
}

/** A card id that is not in the database (not a storage failure: a caller's mistake). */
export class CardNotFoundError extends Error {
  readonly cardId: string;
  constructor(cardId: string) {
    super(`No card with id ${cardId}`);
    this.name = 'CardNotFoundError';
    this.cardId = cardId;
  }
}

function names(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const n = (cur as { name?: unknown }).name;
    if (typeof n === 'string') out.push(n);
    cur = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return out;
}

/**
 * Map a Dexie/IndexedDB error to a typed StorageError; anything else is returned as it is.
 * `closedForUpgrade`: the connection was closed because another tab upgraded the database.
 */
export function toStorageError(e: unknown, closedForUpgrade = false): unknown {
  if (e instanceof StorageError || e instanceof CardNotFoundError) return e;
  const n = names(e);
  const has = (x: string) => n.includes(x);
  if (has('QuotaExceededError')) return new StorageFullError({ cause: e });
  if (has('VersionError')) return new DatabaseVersionError({ cause: e });
  if (has('VersionChangeError')) return new DatabaseClosedForUpgradeError({ cause: e });
  if (has('DatabaseClosedError')) {
    const msg = e instanceof Error ? e.message : '';
    return closedForUpgrade || /version ?change|upgrade/i.test(msg)
      ? new DatabaseClosedForUpgradeError({ cause: e })
      : new StorageUnavailableError({ cause: e });
  }
  if (has('MissingAPIError') || has('InvalidStateError') || has('SecurityError')) {
    return new StorageUnavailableError({ cause: e });
  }
  if (has('OpenFailedError') || has('UnknownError') || has('AbortError')) {
    return new StorageError('unknown', e instanceof Error ? e.message : String(e), { cause: e });
  }
  return e;
}

/** Run a storage operation on `db` and rethrow its failure as a typed error. */
export async function withStorage<T>(db: KujiraDB, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw toStorageError(e, getDatabaseStatus(db).mustReload);
  }
}
