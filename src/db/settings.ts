// The settings repository: the single settings row, read as the settings in force (the model
// itself, defaults and clamping, is src/domain/settings).
import { normalizeSettings, type Settings } from '../domain/settings/settings';
import { getDb } from './database';
import { withStorage } from './errors';
import { settingsFromRow, settingsOfRow, settingsToRow } from './mappers';
import type { KujiraDB } from './schema';

export function getSettings(db: KujiraDB): Promise<Settings> {
  return withStorage(db, async () => settingsOfRow(await db.settings.get('settings')));
}

/** Change some settings (clamped); returns the settings now in force. */
export function updateSettings(db: KujiraDB, patch: Partial<Settings>): Promise<Settings> {
  return withStorage(db, () =>
    db.transaction('rw', db.settings, async () => {
      const next = normalizeSettings({ ...settingsFromRow(await db.settings.get('settings')), ...patch });
      await db.settings.put(settingsToRow(next));
      return next;
    }),
  );
}

/** The settings repository over the app's database: what features call. */
export const settingsRepository = {
  update: (patch: Partial<Settings>): Promise<Settings> => updateSettings(getDb(), patch),
};
