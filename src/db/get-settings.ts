// The settings in force, read from the single settings row: Home's live queries need this read and
// nothing else of the settings repository (settings.ts), whose writes bring the event stamping.
import type { Settings } from '../domain/settings/settings';
import { withStorage } from './errors';
import { settingsOfRow } from './mappers';
import type { KujiraDB } from './schema';

export function getSettings(db: KujiraDB): Promise<Settings> {
  return withStorage(db, async () => settingsOfRow(await db.settings.get('settings')));
}
