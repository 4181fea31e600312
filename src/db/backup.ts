// Backup and restore against the database: export every piece of progress as one file, import a
// file by merging it (validated whole before anything is written), and reset progress.
//
// Import consistency. A large log is written in chunks (CHUNK_SIZE entries per read-write
// transaction) so the page stays responsive and shows progress. Each chunk holds whole cards
// (all the incoming entries of a card) and, in the SAME transaction, replays those cards' states
// from their full log. So after every committed chunk the log and the states agree: if the import
// stops half-way (a tab closed, storage full), the device holds a smaller but consistent merge,
// as if it had synced fewer reviews. Log entries are keyed by id, so importing the file again
// completes the merge and changes nothing already there. Quiz results, onboarding, settings and
// suspensions are written in one last transaction.
import { buildBackup, backupFileName, serializeBackup, type Backup, type BackupReviewEntry } from '../domain/backup/format';
import { planImport, type ImportPlan } from '../domain/backup/merge';
import { checkBackup, parseBackupText, type CompiledValidator } from '../domain/backup/validate';
import { newCardState, replay } from '../domain/scheduler/scheduler';
import { normalizeSettings } from '../domain/settings/settings';
import { getDb } from './database';
import { dayBoundaryInForce } from './device';
import { withStorage } from './errors';
import {
  backupEntryOfRow as entryOf,
  backupOnboardingOfRow as onboardingOf,
  backupQuizOfRow as quizOf,
  backupSettingsOfRow as settingsOf,
  settingsOfRow,
  settingsToRow,
  stateFromRow,
  stateToRow,
} from './mappers';
import { LEGACY_APP_ROW_ID, type CardStateRow, type DeckRow, type KujiraDB, type OnboardingRow, type QuizResultRow, type ReviewLogRow, type SettingsRow } from './schema';

/** Log entries per write transaction during an import. */
export const CHUNK_SIZE = 5000;

/** Every piece of progress, read in one transaction (a consistent snapshot). */
export interface ProgressSnapshot {
  reviewLog: ReviewLogRow[];
  cardStates: CardStateRow[];
  quizResults: QuizResultRow[];
  onboarding: OnboardingRow[];
  settings: SettingsRow | undefined;
  decks: DeckRow[];
}

/** The progress data export and the statistics page read. */
export function readProgressSnapshot(db: KujiraDB): Promise<ProgressSnapshot> {
  return withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.cardStates, db.quizResults, db.onboarding, db.settings, db.decks], async () => {
      const [reviewLog, cardStates, quizResults, onboarding, settings, decks] = await Promise.all([
        db.reviewLog.orderBy('[cardId+reviewedAt]').toArray(),
        db.cardStates.toArray(),
        db.quizResults.orderBy('startedAt').toArray(),
        db.onboarding.toArray(),
        db.settings.get('settings'),
        db.decks.toArray(),
      ]);
      return { reviewLog, cardStates, quizResults, onboarding, settings, decks };
    }),
  );
}

/** The backup of everything as it is at `now`. */
export function backupOf(snap: ProgressSnapshot, now: number): Backup {
  const deckVersions: Backup['deckVersions'] = {};
  for (const d of [...snap.decks].sort((a, b) => (a.id < b.id ? -1 : 1))) deckVersions[d.id] = { version: d.version, hash: d.hash };
  return buildBackup(
    {
      reviewLog: snap.reviewLog.map(entryOf),
      settings: settingsOf(snap.settings),
      quizResults: snap.quizResults.map(quizOf),
      onboarding: snap.onboarding.map(onboardingOf),
      suspended: snap.cardStates.filter((s) => s.suspended).map((s) => s.cardId).sort(),
      deckVersions,
    },
    now,
  );
}

export interface ExportedBackup {
  backup: Backup;
  /** The file's content. */
  text: string;
  /** `kujira-backup-YYYY-MM-DD.json` (local date). */
  fileName: string;
}

/** Export every piece of progress as of `now`. */
export async function exportBackup(db: KujiraDB, now: number): Promise<ExportedBackup> {
  const snap = await readProgressSnapshot(db);
  const backup = backupOf(snap, now);
  const { timeZone } = dayBoundaryInForce(settingsOfRow(snap.settings));
  return { backup, text: serializeBackup(backup), fileName: backupFileName(now, timeZone) };
}

let validator: Promise<CompiledValidator> | null = null;

/**
 * The JSON Schema validator, loaded on first use (its code is not in the first-visit bundle).
 * It was compiled by Ajv ahead of time (see src/domain/backup/schema.ts for why).
 */
export function loadBackupValidator(): Promise<CompiledValidator> {
  validator ??= import('../domain/backup/validator.generated').then((m) => m.validate);
  return validator;
}

