// Two and three simulated devices replicating live through the dev server: random ratings, undos
// (voids) and offline periods (a property test with a fixed seed) end with every device holding
// the union of all events and the same state as a single replay of that union.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Replicator } from '../../src/sync/replicator';
import { createDatabase, DeviceNetwork, MemoryEventStore, startTestServer, until, type SyncServer } from './helpers';
import { checkTestEvent, ratingEvent, replayState, voidEvent, type TestEvent } from './events';
import type { Grade } from '../../src/domain/scheduler/types';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
let server: SyncServer;
let dbCount = 0;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

type Command =
  | { op: 'rate'; dev: number; card: number; grade: Grade }
  | { op: 'undo'; dev: number }
  | { op: 'offline'; dev: number }
  | { op: 'online'; dev: number }
  | { op: 'pause'; ms: number };

const commandArb = (devices: number): fc.Arbitrary<Command> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('rate' as const), dev: fc.nat(devices - 1), card: fc.nat(3), grade: fc.constantFrom<Grade>(1, 2, 3, 4) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('undo' as const), dev: fc.nat(devices - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('offline' as const), dev: fc.nat(devices - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('online' as const), dev: fc.nat(devices - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 40 }) }) },
  );

async function runScenario(devices: number, commands: Command[]): Promise<void> {
  const db = await createDatabase(server, `kujira-conv-${++dbCount}`);
  const devs = Array.from({ length: devices }, (_, i) => {
    const store = new MemoryEventStore();
    const net = new DeviceNetwork();
    const rep = new Replicator({ dbUrl: db, store, check: checkTestEvent, deviceId: `d${i}`, fetch: net.fetch, longpollMs: 1_000, batchSize: 7, backoff: { baseMs: 10, maxMs: 80 } });
    return { store, net, rep, counter: 0, clock: T0 + i * 7_000, ratings: [] as string[], voided: new Set<string>() };
  });
  const all = new Map<string, TestEvent>();
  try {
    for (const d of devs) d.rep.start({ name: server.user.name, password: server.user.password });
    for (const c of commands) {
      if (c.op === 'pause') {
        await new Promise((r) => setTimeout(r, c.ms));
        continue;
      }
      const d = devs[c.dev]!;
      if (c.op === 'offline') d.net.setOnline(false);
      else if (c.op === 'online') {
        d.net.setOnline(true);
        d.rep.wake();
      } else if (c.op === 'rate') {
        d.clock += 60_000;
        const e = ratingEvent(`d${c.dev}-${++d.counter}`, `docker:cmd-${c.card}`, c.grade, d.clock);
        d.ratings.push(e.id);
        d.store.append(e);
        all.set(e.id, e);
      } else {
        // Undo takes back this device's own last rating not yet undone (its local sequence).
        const target = [...d.ratings].reverse().find((id) => !d.voided.has(id));
        if (target === undefined) continue;
        d.voided.add(target);
        d.clock += 1_000;
        const e = voidEvent(`d${c.dev}-${++d.counter}`, target, d.clock);
        d.store.append(e);
        all.set(e.id, e);
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    for (const d of devs) {
      d.net.setOnline(true);
      d.rep.wake();
    }
    await until(() => devs.every((d) => d.store.byId.size === all.size && d.rep.status.kind === 'synced'), 60_000, 'convergence');
    const expected = replayState(all.values());
    for (const d of devs) {
      expect([...d.store.byId.keys()].sort()).toEqual([...all.keys()].sort());
      expect(d.store.log.length).toBe(all.size);
      expect(d.store.quarantined).toEqual([]);
      expect(replayState(d.store.byId.values())).toEqual(expected);
    }
  } finally {
    await Promise.all(devs.map((d) => d.rep.stop()));
  }
}

describe('devices converge to a single replay of the union', () => {
  for (const [devices, runs] of [
    [2, 10],
    [3, 6],
  ] as const) {
    it(`${devices} devices, ${runs} random histories (seed 15)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(commandArb(devices), { minLength: 5, maxLength: 40 }), async (commands) => {
          await runScenario(devices, commands);
        }),
        { seed: 15, numRuns: runs, endOnFailure: true },
      );
    }, 300_000);
  }
});
