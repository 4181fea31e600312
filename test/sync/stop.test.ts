// Regression (the convergence test that hung to its 300 s timeout under load): stopping sync, and
// cutting the live wait short for a local event, never wait on an answer that does not settle.
// Node 20's fetch (undici 6, nodejs/undici#4089) never settles a body read under way when its
// signal aborts just after the whole answer arrived: the replicator's loop waited on it for good,
// the device stopped pushing, and stop() then waited on the loop. A fake CouchDB here answers the
// live wait with such a body, and the CORS probe with a request that never answers.
import { afterEach, describe, expect, it } from 'vitest';
import { Replicator } from '../../src/sync/replicator';
import type { FetchLike } from '../../src/sync/couch-client';
import { MemoryEventStore, until } from './helpers';
import { checkTestEvent, ratingEvent } from './events';

const DB = 'https://couch.example.org/kujira-alice';
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A 200 answer whose body never arrives and is bound to no signal: reading it never settles. */
const bodyThatNeverEnds = () => new Response(new ReadableStream<Uint8Array>({}), { status: 200, headers: { 'content-type': 'application/json' } });

/** A fake CouchDB with one empty database: every request is recorded; the live wait hangs as above. */
function fakeCouch() {
  const requests: { path: string; query: URLSearchParams; body: unknown }[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const url = new URL(input);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    requests.push({ path: url.pathname, query: url.searchParams, body });
    const method = init.method ?? 'GET';
    if (url.pathname === '/kujira-alice') return json(200, { db_name: 'kujira-alice', update_seq: '0' });
    if (url.pathname.startsWith('/kujira-alice/_local/')) return method === 'PUT' ? json(201, { ok: true, rev: '0-1' }) : json(404, { error: 'not_found' });
    if (url.pathname === '/kujira-alice/_changes') return url.searchParams.get('feed') === 'longpoll' ? bodyThatNeverEnds() : json(200, { results: [], last_seq: '0' });
    if (url.pathname === '/kujira-alice/_revs_diff') return json(200, Object.fromEntries(Object.entries(body as Record<string, string[]>).map(([id, missing]) => [id, { missing }])));
    if (url.pathname === '/kujira-alice/_bulk_docs') return json(201, []);
    return json(404, { error: 'not_found' });
  };
  const liveWaits = () => requests.filter((r) => r.query.get('feed') === 'longpoll').length;
  const sent = () => requests.filter((r) => r.path === '/kujira-alice/_bulk_docs').flatMap((r) => (r.body as { docs: { _id: string }[] }).docs.map((d) => d._id));
  return { fetch, requests, liveWaits, sent };
}

const running: Replicator[] = [];
function replicator(store: MemoryEventStore, fetch: FetchLike): Replicator {
  const rep = new Replicator({ dbUrl: DB, store, check: checkTestEvent, deviceId: 'phone', fetch, backoff: { baseMs: 10, maxMs: 10 } });
  running.push(rep);
  return rep;
}

afterEach(() => {
  // Nothing of a test may keep running into the next (a failed one's loop included).
  for (const rep of running.splice(0)) void rep.stop();
});

describe('stop() and the live wait never wait on an answer that does not settle', () => {
  it('stop() returns while the live wait reads a body that never ends', async () => {
    const couch = fakeCouch();
    const rep = replicator(new MemoryEventStore(), couch.fetch);
    rep.start();
    await until(() => couch.liveWaits() === 1, 5_000, 'the live wait');
    expect(rep.status.kind).toBe('synced');
    await rep.stop();
    expect(rep.status).toEqual({ kind: 'stopped' });
  });

  it('a local event is pushed though the live wait it cuts short never answers', async () => {
    const couch = fakeCouch();
    const store = new MemoryEventStore();
    const rep = replicator(store, couch.fetch);
    rep.start();
    await until(() => couch.liveWaits() === 1, 5_000, 'the live wait');
    store.append(ratingEvent('r1', 'docker:ps', 3, T0));
    await until(() => couch.sent().includes('r1'), 5_000, 'r1 sent');
    await until(() => couch.liveWaits() === 2, 5_000, 'the next live wait');
    expect(rep.totals.pushed).toBe(1);
    await rep.stop();
  });

  it('stop() returns while the CORS probe waits on a server that never answers', async () => {
    let probes = 0;
    const fetch: FetchLike = (_input, init = {}) => {
      if (init.mode === 'no-cors') {
        probes += 1;
        return new Promise<Response>(() => {});
      }
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    const rep = replicator(new MemoryEventStore(), fetch);
    rep.start();
    await until(() => probes === 1, 5_000, 'the probe');
    await rep.stop();
    expect(rep.status).toEqual({ kind: 'stopped' });
  });
});
