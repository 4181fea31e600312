// Export: every event stored here (read in one transaction, so the set is consistent) as a
// format-2 backup file.
import { backupFileName, buildBackup, serializeBackup, type Backup } from '../../domain/backup/format';
import { withStorage } from '../errors';
import { readAllEvents } from '../events';
import type { KujiraDB } from '../schema';
import { dayBoundaryInForce } from '../device';
import { settingsOfRow } from '../mappers';
import { deviceId } from '../stamp';

export interface ExportedBackup {
  backup: Backup;
  /** The file's content. */
  text: string;
  /** `kujira-backup-YYYY-MM-DD.json` (local date). */
  fileName: string;
}

/** Export every event as of `now`. */
export async function exportBackup(db: KujiraDB, now: number): Promise<ExportedBackup> {
  const { events, decks, settings, device } = await withStorage(db, () =>
    db.transaction('rw', [db.reviewLog, db.voidedRatings, db.events, db.quizResults, db.decks, db.settings, db.meta], async () => ({
      events: await readAllEvents(db),
      decks: await db.decks.toArray(),
      settings: await db.settings.get('settings'),
      device: await deviceId(db),
    })),
  );
  const deckVersions: Backup['deckVersions'] = {};
  for (const d of [...decks].sort((a, b) => (a.id < b.id ? -1 : 1))) deckVersions[d.id] = { version: d.version, hash: d.hash };
  const backup = buildBackup(events, { device, deckVersions }, now);
  const { timeZone } = dayBoundaryInForce(settingsOfRow(settings));
  return { backup, text: serializeBackup(backup), fileName: backupFileName(now, timeZone) };
}