/** A validated file and what importing it will do. Nothing has been written yet. */
export interface PreparedImport {
  backup: Backup;
  plan: ImportPlan;
}

export type ImportPhase = 'reading' | 'validating' | 'planning' | 'writing' | 'finishing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Log entries written so far, out of `total`. */
  done: number;
  total: number;
}

export type ProgressCallback = (p: ImportProgress) => void;

async function textOf(file: Blob | string): Promise<string> {
  return typeof file === 'string' ? file : file.text();
}

/** The local log entries that share an id with `incoming` (read inside a transaction). */
async function knownEntries(db: KujiraDB, incoming: readonly BackupReviewEntry[]): Promise<ReviewLogRow[]> {
  // Keys first (cheap); then only the overlapping rows, or one sweep when most overlap.
  const local = new Set(await db.reviewLog.toCollection().primaryKeys());
  const overlap = incoming.filter((e) => local.has(e.id)).map((e) => e.id);
  if (overlap.length === 0) return [];
  if (overlap.length > 2000) {
    const wanted = new Set(overlap);
    return (await db.reviewLog.toArray()).filter((r) => wanted.has(r.id));
  }
  return (await db.reviewLog.bulkGet(overlap)).filter((r): r is ReviewLogRow => r !== undefined);
}

/**
 * Read and validate the whole file, then plan the merge against the database. Throws
 * BackupValidationError (with the path of the bad field) and writes nothing.
 */
export async function prepareImport(db: KujiraDB, file: Blob | string, onProgress: ProgressCallback = () => {}): Promise<PreparedImport> {
  onProgress({ phase: 'reading', done: 0, total: 0 });
  const text = await textOf(file);
  onProgress({ phase: 'validating', done: 0, total: 0 });
  const data = parseBackupText(text);
  const checked = checkBackup(data, await loadBackupValidator());
  // Files written before schema version 3 may hold the old welcome-flag row as if it were a deck's
  // onboarding; it carries no progress (the flag itself was never exported).
  const backup = { ...checked, onboarding: checked.onboarding.filter((o) => o.deckId !== LEGACY_APP_ROW_ID) };
  onProgress({ phase: 'planning', done: 0, total: 0 });
  const plan = await withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.cardStates, db.quizResults, db.onboarding, db.settings], async () => {
      const [known, states, quiz, onboarding, settingsCount] = await Promise.all([
        knownEntries(db, backup.reviewLog),
        db.cardStates.toArray(),
        db.quizResults.bulkGet(backup.quizResults.map((q) => q.id)),
        db.onboarding.toArray(),
        db.settings.count(),
      ]);
      return planImport(
        {
          reviewLog: new Map(known.map((r) => [r.id, entryOf(r)])),
          quizResults: new Map(quiz.filter((r): r is QuizResultRow => r !== undefined).map((r) => [r.id, quizOf(r)])),
          onboarding: new Map(onboarding.map((o) => [o.deckId, onboardingOf(o)])),
          hasSettings: settingsCount > 0,
          knownCards: new Set(states.map((s) => s.cardId)),
          suspended: new Set(states.filter((s) => s.suspended).map((s) => s.cardId)),
        },
        backup,
      );
    }),
  );
  return { backup, plan };
}

