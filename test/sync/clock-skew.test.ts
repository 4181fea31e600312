// Clocks are claims (issue 22): three devices whose clocks are off by -1 day .. +1 year rate,
// undo and change a setting (last writer wins by time) through the dev server (a property with a fixed seed). No device applies another's event
// stamped more than the tolerance past its own clock: it holds it in its quarantine list, so a
// skewed device never changes another device's state beyond the tolerance. Once every clock has
// reached every stamp, the held events are applied and all devices end with the state of one
// replay of the union.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLOCK_TOLERANCE_MS, latestStampOf } from '../../src/domain/events/clock-bounds';
import type { Grade } from '../../src/domain/scheduler/types';
import { Replicator } from '../../src/sync/replicator';
import { realClock, type SyncEvent } from '../../src/sync/types';
import { checkTestEvent, ratingEvent, replayState, voidEvent, type TestEvent } from './events';
import { createDatabase, DeviceNetwork, MemoryEventStore, startTestServer, until, type SyncServer } from './helpers';

/** The true time of the scenario; device clocks are this plus their skew (the engine's clock is injected). */
const TRUE_NOW = Date.UTC(2026, 10, 20, 3, 0, 0);
const DAY = 86_400_000;
const YEAR = 365 * DAY;
let server: SyncServer;
let dbCount = 0;
/** Held documents seen across the runs: the property must have exercised the hold. */
let heldSeen = 0;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

type Command =
  | { op: 'rate'; dev: number; card: number; grade: Grade }
  | { op: 'undo'; dev: number }
  | { op: 'set'; dev: number; value: number }
  | { op: 'tick'; ms: number };

const commandArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('rate' as const), dev: fc.nat(2), card: fc.nat(3), grade: fc.constantFrom<Grade>(1, 2, 3, 4) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('undo' as const), dev: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), dev: fc.nat(2), value: fc.integer({ min: 0, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 1_000, max: 20 * 60_000 }) }) },
);
/** Skews: -1 day .. +1 year, and often none or a few minutes (the common case must hold too). */
const skewArb = fc.oneof(fc.integer({ min: -DAY, max: YEAR }), fc.integer({ min: -5 * 60_000, max: 5 * 60_000 }), fc.constant(0));

const stampOf = (e: SyncEvent): number => latestStampOf(e)!.at;

/** A setting changed (as the app's settings events: last writer wins by time, then device, then sequence). */
interface SettingEvent {
  id: string;
  type: 'setting';
  at: number;
  device: string;
  seq: number;
  newPerDay: number;
}
type SkewEvent = TestEvent | SettingEvent;

const check: typeof checkTestEvent = (raw) => {
  const e = raw as Partial<SettingEvent> | null;
  if (e?.type !== 'setting') return checkTestEvent(raw);
  return typeof e.at === 'number' && typeof e.newPerDay === 'number' ? { ok: true, event: raw as SyncEvent } : { ok: false, path: '$', reason: 'not a setting' };
};

/** The state a device shows: the ratings' replay, and the setting's last writer. */
function deviceState(events: Iterable<SyncEvent>) {
  const all = [...events] as SkewEvent[];
  const settings = all.filter((e): e is SettingEvent => e.type === 'setting').sort((a, b) => a.at - b.at || (a.device < b.device ? -1 : a.device > b.device ? 1 : a.seq - b.seq));
  return { cards: replayState(all.filter((e) => e.type !== 'setting')), newPerDay: settings.at(-1)?.newPerDay ?? null };
}

