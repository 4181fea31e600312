// The replication engine against the dev server (PouchDB Server on loopback): two devices meet
// through it, the documented statuses for each failure, backoff on a manual clock, quarantine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Replicator, type ReplicatorOptions } from '../../src/sync/replicator';
import { eventRev, eventToDoc } from '../../src/sync/event-docs';
import type { Grade } from '../../src/domain/scheduler/types';
import type { Clock, SyncStatus } from '../../src/sync/types';
import { adminAllDocs, adminPut, createDatabase, DeviceNetwork, MemoryEventStore, startTestServer, until, type SyncServer } from './helpers';
import { checkTestEvent, ratingEvent, replayState, voidEvent } from './events';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
let server: SyncServer;
let dbCount = 0;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

function device(dbUrl: string, name: string, extra: Partial<ReplicatorOptions> = {}) {
  const store = new MemoryEventStore();
  const net = new DeviceNetwork();
  const statuses: SyncStatus[] = [];
  const rep = new Replicator({
    dbUrl,
    store,
    check: checkTestEvent,
    deviceId: name,
    fetch: net.fetch,
    longpollMs: 2_000,
    backoff: { baseMs: 20, maxMs: 200 },
    onStatus: (s) => statuses.push(s),
    ...extra,
  });
  return { store, net, rep, statuses, name };
}

const freshDb = () => createDatabase(server, `kujira-test-${++dbCount}`);
const creds = () => ({ name: server.user.name, password: server.user.password });

describe('two devices', { timeout: 60_000 }, () => {
  it('a rating on one reaches the other, and an undo (void) follows it', async () => {
    const db = await freshDb();
    const laptop = device(db, 'laptop');
    const phone = device(db, 'phone');
    laptop.rep.start(creds());
    phone.rep.start(creds());
    await until(() => laptop.rep.status.kind === 'synced' && phone.rep.status.kind === 'synced', 30_000, 'both synced');
    laptop.store.append(ratingEvent('r1', 'docker:ps', 3, T0));
    await until(() => phone.store.byId.has('r1'), 20_000, 'r1 on the phone');
    phone.store.append(voidEvent('v1', 'r1', T0 + 1000));
    await until(() => laptop.store.byId.has('v1'), 20_000, 'v1 on the laptop');
    expect(replayState(laptop.store.byId.values())).toEqual({});
    expect(replayState(phone.store.byId.values())).toEqual({});
    await laptop.rep.stop();
    await phone.rep.stop();
    expect(laptop.rep.status).toEqual({ kind: 'stopped' });
    // The server holds each event once, as the document every device writes for it.
    const docs = await adminAllDocs(server, db);
    expect(docs.map((d) => d.id).sort()).toEqual(['r1', 'v1']);
    expect(docs.find((d) => d.id === 'r1')!.doc).toMatchObject(eventToDoc(laptop.store.byId.get('r1')!));
  });

  it('resumes from its checkpoints: a restarted device sends and reads only what is new', async () => {
    const db = await freshDb();
    const a = device(db, 'a', { batchSize: 10 });
    for (let i = 0; i < 25; i++) a.store.append(ratingEvent(`a${i}`, `c${i % 5}`, 3, T0 + i * 60_000));
    a.rep.start(creds());
    await until(() => a.rep.status.kind === 'synced', 30_000, 'a synced');
    expect(a.rep.totals.pushed).toBe(25);
    await a.rep.stop();
    // A new replicator over the same store (an app reload): nothing to send again.
    const again = new Replicator({ dbUrl: db, store: a.store, check: checkTestEvent, deviceId: 'a', fetch: a.net.fetch, longpollMs: 2_000 });
    const before = a.net.requests;
    again.start(creds());
    await until(() => again.status.kind === 'synced', 30_000, 'a synced again');
    expect(again.totals).toEqual({ pushed: 0, pulled: 0, quarantined: 0 });
    // sign-in (2), info, two checkpoints, one _changes: no _revs_diff or _bulk_docs.
    expect(a.net.requests - before).toBeLessThanOrEqual(7);
    await again.stop();
  });
});

