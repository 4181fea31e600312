// Signing in to a CouchDB that requires a valid user on every request (deploy/'s
// require_valid_user): the login request carries the credentials as Basic too, and a browser
// that keeps no cookie falls back to Basic held in memory instead of failing on a 401.
import { describe, expect, it } from 'vitest';
import { basicAuth, CouchClient } from '../../src/sync/couch-client';

const ALICE = basicAuth('alice', 'alice-pass');

/** A server with require_valid_user: anything without credentials (cookie or Basic) is a 401. */
function strictServer(options: { keepsCookie: boolean }) {
  const seen: { method: string; path: string; auth: string | null }[] = [];
  let cookie = false;
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const auth = headers.get('authorization');
    const method = init?.method ?? 'GET';
    const path = new URL(input).pathname;
    seen.push({ method, path, auth });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const valid = auth === ALICE || cookie;
    if (!valid) return json(401, { error: 'unauthorized', reason: 'Authentication required.' });
    if (path === '/_session' && method === 'POST') {
      cookie = options.keepsCookie;
      return json(200, { ok: true, name: 'alice', roles: [] });
    }
    if (path === '/_session') return json(200, { userCtx: { name: 'alice', roles: [] } });
    return json(200, { db_name: 'kujira-alice', update_seq: 0 });
  };
  return { fetch, seen };
}

describe('CouchClient.login against require_valid_user', () => {
  it('sends Basic with the login, then relies on the session cookie when the browser keeps it', async () => {
    const server = strictServer({ keepsCookie: true });
    const client = new CouchClient('https://couch.example.org/kujira-alice', server.fetch);
    await client.login('alice', 'alice-pass');
    expect(server.seen[0]).toEqual({ method: 'POST', path: '/_session', auth: ALICE });
    await client.info();
    expect(server.seen.at(-1)).toEqual({ method: 'GET', path: '/kujira-alice', auth: null });
  });

  it('falls back to Basic in memory when no cookie is kept (the probe\'s 401 is not a failure)', async () => {
    const server = strictServer({ keepsCookie: false });
    const client = new CouchClient('https://couch.example.org/kujira-alice', server.fetch);
    await client.login('alice', 'alice-pass');
    expect((await client.info()).db_name).toBe('kujira-alice');
    expect(server.seen.at(-1)).toEqual({ method: 'GET', path: '/kujira-alice', auth: ALICE });
  });

  it('says the password is wrong when the login itself is refused', async () => {
    const server = strictServer({ keepsCookie: true });
    const client = new CouchClient('https://couch.example.org/kujira-alice', server.fetch);
    await expect(client.login('alice', 'wrong')).rejects.toMatchObject({ kind: 'wrong-password' });
    await expect(client.info()).rejects.toMatchObject({ kind: 'signed-out' });
  });
});
