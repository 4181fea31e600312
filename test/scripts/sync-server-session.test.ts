// The dev server's session outlives a browser restart, as on a CouchDB that `npm run team -- init`
// set up (14 days, persistent cookie): the cookie has a Max-Age, and signing out clears it
// (issue 26: the team page had to ask for the password after every restart on the dev server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server';

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
});

/** The AuthSession cookie the browser keeps from an answer: the last one set wins. */
const authCookie = (res: Response) => res.headers.getSetCookie().filter((c) => c.startsWith('AuthSession=')).at(-1);

describe('the dev server session', () => {
  it('gives a cookie that lasts 14 days, refreshed on use, cleared on sign-out', async () => {
    const login = await fetch(`${server.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(server.user) });
    expect(login.status).toBe(200);
    const cookie = authCookie(login);
    expect(cookie).toMatch(/; Max-Age=1209600;/);
    const pair = cookie!.split(';')[0]!;
    const again = await fetch(`${server.url}/_session`, { headers: { cookie: pair } });
    expect(((await again.json()) as { userCtx: { name: string } }).userCtx.name).toBe(server.user.name);
    expect(authCookie(again)).toMatch(/; Max-Age=1209600;/);
    const out = await fetch(`${server.url}/_session`, { method: 'DELETE', headers: { cookie: pair } });
    expect(authCookie(out)).toMatch(/^AuthSession=;.*Expires=Thu, 01 Jan 1970/);
  });
});
