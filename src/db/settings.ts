// The settings repository: the single settings row, read as the settings in force (the read in
// get-settings.ts; the model itself, defaults and clamping, is src/domain/settings).
import { normalizeSettings, type Settings } from '../domain/settings/settings';
import { getDb } from './database';
import { withStorage } from './errors';
import { rawSettingsOfRow, settingsToRow } from './mappers';
import type { KujiraDB } from './schema';
import { appendEvent } from './stamp';
import { dayBoundaryInForce } from './device';
import type { DayBoundary } from '../domain/scheduler/types';

export { getSettings } from './get-settings';

/**
 * Change some settings (clamped) at `now`; returns the settings now in force. The fields that
 * changed are one settings event (each field is last-writer-wins when devices merge); the row is
 * its cache.
 */
export function updateSettings(db: KujiraDB, patch: Partial<Settings>, now: number): Promise<Settings> {
  return withStorage(db, () =>
    db.transaction('rw', [db.settings, db.events, db.meta], async () => {
      const row = await db.settings.get('settings');
      const before = normalizeSettings(rawSettingsOfRow(row));
      const next = normalizeSettings({ ...rawSettingsOfRow(row), ...patch });
      const changes: Partial<Settings> = {};
      for (const k of Object.keys(next) as (keyof Settings)[]) {
        // A field never saved counts as changed when the patch names it: the choice is recorded.
        // Lists and maps compare by value: an unchanged one must not be re-recorded with a newer stamp
        // (it would win over a change made meanwhile on another device).
        const changed = typeof next[k] === 'object' && next[k] !== null ? JSON.stringify(next[k]) !== JSON.stringify(before[k]) : next[k] !== before[k];
        if (changed || (row === undefined && k in patch)) (changes as Record<string, unknown>)[k] = next[k];
      }
      if (Object.keys(changes).length > 0) await appendEvent(db, now, { type: 'settings', changes });
      await db.settings.put(settingsToRow(next));
      return next;
    }),
  );
}

/** The settings repository over the app's database: what features call. */
export const settingsRepository = {
  update: (patch: Partial<Settings>, now: number): Promise<Settings> => updateSettings(getDb(), patch, now),
  /** The study day's boundary on this device under `s` (its zone, else the device's): the screens' one way to it. */
  dayBoundary: (s: Settings): DayBoundary => dayBoundaryInForce(s),
};
