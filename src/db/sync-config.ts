// Sync's settings on this device (the syncState table): the database URL, the user name and
// whether sync is on. Never a password. Small on purpose: start-up reads it to decide whether to
// load the sync code at all.
import { getDb } from './database';
import { withStorage } from './errors';
import type { KujiraDB } from './schema';

/** Sync's own settings on this device: the database URL, the user name, whether it is on. Never a password. */
export interface SyncConfig {
  server: string;
  user: string;
  enabled: boolean;
}

export async function loadSyncConfig(db: KujiraDB): Promise<SyncConfig | null> {
  const row = await withStorage(db, () => db.syncState.get('config'));
  if (!row) return null;
  try {
    const c = JSON.parse(row.value) as Partial<SyncConfig>;
    if (typeof c.server !== 'string' || typeof c.user !== 'string') return null;
    return { server: c.server, user: c.user, enabled: c.enabled === true };
  } catch {
    return null;
  }
}

export async function saveSyncConfig(db: KujiraDB, config: SyncConfig): Promise<void> {
  const clean: SyncConfig = { server: config.server, user: config.user, enabled: config.enabled };
  await withStorage(db, () => db.syncState.put({ key: 'config', value: JSON.stringify(clean) }));
}

/** Sync's settings on this device: start-up (is sync on?), Settings, Backup and the sync feature. */
export const syncConfigRepository = {
  load: (): Promise<SyncConfig | null> => loadSyncConfig(getDb()),
  save: (config: SyncConfig): Promise<void> => saveSyncConfig(getDb(), config),
};
