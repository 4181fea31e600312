// The backup repository over the app's database: what features call (export, import, reset).
import { getDb } from '../database';
import { exportBackup, type ExportedBackup } from './export';
import { applyImport, prepareImport, type ImportResult, type PreparedImport, type ProgressCallback } from './import';
import { countProgress, resetProgress } from './reset';

export const backupRepository = {
  export: (now: number): Promise<ExportedBackup> => exportBackup(getDb(), now),
  prepareImport: (file: Blob | string, now: number, onProgress?: ProgressCallback): Promise<PreparedImport> => prepareImport(getDb(), file, now, onProgress),
  applyImport: (prepared: PreparedImport, onProgress?: ProgressCallback): Promise<ImportResult> => applyImport(getDb(), prepared, onProgress),
  countProgress: (): Promise<{ reviews: number; quizResults: number; onboarding: number }> => countProgress(getDb()),
  resetProgress: (): Promise<void> => resetProgress(getDb()),
};

export type { ImportProgress, PreparedImport } from './import';