async function runScenario(skews: number[], commands: Command[]): Promise<void> {
  const db = await createDatabase(server, `kujira-skew-${++dbCount}`);
  let elapsed = 0;
  const devs = skews.map((skew, i) => {
    const store = new MemoryEventStore();
    const clock = { ...realClock, now: () => TRUE_NOW + skew + elapsed };
    const rep = new Replicator({ dbUrl: db, store, check, deviceId: `s${i}`, fetch: new DeviceNetwork().fetch, clock, longpollMs: 300, batchSize: 7, backoff: { baseMs: 10, maxMs: 80 } });
    return { store, rep, clock, counter: 0, own: new Set<string>(), ratings: [] as string[], voided: new Set<string>() };
  });
  const all = new Map<string, SkewEvent>();
  try {
    for (const d of devs) d.rep.start({ name: server.user.name, password: server.user.password });
    for (const c of commands) {
      if (c.op === 'tick') {
        elapsed += c.ms;
        continue;
      }
      const d = devs[c.dev]!;
      // Each event is stamped with its own device's clock (a second apart, so stamps are distinct).
      elapsed += 1_000;
      let e: SkewEvent;
      if (c.op === 'set') {
        e = { id: `s${c.dev}-${++d.counter}`, type: 'setting', at: d.clock.now(), device: `s${c.dev}`, seq: d.counter, newPerDay: c.value };
      } else if (c.op === 'rate') {
        e = ratingEvent(`s${c.dev}-${++d.counter}`, `docker:cmd-${c.card}`, c.grade, d.clock.now());
        d.ratings.push(e.id);
      } else {
        const target = [...d.ratings].reverse().find((id) => !d.voided.has(id));
        if (target === undefined) continue;
        d.voided.add(target);
        e = voidEvent(`s${c.dev}-${++d.counter}`, target, d.clock.now());
      }
      d.own.add(e.id);
      d.store.append(e);
      all.set(e.id, e);
      await new Promise((r) => setTimeout(r, 1));
    }

    // 1. Bounded: each device holds exactly its own events and the others' within its clock's tolerance.
    const allowed = (d: (typeof devs)[number]) => [...all.values()].filter((e) => d.own.has(e.id) || stampOf(e) <= d.clock.now() + CLOCK_TOLERANCE_MS);
    await until(
      () => devs.every((d) => d.rep.status.kind === 'synced' && d.store.byId.size === allowed(d).length && d.store.quarantined.length === all.size - allowed(d).length),
      60_000,
      'bounded sync',
    );
    for (const d of devs) {
      expect([...d.store.byId.keys()].sort()).toEqual(allowed(d).map((e) => e.id).sort());
      // What it did not apply waits in the quarantine list, with its reason and when it may apply.
      heldSeen += d.store.quarantined.length;
      for (const q of d.store.quarantined) {
        const e = all.get(q.docId)!;
        expect(q.until).toBe(stampOf(e) - CLOCK_TOLERANCE_MS);
        expect(q.reason).toMatch(/more than 10 minutes past this device's clock: held until /);
      }
      // A skewed device never changed this one beyond the tolerance.
      for (const e of d.store.byId.values()) if (!d.own.has(e.id)) expect(stampOf(e)).toBeLessThanOrEqual(d.clock.now() + CLOCK_TOLERANCE_MS);
      // Its cards and its setting are those of its own events and the others' within the tolerance.
      expect(deviceState(d.store.byId.values())).toEqual(deviceState(allowed(d)));
    }

    // 2. Their time comes: every clock passes every stamp; the held events apply and all converge.
    const latest = Math.max(TRUE_NOW, ...[...all.values()].map(stampOf));
    elapsed += latest - (TRUE_NOW + Math.min(...skews)) + 1_000;
    // The clocks jumped: as when a person sets a clock right, each engine looks again now.
    for (const d of devs) d.rep.wake();
    await until(() => devs.every((d) => d.store.byId.size === all.size && d.store.quarantined.length === 0 && d.rep.status.kind === 'synced'), 60_000, 'held events applied');
    const expected = deviceState(all.values());
    for (const d of devs) expect(deviceState(d.store.byId.values())).toEqual(expected);
  } finally {
    await Promise.all(devs.map((d) => d.rep.stop()));
  }
}

describe('devices with skewed clocks', () => {
  it('3 devices, clocks -1 day .. +1 year, 25 random histories (seed 22): bounded, then one replay of the union', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(skewArb, skewArb, skewArb), fc.array(commandArb, { minLength: 4, maxLength: 24 }), async (skews, commands) => {
        await runScenario(skews, commands);
      }),
      { seed: 22, numRuns: 25, endOnFailure: true },
    );
    expect(heldSeen).toBeGreaterThan(10);
  }, 300_000);
});
