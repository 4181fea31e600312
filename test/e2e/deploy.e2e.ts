// The team's server configuration (deploy/nginx/default.conf.template) serving this build, with
// CouchDB (the dev server) proxied at /couch/ on the same origin: each header rule of the file,
// the SPA fallback, a 404 for a missing asset; then in Chromium a learner signs in to sync with
// the same-origin address, and the app opens offline with the server stopped.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openTrackedPage } from './browser';
import { startNginx, type NginxServer } from './nginx-server';
import { appHeading, waitForServiceWorkerControl } from './pwa-helpers';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server';

let browser: Browser;
let couch: SyncServer;
let nginx: NginxServer | null;

beforeAll(async () => {
  [browser, couch] = await Promise.all([launchBrowser(), startSyncServer({ port: 0, cors: false })]);
  nginx = await startNginx({ root: 'dist', couchUpstream: couch.url });
});
afterAll(async () => {
  await nginx?.stop();
  await browser?.close();
  await couch?.close();
});

const entryScript = () => /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(readFileSync('dist/index.html', 'utf8'))![1]!;

describe('deploy/: the static server configuration', () => {
  it('sends the headers a PWA needs, falls back to the app, and proxies CouchDB on the same origin', async () => {
    const url = nginx!.url;
    const get = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);

    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self' ;");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');

    for (const path of ['/index.html', '/sw.js', '/manifest.webmanifest']) {
      const r = await get(path);
      expect([path, r.status, r.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
    }
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toBe('application/manifest+json');

    const asset = await get(entryScript());
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const missing = await get('/assets/index-missing.js');
    expect(missing.status).toBe(404);

    // Deep links are the app (the service worker serves them offline after the first visit).
    for (const path of ['/review', '/settings/sync', '/team/join']) {
      const r = await get(path);
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, 200, 'text/html']);
      expect(r.headers.get('cache-control')).toBe('no-cache');
    }

    // CouchDB at /couch/: its own answer and headers, no Basic challenge, a session cookie here.
    const welcome = await get('/couch/');
    // The server root (CouchDB says "Welcome", PouchDB Server "Welcome!"; both name a vendor).
    expect(await welcome.json()).toMatchObject({ vendor: { name: expect.any(String) } });
    expect(welcome.headers.get('cache-control')).not.toBe('no-cache');
    const refused = await get('/couch/kujira-alice');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBeNull();
    const session = await get('/couch/_session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: couch.user.name, password: couch.user.password }) });
    expect(session.status).toBe(200);
    expect(session.headers.get('set-cookie')).toMatch(/^AuthSession=/);
  });

  it('syncs through /couch/ with no CORS and opens offline when the server is gone', async () => {
    const url = nginx!.url;
    const dbUrl = `${url}/couch/${couch.database}`;
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
    const { page, pageErrors, foreignRequests } = await openTrackedPage(context, url);
    await page.goto(`${url}/settings/sync?server=${encodeURIComponent(dbUrl)}`);
    expect(await appHeading(page)).toBe('Sync');
    await page.getByLabel('User name').fill(couch.user.name);
    await page.getByLabel('Password', { exact: true }).fill(couch.user.password);
    await page.getByRole('button', { name: 'Start sync' }).click();
    const status = page.getByRole('status').filter({ hasText: /Sync|Synced|Connecting|Offline|server/ }).first();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced at /);

    await waitForServiceWorkerControl(page);
    await nginx!.stop();
    nginx = null;
    await page.goto(`${url}/stats`);
    expect(await appHeading(page)).toBe('Statistics');
    await page.goto(`${url}/review`);
    expect(await appHeading(page)).toBe('Review');
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
