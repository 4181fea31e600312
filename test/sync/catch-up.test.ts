// The catch-up (src/sync/pull.ts catchUp) against the dev server: a full batch tells the store that
// more follow (it may leave the states to the end), the last batch does not, and the store settles
// its states once the catch-up ends, also when a batch fails half-way (then sync retries and
// still gets everything).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Replicator } from '../../src/sync/replicator';
import { eventToDoc } from '../../src/sync/event-docs';
import type { AddPulledOptions, SyncEvent } from '../../src/sync/types';
import { adminPut, createDatabase, DeviceNetwork, MemoryEventStore, startTestServer, until, type SyncServer } from './helpers';
import { checkTestEvent, ratingEvent } from './events';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
let server: SyncServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

/** A store that writes down how the engine called it; `onAdd` is told the number of each addPulled call. */
class RecordingStore extends MemoryEventStore {
  readonly calls: string[] = [];
  onAdd: (n: number) => void = () => {};
  override async addPulled(events: SyncEvent[], source: string, options: AddPulledOptions = {}) {
    this.calls.push(`add ${events.length}${options.deferStates ? ' deferred' : ''}`);
    this.onAdd(this.calls.filter((c) => c.startsWith('add')).length);
    return super.addPulled(events, source);
  }
  async settlePulled() {
    this.calls.push('settle');
  }
}

async function serverWithRatings(name: string, n: number): Promise<string> {
  const db = await createDatabase(server, name);
  for (let i = 0; i < n; i++) await adminPut(server, db, eventToDoc(ratingEvent(`r${i}`, 'docker:ps', 3, T0 + i * 60_000)), false);
  return db;
}

function startDevice(dbUrl: string, store: MemoryEventStore, net = new DeviceNetwork()) {
  const rep = new Replicator({ dbUrl, store, check: checkTestEvent, deviceId: 'phone', fetch: net.fetch, pullBatchSize: 2, longpollMs: 1_000, backoff: { baseMs: 20, maxMs: 50 } });
  rep.start({ name: server.user.name, password: server.user.password });
  return rep;
}

describe('a catch-up', { timeout: 60_000 }, () => {
  it('defers the states of full batches and settles them once it is caught up', async () => {
    const store = new RecordingStore();
    const rep = startDevice(await serverWithRatings('kujira-catch-up-1', 5), store);
    await until(() => rep.status.kind === 'synced' && store.byId.size === 5, 30_000, 'five events pulled');
    await rep.stop();
    const firstRound = store.calls.slice(0, store.calls.indexOf('settle') + 1);
    expect(firstRound).toEqual(['add 2 deferred', 'add 2 deferred', 'add 1', 'settle']);
  });

  it('settles what it deferred when the connection drops half-way, then gets the rest on the retry', async () => {
    const store = new RecordingStore();
    const net = new DeviceNetwork();
    // The connection drops while the second batch is written (the third is being fetched).
    store.onAdd = (n) => {
      if (n === 2) net.setOnline(false);
    };
    const rep = startDevice(await serverWithRatings('kujira-catch-up-2', 5), store, net);
    await until(() => rep.status.kind === 'offline' || rep.status.kind === 'error', 30_000, 'the drop seen');
    expect(store.calls).toEqual(['add 2 deferred', 'add 2 deferred', 'settle']);
    net.setOnline(true);
    await until(() => rep.status.kind === 'synced' && store.byId.size === 5, 30_000, 'five events pulled after the retry');
    await rep.stop();
    // The retry starts again at the second batch (its checkpoint could not reach the server; adding
    // it again changes nothing) and ends settled.
    expect(store.calls.slice(3, 6)).toEqual(['add 2 deferred', 'add 1', 'settle']);
  });
});
