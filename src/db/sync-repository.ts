// The sync repository over the app's database: the event store the sync feature hands the engine,
// this device's id and the quarantine. Its saved settings are syncConfigRepository (sync-config.ts).
import { getDb } from './database';
import { deviceId } from './stamp';
import type { QuarantinedEvent } from '../domain/events/event-store';
import { quarantineCount, quarantinedEvents, syncEventStore, type SyncEventStore } from './sync-store';

export const syncRepository = {
  eventStore: (): SyncEventStore => syncEventStore(getDb()),
  deviceId: (): Promise<string> => getDb().transaction('rw', getDb().meta, () => deviceId(getDb())),
  quarantined: (limit?: number): Promise<QuarantinedEvent[]> => quarantinedEvents(getDb(), limit),
  quarantineCount: (): Promise<number> => quarantineCount(getDb()),
};

