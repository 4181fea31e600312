// Live sync in Chromium: two browser profiles (a laptop and a phone) of one learner sync through
// the dev CouchDB-compatible server on loopback. The lead's link fills in the server; a rating on
// one shows on the other without a reload; both rate while the phone is offline and both hold
// the union after it reconnects; an undo on one is undone on the other; a deck added on one
// appears on the other; a reload resumes sync on
// the session cookie, and nothing but the sync server is ever contacted besides the app.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchBrowser, openTrackedPage, resultsDir } from './browser';
import { appHeading, reviewCounts, reviewLogSize } from './pwa-helpers';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server';
import { addLearner, CouchAdmin } from '../../src/sync/couch-admin';
import { TEAM_EN, TEAM_JA } from '../fixtures/team-memo';

const md = (name: string, text: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });

const baseUrl = inject('baseUrl');
let browser: Browser;
let server: SyncServer;
/** A learner made as a team's admin makes one (`npm run team -- add-learner`), nothing else set up. */
const LEARNER = { name: 'dai', password: 'dai-pass' };
let learnerDb: string;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startSyncServer({ port: 0 })]);
  const { dbName } = await addLearner(new CouchAdmin(server.url, fetch, server.admin), LEARNER.name, LEARNER.password);
  learnerDb = `${server.url}/${dbName}`;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const statusLine = (page: Page) => page.getByRole('status').filter({ hasText: /Sync|Synced|Connecting|Offline|server/ }).first();

async function setUpSync(context: BrowserContext) {
  const tracked = await openTrackedPage(context, baseUrl);
  const { page } = tracked;
  // The link a lead sends: the server is filled in.
  await page.goto(`${baseUrl}/settings/sync?server=${encodeURIComponent(learnerDb)}`);
  expect(await appHeading(page)).toBe('Sync');
  expect(await page.getByLabel('Server').inputValue()).toBe(learnerDb);
  await expect.poll(() => statusLine(page).textContent()).toBe('Sync is off.');
  await page.getByLabel('User name').fill(LEARNER.name);
  await page.getByLabel('Password', { exact: true }).fill(LEARNER.password);
  await page.getByRole('button', { name: 'Start sync' }).click();
  await expect.poll(() => statusLine(page).textContent(), { timeout: 20_000 }).toMatch(/^Synced at /);
  // The password field is emptied and the password is nowhere in the page's storage.
  expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
  return tracked;
}

async function rateOne(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Show answer' }).click({ timeout: 20_000 });
  await page.getByRole('button', { name }).click();
}

/** Every stored value of the app's IndexedDB as text (to look for a password). */
function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kujira');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      out.push(JSON.stringify(rows));
    }
    db.close();
    return out.join('\n') + JSON.stringify(localStorage) + JSON.stringify(sessionStorage);
  });
}

describe('live sync between two profiles of one learner', () => {
  it('syncs ratings live, through an offline period, and undoes everywhere', async () => {
    const laptopContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const phoneContext = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
    const laptop = await setUpSync(laptopContext);
    const phone = await setUpSync(phoneContext);
    expect(await storedText(laptop.page)).not.toContain(LEARNER.password);
    await phone.page.screenshot({ path: join(resultsDir(), 'sync-360x740.png'), fullPage: true });
    await laptop.page.emulateMedia({ colorScheme: 'dark' });
    await laptop.page.screenshot({ path: join(resultsDir(), 'sync-dark-1280x800.png'), fullPage: true });

    // Both open the review (a reload: sync resumes on the session cookie).
    await Promise.all([laptop.page.goto(`${baseUrl}/review`), phone.page.goto(`${baseUrl}/review`)]);
    const start = await reviewCounts(phone.page);
    expect(start.new).toBe(20);

    // A rating on the laptop shows on the phone without a reload.
    await rateOne(laptop.page, /^Good/);
    await expect.poll(() => reviewLogSize(phone.page), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await reviewCounts(phone.page)).new, { timeout: 20_000 }).toBe(19);

    // The phone goes offline (a train); both rate; the phone reconnects; both hold the union.
    await phoneContext.setOffline(true);
    await rateOne(phone.page, /^Easy/);
    await rateOne(laptop.page, /^Good/);
    await expect.poll(() => reviewLogSize(laptop.page), { timeout: 20_000 }).toBe(2);
    expect(await reviewLogSize(phone.page)).toBe(2);
    await phoneContext.setOffline(false);
    await expect.poll(() => reviewLogSize(phone.page), { timeout: 45_000 }).toBe(3);
    await expect.poll(() => reviewLogSize(laptop.page), { timeout: 45_000 }).toBe(3);

    // Undo on the laptop takes its last rating back on the phone too.
    await laptop.page.getByRole('button', { name: /^Undo/ }).click();
    await laptop.page.getByText('Rating taken back.').waitFor();
    await expect.poll(() => reviewLogSize(laptop.page), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => reviewLogSize(phone.page), { timeout: 20_000 }).toBe(2);

    // A deck added on the laptop appears on the phone's Decks page.
    await laptop.page.goto(`${baseUrl}/decks`);
    await laptop.page.getByLabel('Markdown files').setInputFiles([md('memo.ja.md', TEAM_JA), md('memo.en.md', TEAM_EN)]);
    await laptop.page.getByRole('button', { name: 'Add the deck' }).click();
    await laptop.page.getByText('Added “Team tools”: 7 cards.').waitFor();
    await phone.page.goto(`${baseUrl}/decks`);
    await phone.page.getByRole('heading', { name: 'Team tools' }).waitFor({ timeout: 30_000 });

    // The phone's sync page reports it is in step; Stop sync turns it off and it stays off.
    await phone.page.goto(`${baseUrl}/settings/sync`);
    await expect.poll(() => statusLine(phone.page).textContent(), { timeout: 20_000 }).toMatch(/^Synced at /);
    await phone.page.getByRole('button', { name: 'Stop sync' }).click();
    await expect.poll(() => statusLine(phone.page).textContent()).toBe('Sync is off.');
    await phone.page.goto(`${baseUrl}/settings`);
    await phone.page.getByText('Sync is off: your progress stays on this device.').waitFor({ timeout: 20_000 });

    for (const t of [laptop, phone]) {
      expect(t.pageErrors).toEqual([]);
      // The only other origin ever contacted is the sync server the learner named.
      expect(t.foreignRequests.filter((u) => new URL(u).origin !== new URL(server.url).origin)).toEqual([]);
    }
    await laptopContext.close();
    await phoneContext.close();
  });

  it('says what is wrong: a wrong password, and a database that does not exist', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const { page } = await openTrackedPage(context, baseUrl);
    await page.goto(`${baseUrl}/settings/sync`);
    await page.getByLabel('Server').fill(learnerDb);
    await page.getByLabel('User name').fill(LEARNER.name);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Start sync' }).click();
    await expect.poll(() => statusLine(page).textContent(), { timeout: 20_000 }).toBe('The server refused this user name and password. Check them and start again.');
    await page.getByLabel('Server').fill(`${server.url}/no-such-db`);
    await page.getByLabel('Password', { exact: true }).fill(LEARNER.password);
    await page.getByRole('button', { name: 'Start sync' }).click();
    await expect.poll(() => statusLine(page).textContent(), { timeout: 20_000 }).toMatch(/^There is no such database\./);
    await context.close();
  });
});