function sameRow(a: CardStateRow, b: CardStateRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Replay the states of `cardIds` from their whole log (call inside a rw transaction). */
async function replayCards(db: KujiraDB, cardIds: readonly string[]): Promise<void> {
  if (cardIds.length === 0) return;
  // One index range per card: Dexie's anyOf() walks the index with cursor jumps, far slower.
  const [rows, logs] = await Promise.all([
    db.cardStates.bulkGet([...cardIds]),
    Promise.all(cardIds.map((id) => db.reviewLog.where('[cardId+reviewedAt]').between([id, -Infinity], [id, Infinity]).toArray())),
  ]);
  const byCard = new Map<string, ReviewLogRow[]>(cardIds.map((id, i) => [id, logs[i]!]));
  const puts: CardStateRow[] = [];
  for (const row of rows) {
    if (!row) continue;
    const next = stateToRow(replay(byCard.get(row.cardId) ?? []), row);
    if (!sameRow(row, next)) puts.push(next);
  }
  if (puts.length > 0) await db.cardStates.bulkPut(puts);
}

/** Chunks of about `size` entries that never split one card's entries (input sorted by card). */
function chunksByCard(entries: readonly BackupReviewEntry[], size: number): BackupReviewEntry[][] {
  const out: BackupReviewEntry[][] = [];
  let cur: BackupReviewEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (cur.length >= size && cur[cur.length - 1]!.cardId !== e.cardId) {
      out.push(cur);
      cur = [];
    }
    cur.push(e);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export interface ImportResult {
  plan: ImportPlan;
  /** Write transactions used for the log. */
  chunks: number;
}

/** Write a prepared import (see the header for how chunks stay consistent). */
export async function applyImport(
  db: KujiraDB,
  prepared: PreparedImport,
  onProgress: ProgressCallback = () => {},
  options: { chunkSize?: number } = {},
): Promise<ImportResult> {
  const { plan } = prepared;
  const total = plan.reviewsToPut.length;
  const chunks = chunksByCard(plan.reviewsToPut, options.chunkSize ?? CHUNK_SIZE);
  const replayed = new Set<string>();
  let done = 0;
  onProgress({ phase: 'writing', done, total });
  for (const chunk of chunks) {
    const cards = [...new Set(chunk.map((e) => e.cardId))];
    await withStorage(db, () =>
      db.transaction('rw', [db.reviewLog, db.cardStates], async () => {
        await db.reviewLog.bulkPut(chunk);
        await replayCards(db, cards);
      }),
    );
    for (const c of cards) replayed.add(c);
    done += chunk.length;
    onProgress({ phase: 'writing', done, total });
  }
  onProgress({ phase: 'finishing', done, total });
  await withStorage(db, () =>
    db.transaction('rw', [db.reviewLog, db.cardStates, db.quizResults, db.onboarding, db.settings], async () => {
      if (plan.quizToPut.length > 0) await db.quizResults.bulkPut(plan.quizToPut);
      if (plan.onboardingToPut.length > 0) await db.onboarding.bulkPut(plan.onboardingToPut);
      if (plan.settingsToPut && (await db.settings.count()) === 0) {
        await db.settings.put(settingsToRow(normalizeSettings(plan.settingsToPut)));
      }
      if (plan.toSuspend.length > 0) {
        const rows = await db.cardStates.bulkGet(plan.toSuspend);
        const puts = rows
          .filter((r): r is CardStateRow => r !== undefined && !r.suspended)
          .map((r) => stateToRow(stateFromRow(r), { ...r, suspended: true }));
        if (puts.length > 0) await db.cardStates.bulkPut(puts);
      }
      // A replaced entry may have moved from another card (never made by the app): replay it too.
      await replayCards(db, plan.affectedCards.filter((c) => !replayed.has(c)));
    }),
  );
  onProgress({ phase: 'done', done, total });
  return { plan, chunks: chunks.length };
}

/**
 * Validate the whole file, then merge it into the database. Any fault in the file throws
 * BackupValidationError before anything is written.
 */
export async function importBackup(db: KujiraDB, file: Blob | string, onProgress: ProgressCallback = () => {}): Promise<ImportResult> {
  const prepared = await prepareImport(db, file, onProgress);
  return applyImport(db, prepared, onProgress);
}

/**
 * Forget all progress in one transaction: the review log, quiz results and onboarding are
 * deleted and every card is new again (suspension and retirement kept). Decks, cards and
 * settings stay.
 */
export function resetProgress(db: KujiraDB): Promise<void> {
  return withStorage(db, () =>
    db.transaction('rw', [db.reviewLog, db.cardStates, db.quizResults, db.onboarding, db.appFlags], async () => {
      // The welcome flag goes with the onboarding (before schema version 3 it was an onboarding row).
      await Promise.all([db.reviewLog.clear(), db.quizResults.clear(), db.onboarding.clear(), db.appFlags.delete('welcomeSeen')]);
      const rows = await db.cardStates.toArray();
      const puts = rows.map((r) => stateToRow(newCardState(), r)).filter((next, i) => !sameRow(rows[i]!, next));
      if (puts.length > 0) await db.cardStates.bulkPut(puts);
    }),
  );
}

/** What a reset would delete (the confirmation names it). */
export function countProgress(db: KujiraDB): Promise<{ reviews: number; quizResults: number; onboarding: number }> {
  return withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.quizResults, db.onboarding], async () => {
      const [reviews, quizResults, onboarding] = await Promise.all([db.reviewLog.count(), db.quizResults.count(), db.onboarding.count()]);
      return { reviews, quizResults, onboarding };
    }),
  );
}

/** The backup repository over the app's database: what features call. */
export const backupRepository = {
  export: (now: number): Promise<ExportedBackup> => exportBackup(getDb(), now),
  prepareImport: (file: Blob | string, onProgress?: ProgressCallback): Promise<PreparedImport> => prepareImport(getDb(), file, onProgress),
  applyImport: (prepared: PreparedImport, onProgress?: ProgressCallback): Promise<ImportResult> => applyImport(getDb(), prepared, onProgress),
  countProgress: (): Promise<{ reviews: number; quizResults: number; onboarding: number }> => countProgress(getDb()),
  resetProgress: (): Promise<void> => resetProgress(getDb()),
};
