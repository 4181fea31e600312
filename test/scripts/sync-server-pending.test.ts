// The dev server answers a normal _changes request with `pending`, as CouchDB does, so that sync's
// progress ("Syncing: N events to go…") counts down against it as it would against CouchDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startTestServer, type SyncServer } from '../sync/helpers';

let server: SyncServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('the dev server _changes', () => {
  it('says how many changes remain after each page, down to none', async () => {
    const url = await createDatabase(server, 'pending');
    const auth = { authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`, 'content-type': 'application/json' };
    const docs = Array.from({ length: 10 }, (_, i) => ({ _id: `doc-${i}`, n: i }));
    expect((await fetch(`${url}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs }) })).status).toBe(201);
    const pages: { results: number; pending: unknown }[] = [];
    let since: unknown = 0;
    for (let i = 0; i < 5; i++) {
      const answer = (await (await fetch(`${url}/_changes?since=${String(since)}&limit=4`, { headers: auth })).json()) as { results: unknown[]; last_seq: unknown; pending: unknown };
      pages.push({ results: answer.results.length, pending: answer.pending });
      since = answer.last_seq;
      if (answer.results.length === 0) break;
    }
    // The design document the learner database carries counts as a change too.
    const total = pages.reduce((a, p) => a + p.results, 0);
    expect(total).toBeGreaterThanOrEqual(10);
    let left = total;
    for (const p of pages) {
      left -= p.results;
      expect(p.pending).toBe(left);
    }
  });
});
