// The server killed (every connection dropped) in the middle of a push and of a pull, then
// restarted with its data: replication resumes from its checkpoints and the server and the
// other device end with every event exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Replicator } from '../../src/sync/replicator';
import { eventRev } from '../../src/sync/event-docs';
import { adminAllDocs, DeviceNetwork, MemoryEventStore, startTestServer, until, type SyncServer } from './helpers';
import { checkTestEvent, ratingEvent } from './events';
import type { Grade } from '../../src/domain/scheduler/types';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const N = 600;
let server: SyncServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

function killOnce(net: DeviceNetwork, path: string, nth: number): { killed: () => boolean } {
  let seen = 0;
  let done = false;
  net.onRequest = (url) => {
    if (done || !url.includes(path) || ++seen < nth) return;
    done = true;
    // Dropped while this request is in flight; back 150 ms later with the same data.
    setTimeout(() => void server.stop().then(() => new Promise((r) => setTimeout(r, 150))).then(() => server.restart()), 2);
  };
  return { killed: () => done };
}

it('server killed and restarted mid-push and mid-pull: nothing lost, nothing twice', async () => {
  const laptop = { store: new MemoryEventStore(), net: new DeviceNetwork() };
  for (let i = 0; i < N; i++) laptop.store.append(ratingEvent(`L-${i}`, `docker:cmd-${i % 40}`, ((i % 4) + 1) as Grade, T0 + i * 60_000));
  const pushKill = killOnce(laptop.net, '_bulk_docs', 3);
  const push = new Replicator({ dbUrl: server.dbUrl, store: laptop.store, check: checkTestEvent, deviceId: 'laptop', fetch: laptop.net.fetch, batchSize: 100, longpollMs: 1_000, backoff: { baseMs: 50, maxMs: 200 } });
  const seen: string[] = [];
  push.start({ name: server.user.name, password: server.user.password });
  await until(() => {
    seen.push(push.status.kind);
    return pushKill.killed() && push.status.kind === 'synced';
  }, 60_000, 'push finished after the restart');
  expect(seen).toContain('offline');
  await push.stop();

  const docs = (await adminAllDocs(server, server.dbUrl)).filter((d) => !d.id.startsWith('_design/'));
  expect(docs.length).toBe(N);
  for (const { doc } of docs) {
    const event = doc.event as { id: string };
    expect(doc._rev).toBe(eventRev(event));
    expect(doc._conflicts).toBeUndefined();
  }

  const phone = { store: new MemoryEventStore(), net: new DeviceNetwork() };
  const pullKill = killOnce(phone.net, '_changes', 3);
  const pull = new Replicator({ dbUrl: server.dbUrl, store: phone.store, check: checkTestEvent, deviceId: 'phone', fetch: phone.net.fetch, batchSize: 100, longpollMs: 1_000, backoff: { baseMs: 50, maxMs: 200 } });
  pull.start({ name: server.user.name, password: server.user.password });
  await until(() => pullKill.killed() && pull.status.kind === 'synced' && phone.store.byId.size === N, 60_000, 'pull finished after the restart');
  // Pulled events are never offered back: the phone's next rating costs one _revs_diff, not N/100.
  phone.store.append(ratingEvent('P-1', 'docker:cmd-1', 3, T0 + N * 60_000));
  await until(() => pull.totals.pushed === 1 && pull.status.kind === 'synced', 60_000, 'the phone rating pushed');
  expect(phone.net.paths.filter((p) => p.endsWith('/_revs_diff'))).toHaveLength(1);
  await pull.stop();
  expect(phone.store.log.length).toBe(N + 1);
  expect([...phone.store.byId.keys()].filter((id) => id !== 'P-1').sort()).toEqual([...laptop.store.byId.keys()].sort());
  expect(phone.store.quarantined).toEqual([]);
  expect(pull.totals.pulled).toBe(N);
}, 150_000);