describe('status for each failure', { timeout: 60_000 }, () => {
  it('wrong password', async () => {
    const d = device(server.dbUrl, 'x');
    d.rep.start({ name: server.user.name, password: 'nope' });
    await until(() => d.rep.status.kind === 'error', 20_000, 'error');
    expect(d.rep.status).toMatchObject({ kind: 'error', reason: 'wrong-password', retryAt: null });
    await d.rep.stop();
  });

  it('no such database', async () => {
    const d = device(`${server.url}/kujira-nobody`, 'x');
    d.rep.start(creds());
    await until(() => d.rep.status.kind === 'error', 20_000, 'error');
    expect(d.rep.status).toMatchObject({ kind: 'error', reason: 'no-database', retryAt: null });
    await d.rep.stop();
  });

  it('not a member of the database', async () => {
    const bobs = await createDatabase(server, `kujira-bob-${++dbCount}`, 'bob');
    const d = device(bobs, 'x');
    d.rep.start(creds());
    await until(() => d.rep.status.kind === 'error', 20_000, 'error');
    expect(d.rep.status).toMatchObject({ kind: 'error', reason: 'forbidden', retryAt: null });
    await d.rep.stop();
  });

  it('signed out: resumed after a reload with no session cookie and no password', async () => {
    const d = device(server.dbUrl, 'x');
    d.rep.start(null);
    await until(() => d.rep.status.kind === 'error', 20_000, 'error');
    expect(d.rep.status).toMatchObject({ kind: 'error', reason: 'signed-out', retryAt: null });
    await d.rep.stop();
  });

  it('CORS not enabled on the server', async () => {
    const noCors = await startTestServer({ cors: false });
    try {
      const d = device(noCors.dbUrl, 'x');
      d.rep.start(creds());
      await until(() => d.rep.status.kind === 'error', 20_000, 'error');
      expect(d.rep.status).toMatchObject({ kind: 'error', reason: 'cors', retryAt: null });
      await d.rep.stop();
    } finally {
      await noCors.close();
    }
  });

  it('server down: unreachable, retried with exponential backoff, then syncs when it is back', async () => {
    const s = await startTestServer();
    await s.stop();
    let now = T0;
    const sleeps: number[] = [];
    const wakes: (() => void)[] = [];
    const clock: Clock = {
      now: () => now,
      sleep: (ms, signal) =>
        new Promise<void>((resolve) => {
          sleeps.push(ms);
          signal.addEventListener('abort', () => resolve());
          wakes.push(() => {
            now += ms;
            resolve();
          });
        }),
    };
    const d = device(s.dbUrl, 'x', { clock, backoff: { baseMs: 1000, maxMs: 8000 } });
    d.rep.start(creds());
    for (let i = 0; i < 5; i++) {
      await until(() => wakes.length === i + 1, 20_000, `sleep ${i + 1}`);
      expect(d.rep.status).toMatchObject({ kind: 'error', reason: 'unreachable', retryAt: now + sleeps[i]! });
      if (i < 4) wakes[i]!();
    }
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 8000]);
    await s.restart();
    wakes[4]!();
    await until(() => d.rep.status.kind === 'synced', 20_000, 'synced after the server came back');
    // Lost again after it worked: "offline, retrying".
    await s.stop();
    d.store.append(ratingEvent('late', 'docker:ps', 3, T0));
    await until(() => d.rep.status.kind === 'offline', 20_000, 'offline');
    expect(d.rep.status).toMatchObject({ kind: 'offline', attempt: 1, retryAt: now + 1000 });
    await d.rep.stop();
    await s.close();
  });
});

