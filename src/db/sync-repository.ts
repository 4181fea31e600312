// The sync repository over the app's database: what the sync feature calls.
import { getDb } from './database';
import { deviceId } from './stamp';
import { loadSyncConfig, saveSyncConfig, type SyncConfig } from './sync-config';
import { quarantineCount, quarantinedEvents, syncEventStore, type QuarantinedSyncEvent, type SyncEventStore } from './sync-store';

export const syncRepository = {
  eventStore: (): SyncEventStore => syncEventStore(getDb()),
  deviceId: (): Promise<string> => getDb().transaction('rw', getDb().meta, () => deviceId(getDb())),
  loadConfig: (): Promise<SyncConfig | null> => loadSyncConfig(getDb()),
  saveConfig: (config: SyncConfig): Promise<void> => saveSyncConfig(getDb(), config),
  quarantined: (limit?: number): Promise<QuarantinedSyncEvent[]> => quarantinedEvents(getDb(), limit),
  quarantineCount: (): Promise<number> => quarantineCount(getDb()),
};

export type { QuarantinedSyncEvent } from './sync-store';
export type { SyncConfig } from './sync-config';
