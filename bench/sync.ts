// Benchmark of live sync through the dev server (PouchDB Server, in memory, loopback): initial
// sync of 10k and 100k events to an empty device, and rating -> visible on the other device
// (p50/p95 over 100 ratings). Prints figures; asserts nothing.
// Devices are in-memory event stores in this Node process (not IndexedDB in a browser): the
// figures are the engine, the protocol and the server; a browser adds its IndexedDB writes.
// Pulled events pass a structural check here; the cost of the full backup-import check per event
// is printed on its own line so it can be added.
// Run: npx tsx bench/sync.ts
import { Replicator } from '../src/sync/replicator';
import type { EventCheck, SyncEvent, SyncStatus } from '../src/sync/types';
import { createDatabase, DeviceNetwork, MemoryEventStore, startTestServer, type SyncServer } from '../test/sync/helpers';
import { checkTestEvent, ratingEvent } from '../test/sync/events';
import type { Grade } from '../src/domain/scheduler/types';

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const structural: EventCheck = (e) =>
  e !== null && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string' ? { ok: true, event: e as SyncEvent } : { ok: false, path: '$', reason: 'not an event' };

function device(server: SyncServer, dbUrl: string, name: string, check: EventCheck = structural) {
  const store = new MemoryEventStore();
  const net = new DeviceNetwork();
  const statuses: SyncStatus[] = [];
  const rep = new Replicator({ dbUrl, store, check, deviceId: name, fetch: net.fetch, onStatus: (s) => statuses.push(s) });
  const creds = { name: server.user.name, password: server.user.password };
  return { store, net, rep, statuses, start: () => rep.start(creds) };
}

/** Waits for `cond`; gives up with the engine's status if sync stops on an error. */
const waitFor = (cond: () => boolean, ...reps: Replicator[]) =>
  new Promise<void>((resolve, reject) => {
    const tick = () => {
      const failed = reps.find((r) => r.status.kind === 'error');
      if (failed) return reject(new Error(`sync stopped: ${JSON.stringify(failed.status)}`));
      return cond() ? resolve() : setTimeout(tick, 5);
    };
    tick();
  });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function initialSync(server: SyncServer, n: number) {
  const db = await createDatabase(server, `bench-initial-${n}`);
  const laptop = device(server, db, 'laptop');
  for (let i = 0; i < n; i++) laptop.store.append(ratingEvent(`e-${i}`, `docker:cmd-${i % 2000}`, ((i % 4) + 1) as Grade, T0 + i * 60_000));
  let t = performance.now();
  laptop.start();
  await waitFor(() => laptop.rep.status.kind === 'synced', laptop.rep);
  const pushMs = performance.now() - t;
  await laptop.rep.stop();

  const phone = device(server, db, 'phone');
  t = performance.now();
  phone.start();
  await waitFor(() => phone.rep.status.kind === 'synced' && phone.store.byId.size === n, phone.rep);
  const pullMs = performance.now() - t;
  const progress = phone.statuses.filter((s) => s.kind === 'syncing').length;
  await phone.rep.stop();
  console.log(
    `initial sync, ${n.toLocaleString('en')} events: push from the first device ${(pushMs / 1000).toFixed(1)} s, ` +
      `pull to an empty device ${(pullMs / 1000).toFixed(1)} s (${Math.round(n / (pullMs / 1000)).toLocaleString('en')} events/s, ${progress} progress updates)`,
  );
}

async function latency(server: SyncServer, ratings: number) {
  const db = await createDatabase(server, 'bench-latency');
  const laptop = device(server, db, 'laptop', checkTestEvent);
  const phone = device(server, db, 'phone', checkTestEvent);
  laptop.start();
  phone.start();
  await waitFor(() => laptop.rep.status.kind === 'synced' && phone.rep.status.kind === 'synced', laptop.rep, phone.rep);
  const times: number[] = [];
  for (let i = 0; i < ratings; i++) {
    const e = ratingEvent(`lat-${i}`, `docker:cmd-${i % 50}`, 3, T0 + i * 60_000);
    const t = performance.now();
    laptop.store.append(e);
    await waitFor(() => phone.store.byId.has(e.id), laptop.rep, phone.rep);
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  await laptop.rep.stop();
  await phone.rep.stop();
  console.log(`rating -> visible on the other device (${ratings} ratings, live): p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
}

function checkCost(n: number) {
  const events = Array.from({ length: n }, (_, i) => ratingEvent(`c-${i}`, `docker:cmd-${i % 100}`, 3, T0 + i * 60_000));
  const t = performance.now();
  for (const e of events) checkTestEvent(e);
  const us = ((performance.now() - t) * 1000) / n;
  console.log(`backup-import check of one pulled rating (one-entry backup through checkBackup): ${us.toFixed(0)} µs/event (${((us * 100_000) / 1e6).toFixed(0)} s per 100k)`);
}

async function main() {
  const server = await startTestServer();
  try {
    await latency(server, Number(process.env.RATINGS ?? 100));
    for (const n of (process.env.SIZES ?? "10000,100000").split(",").map(Number)) await initialSync(server, n);
    checkCost(2_000);
  } finally {
    await server.close();
  }
}

await main();