describe('a hostile or tampered database', { timeout: 60_000 }, () => {
  it('quarantines bad events, reports them, applies the good ones', async () => {
    const db = await freshDb();
    const good = ratingEvent('good-1', 'docker:ps', 3, T0);
    await adminPut(server, db, eventToDoc(good), false);
    // Rating 7, a day key past 9999, a rewritten event, a foreign document, nesting 40 deep.
    const bad7 = { ...ratingEvent('bad-rating', 'docker:ps', 3, T0), rating: 7 };
    await adminPut(server, db, { ...(eventToDoc(bad7)) }, false);
    const badDay = { ...ratingEvent('bad-day', 'docker:ps', 3, T0), dayKey: '99999-12-31' };
    await adminPut(server, db, eventToDoc(badDay), false);
    const edited = eventToDoc(ratingEvent('edited', 'docker:ps', 3, T0));
    await adminPut(server, db, { ...edited, event: { ...(edited.event as object), rating: 4 } }, false);
    await adminPut(server, db, { _id: 'not-ours', hello: 'world' });
    let deep: unknown = 1;
    // 40 levels: past the app's 32, under the dev server's own limit (64, which refuses deeper before storing).
    for (let i = 0; i < 40; i++) deep = [deep];
    await adminPut(server, db, { _id: 'deep', _rev: '1-00000000000000000000000000000000', kujira: 1, event: { id: 'deep', type: 'void', target: deep, at: 1 } }, false);

    const d = device(db, 'victim');
    d.rep.start(creds());
    await until(() => d.rep.status.kind === 'synced', 30_000, 'synced');
    expect([...d.store.byId.keys()]).toEqual(['good-1']);
    const q = Object.fromEntries(d.store.quarantined.map((x) => [x.docId, x.path]));
    expect(q).toEqual({
      'bad-rating': '$.event.rating',
      'bad-day': '$.event.dayKey',
      edited: '$._rev',
      'not-ours': '$.kujira',
      deep: '$.event',
    });
    expect(d.rep.status).toMatchObject({ kind: 'synced', quarantined: 5 });
    await d.rep.stop();
  });

  it('an event id already here with other content is quarantined, not applied', async () => {
    const db = await freshDb();
    const d = device(db, 'victim');
    const mine = ratingEvent('same-id', 'docker:ps', 3, T0);
    d.store.append(mine);
    // The server's version must win CouchDB's deterministic pick (the higher revision), or this
    // device's own push would make its version the one every device reads.
    const theirs = [1, 2, 4].map((g) => ratingEvent('same-id', 'docker:ps', g as Grade, T0)).find((e) => eventRev(e) > eventRev(mine))!;
    await adminPut(server, db, eventToDoc(theirs), false);
    d.rep.start(creds());
    await until(() => d.rep.status.kind === 'synced', 30_000, 'synced');
    expect(d.store.byId.get('same-id')).toEqual(mine);
    // Once this device pushed its own, the server holds two versions: reported as the conflict it is (issue 22).
    expect(d.store.quarantined.map((x) => [x.docId, x.path])).toEqual([['same-id', '$._conflicts']]);
    await d.rep.stop();
  });
});

describe("the dev database's write rule (validate_doc_update)", { timeout: 60_000 }, () => {
  const asAlice = () => ({ authorization: `Basic ${Buffer.from(`${server.user.name}:${server.user.password}`).toString('base64')}`, 'content-type': 'application/json' });

  it('lets a member add events and refuses changing one, deleting one or writing anything else', async () => {
    const d = device(server.dbUrl, 'rules');
    d.store.append(ratingEvent('rule-1', 'docker:ps', 3, T0));
    d.rep.start(creds());
    await until(() => d.rep.status.kind === 'synced', 30_000, 'synced');
    await d.rep.stop();
    const doc = (await (await fetch(`${server.dbUrl}/rule-1`, { headers: asAlice() })).json()) as Record<string, unknown>;
    expect(doc._rev).toBe(eventRev(d.store.byId.get('rule-1')!));

    const edit = await fetch(`${server.dbUrl}/rule-1`, { method: 'PUT', headers: asAlice(), body: JSON.stringify({ ...doc, event: { ...(doc.event as object), rating: 1 } }) });
    expect([edit.status, ((await edit.json()) as { reason: string }).reason]).toEqual([403, 'Kujira events are never changed']);
    const del = await fetch(`${server.dbUrl}/rule-1?rev=${String(doc._rev)}`, { method: 'DELETE', headers: asAlice() });
    expect(del.status).toBe(403);
    const other = await fetch(`${server.dbUrl}/notes`, { method: 'PUT', headers: asAlice(), body: JSON.stringify({ text: 'hello' }) });
    expect([other.status, ((await other.json()) as { reason: string }).reason]).toEqual([403, 'not a Kujira document']);
  });
});
