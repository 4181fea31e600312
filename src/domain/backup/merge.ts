// Merging a backup into this device's progress: what the import will do, decided before anything
// is written. Every rule is commutative and idempotent, so two devices that import each other's
// backups end with the same log, and importing the same file twice changes nothing the second time.
//  - Review log: union by entry id. An id on both sides with different content (which the app
//    never produces: ids are UUIDs) keeps the copy whose canonical JSON sorts first, on both devices.
//  - Quiz results: union by id, the same rule.
//  - Onboarding: per deck, the union of completed lessons; the current lesson and time of the
//    more recent row (the further progress wins, nothing completed anywhere is lost).
//  - Suspended cards: union (a suspension made on either device is kept).
//  - Settings: this device's settings are kept; the backup's are used only when this device has
//    never saved any (a fresh install or after a wipe), so restoring a backup restores them.
//    Settings are per-device preferences (theme, language, zone); scheduling does not depend on
//    them because every log entry carries the parameters and day boundary it was rated with.
import {
  canonicalEntry,
  stableStringify,
  type Backup,
  type BackupOnboarding,
  type BackupQuizResult,
  type BackupReviewEntry,
  type BackupSettings,
} from './format';

/** This device's side of the merge. Only the rows the merge can touch are needed. */
export interface CurrentProgress {
  /** Local log entries whose ids are in the incoming file (or the whole log). */
  reviewLog: ReadonlyMap<string, BackupReviewEntry>;
  quizResults: ReadonlyMap<string, BackupQuizResult>;
  onboarding: ReadonlyMap<string, BackupOnboarding>;
  /** True if this device has saved settings. */
  hasSettings: boolean;
  /** Cards this device knows (state rows), and which of them are suspended. */
  knownCards: ReadonlySet<string>;
  suspended: ReadonlySet<string>;
}

export interface ImportPlan {
  /** Log entries to write (new ones and conflict winners), ordered by card then time. */
  reviewsToPut: BackupReviewEntry[];
  addedReviews: number;
  /** Entries already here with the same id but different content, replaced by the winner. */
  replacedReviews: number;
  /** Entries already here, unchanged. */
  knownReviews: number;
  /** Added entries for cards this device does not have (kept in the log for when it does). */
  unknownCardReviews: number;
  /** Cards whose state must be replayed. */
  affectedCards: string[];
  quizToPut: BackupQuizResult[];
  addedQuizResults: number;
  onboardingToPut: BackupOnboarding[];
  settingsToPut: BackupSettings | null;
  /** Known cards to suspend. */
  toSuspend: string[];
  /** True when the import would write nothing at all. */
  isEmpty: boolean;
}

/** The winner of two versions of the same id: deterministic, so both devices pick the same one. */
export function pickVersion<T>(local: T, incoming: T, canonical: (x: T) => string = stableStringify): T {
  return canonical(incoming) < canonical(local) ? incoming : local;
}

/** Union of two logs by entry id (conflicts settled by pickVersion), in no particular order. */
export function unionById<T extends { id: string }>(a: readonly T[], b: readonly T[], canonical: (x: T) => string = stableStringify): T[] {
  const out = new Map<string, T>();
  for (const x of a) out.set(x.id, x);
  for (const y of b) {
    const x = out.get(y.id);
    out.set(y.id, x === undefined ? y : pickVersion(x, y, canonical));
  }
  return [...out.values()];
}

/** Onboarding of one deck from two devices (see the header); `null` when there is nothing. */
export function mergeOnboarding(local: BackupOnboarding | undefined, incoming: BackupOnboarding | undefined): BackupOnboarding | undefined {
  if (!local) return incoming;
  if (!incoming) return local;
  const newer =
    incoming.updatedAt !== local.updatedAt
      ? incoming.updatedAt > local.updatedAt
        ? incoming
        : local
      : pickVersion(local, incoming);
  const older = newer === local ? incoming : local;
  const have = new Set(newer.completed);
  const completed = [...newer.completed, ...older.completed.filter((id) => !have.has(id) && (have.add(id), true))];
  return { deckId: newer.deckId, completed, currentLessonId: newer.currentLessonId, updatedAt: newer.updatedAt };
}

const byCardThenTime = (a: BackupReviewEntry, b: BackupReviewEntry) =>
  a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What importing `incoming` into `current` will do. Pure. */
export function planImport(current: CurrentProgress, incoming: Backup): ImportPlan {
  const reviewsToPut: BackupReviewEntry[] = [];
  let addedReviews = 0;
  let replacedReviews = 0;
  let knownReviews = 0;
  let unknownCardReviews = 0;
  const affected = new Set<string>();
  for (const e of incoming.reviewLog) {
    const local = current.reviewLog.get(e.id);
    if (local === undefined) {
      addedReviews += 1;
      if (!current.knownCards.has(e.cardId)) unknownCardReviews += 1;
      reviewsToPut.push(e);
      affected.add(e.cardId);
    } else {
      const a = canonicalEntry(local);
      const b = canonicalEntry(e);
      if (a === b || a < b) knownReviews += 1;
      else {
        replacedReviews += 1;
        reviewsToPut.push(e);
        affected.add(e.cardId);
        affected.add(local.cardId);
      }
    }
  }
  reviewsToPut.sort(byCardThenTime);

  const quizToPut: BackupQuizResult[] = [];
  let addedQuizResults = 0;
  for (const q of incoming.quizResults) {
    const local = current.quizResults.get(q.id);
    if (local === undefined) {
      addedQuizResults += 1;
      quizToPut.push(q);
    } else if (pickVersion(local, q) !== local) quizToPut.push(q);
  }

  const onboardingToPut: BackupOnboarding[] = [];
  for (const o of incoming.onboarding) {
    const local = current.onboarding.get(o.deckId);
    const merged = mergeOnboarding(local, o);
    if (merged && (local === undefined || stableStringify(merged) !== stableStringify(local))) onboardingToPut.push(merged);
  }

  const settingsToPut = !current.hasSettings && incoming.settings !== null ? incoming.settings : null;
  const toSuspend = [...new Set(incoming.suspended)].filter((id) => current.knownCards.has(id) && !current.suspended.has(id));

  return {
    reviewsToPut,
    addedReviews,
    replacedReviews,
    knownReviews,
    unknownCardReviews,
    affectedCards: [...affected].sort(),
    quizToPut,
    addedQuizResults,
    onboardingToPut,
    settingsToPut,
    toSuspend,
    isEmpty:
      reviewsToPut.length === 0 &&
      quizToPut.length === 0 &&
      onboardingToPut.length === 0 &&
      settingsToPut === null &&
      toSuspend.length === 0,
  };
}
