// The installable offline app: every route opens offline (deep links too) once visited, a card
// reviewed offline keeps its rating across a reload, the language switches offline, the manifest
// makes it installable, and the Content Security Policy holds with no request leaving the app's
// origin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, launchPersistent, openTrackedPage } from './browser';
import { startPreview, type PreviewServer } from './preview-server';
import { appHeading, reviewCounts, reviewLogSize, waitForServiceWorkerControl } from './pwa-helpers';

const ROUTES = ['/', '/review', '/learn', '/onboarding', '/quiz', '/stats', '/cards', '/settings'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline', () => {
  let server: PreviewServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('opens the app, then every deep link, with the server gone and the network off', async () => {
    // A server of its own: this test stops it.
    server = await startPreview();
    const context = await browser.newContext({ locale: 'en-US' });
    const { page, pageErrors } = await openTrackedPage(context, server.url);
    await page.goto(server.url + '/');
    await appHeading(page);
    await waitForServiceWorkerControl(page);

    const { url } = server;
    await server.stop();
    server = undefined;
    await context.setOffline(true);
    await page.reload();
    expect(await appHeading(page)).toBe('Kujira');

    for (const path of ['/settings', '/quiz', '/review']) {
      const response = await page.goto(url + path);
      // Answered by the service worker from the precache, not by the (stopped) server.
      expect(response?.fromServiceWorker(), path).toBe(true);
      expect(await appHeading(page), path).not.toBe('');
    }

    // Review a card offline; after a reload the rating is still there.
    expect(await appHeading(page)).toBe('Review');
    const before = await reviewCounts(page);
    const logBefore = await reviewLogSize(page);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(page)).toBe(logBefore + 1);
    // Good on a new card: one new card fewer, one learning card more (its 10-minute step is
    // within the queue's learn-ahead window).
    const after = { new: before.new - 1, learning: before.learning + 1, review: before.review };
    await expect.poll(() => reviewCounts(page)).toEqual(after);
    await page.reload();
    expect(await appHeading(page)).toBe('Review');
    await expect.poll(() => reviewCounts(page)).toEqual(after);
    expect(await reviewLogSize(page)).toBe(logBefore + 1);
    // Lazy route chunks and the compiled decks came from the precache too.
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('switches the language offline: the other language\'s strings come from the precache', async () => {
    // The first visit loads the UI language's first-screen strings only (src/i18n/setup.ts).
    const own = await startPreview();
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const { page, pageErrors } = await openTrackedPage(context, own.url);
      await page.goto(own.url + '/settings');
      expect(await appHeading(page)).toBe('Settings');
      await waitForServiceWorkerControl(page);
      await own.stop();
      await context.setOffline(true);
      await page.reload();
      expect(await appHeading(page)).toBe('Settings');

      await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
      await page.getByRole('heading', { level: 1, name: '設定' }).waitFor({ timeout: 15_000 });
      // The shell and Home (the first screen's strings) in Japanese too.
      await page.getByRole('link', { name: 'ホーム' }).first().click();
      await page.getByRole('heading', { level: 2, name: '今日' }).waitFor({ timeout: 15_000 });
      // The saved choice wins on the next start, still offline, over the browser's English.
      await page.reload();
      await page.getByRole('heading', { level: 2, name: '今日' }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await own.stop();
    }
  });
});

describe('installability', () => {
  it('has no installability errors in a persistent Chromium profile', async () => {
    const baseUrl = inject('baseUrl');
    const { context } = await launchPersistent();
    try {
      const page = await context.newPage();
      await page.goto(baseUrl + '/');
      await appHeading(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      const cdp = await context.newCDPSession(page);
      // The manifest and its icons load after the page: ask until the answer settles.
      await expect
        .poll(async () => ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }).installabilityErrors, { timeout: 60_000 })
        .toEqual([]);

      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(baseUrl + '/manifest.webmanifest');
    } finally {
      await context.close();
    }
  });
});

describe('Content Security Policy', () => {
  it('is in the built index.html, which has no inline script', () => {
    const html = readFileSync(join(process.cwd(), 'dist', 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });

  it('holds on every route: no violation, no error, no request to another origin', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({ locale: 'en-US' });
    // Init scripts come from the DevTools protocol, so the page's CSP does not block them.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const { page, foreignRequests, pageErrors } = await openTrackedPage(context, baseUrl);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
    });

    await page.goto(baseUrl + '/');
    await appHeading(page);
    // Registering the service worker runs under worker-src 'self' and script-src 'self'.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const violations: string[] = [];
    for (const path of ROUTES) {
      await page.goto(baseUrl + path);
      await appHeading(page);
      violations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)));
    }
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
