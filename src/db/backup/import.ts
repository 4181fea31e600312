// Import: read a backup file, check it whole (size, JSON, depth, schema, checksum, bounds: see
// src/domain/backup/validate.ts), then hand its events to the merge engine (src/db/merge.ts),
// which plans the merge against this device before anything is written, and writes it in chunks
// that each leave the events and the states in agreement.
import { checkBackup, checkBackupSize, parseBackupText, type BackupValidators } from '../../domain/backup/validate';
import type { KujiraDB } from '../schema';
import { applyImport, planMerge, type ImportResult, type PreparedImport, type ProgressCallback } from '../merge';

export { applyImport, CHUNK_SIZE, type ImportPhase, type ImportProgress, type ImportResult, type PreparedImport, type ProgressCallback } from '../merge';

let validators: Promise<BackupValidators> | null = null;

/**
 * The JSON Schema validators, loaded on first use (their code is not in the first-visit bundle).
 * They were compiled by Ajv ahead of time (see src/domain/backup/schema.ts for why).
 */
export function loadBackupValidators(): Promise<BackupValidators> {
  validators ??= import('../../domain/backup/validator.generated').then((m) => ({ v1: m.validateV1, v2: m.validate }));
  return validators;
}

async function textOf(file: Blob | string): Promise<string> {
  if (typeof file === 'string') return file;
  // Refused before reading: a huge file is never loaded into memory.
  checkBackupSize(file.size);
  return file.text();
}

/**
 * Read and check the whole file as of `now`, then plan the merge against the database. Throws
 * BackupValidationError (with the path of the bad field) and writes nothing.
 */
export async function prepareImport(db: KujiraDB, input: Blob | string, now: number, onProgress: ProgressCallback = () => {}): Promise<PreparedImport> {
  onProgress({ phase: 'reading', done: 0, total: 0 });
  const text = await textOf(input);
  onProgress({ phase: 'validating', done: 0, total: 0 });
  const file = checkBackup(parseBackupText(text), await loadBackupValidators(), now);
  onProgress({ phase: 'planning', done: 0, total: 0 });
  return planMerge(db, file);
}

/**
 * Check the whole file, then merge it into the database. Any fault in the file throws
 * BackupValidationError before anything is written.
 */
export async function importBackup(db: KujiraDB, file: Blob | string, now: number, onProgress: ProgressCallback = () => {}): Promise<ImportResult> {
  const prepared = await prepareImport(db, file, now, onProgress);
  return applyImport(db, prepared, onProgress);
}
