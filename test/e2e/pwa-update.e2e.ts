// The update flow: version A is deployed and visited; version B replaces it on the same origin;
// the open app says "New version available", waits for the user, and after Reload runs B with
// the data kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openTrackedPage } from './browser';
import { freePort, startPreview, type PreviewServer } from './preview-server';
import {
  appHeading,
  buildInto,
  readProbe,
  reviewCounts,
  reviewLogSize,
  waitForServiceWorkerControl,
  writeProbe,
} from './pwa-helpers';

const OLD = { outDir: 'dist-e2e-update-a', buildId: 'e2e-old' };
const NEW = { outDir: 'dist-e2e-update-b', buildId: 'e2e-new' };

let browser: Browser;
let server: PreviewServer | undefined;

beforeAll(async () => {
  await buildInto(OLD.outDir, OLD.buildId);
  await buildInto(NEW.outDir, NEW.buildId);
  browser = await launchBrowser();
});

afterAll(async () => {
  await server?.stop();
  await browser?.close();
});

describe('update prompt', () => {
  it('offers the new version, reloads only when asked, and keeps the data', async () => {
    const port = await freePort();
    server = await startPreview({ port, outDir: OLD.outDir });
    const context = await browser.newContext({ locale: 'en-US' });
    const { page, pageErrors } = await openTrackedPage(context, server.url);
    await page.goto(server.url + '/');
    await appHeading(page);
    await waitForServiceWorkerControl(page);
    const probe = await writeProbe(page, 'e2e-update-probe');
    // Mid-review when the new version arrives: one card rated through the UI.
    await page.goto(server.url + '/review');
    expect(await appHeading(page)).toBe('Review');
    const before = await reviewCounts(page);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(page)).toBe(1);
    // The rated new card is now a learning card within the queue's learn-ahead window.
    const counts = { new: before.new - 1, learning: before.learning + 1, review: before.review };
    await expect.poll(() => reviewCounts(page)).toEqual(counts);

    // Deploy the new version on the same origin.
    await server.stop();
    server = undefined;
    server = await startPreview({ port, outDir: NEW.outDir });

    // A marker that a reload would wipe: the app must not reload by itself.
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const status = page.getByRole('status').filter({ hasText: 'New version available' });
    await status.waitFor({ timeout: 30_000 });
    // No waiting for a time: the new worker is installed and waiting (nothing called skipWaiting,
    // so no controllerchange can reload the page), and the page was not reloaded by the notice.
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration?.waiting?.state ?? null, controlled: navigator.serviceWorker.controller !== null };
      }),
    ).toEqual({ waiting: 'installed', controlled: true });
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);

    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), status.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('status').filter({ hasText: `Kujira is now version ${NEW.buildId}.` }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBeUndefined();
    expect(await appHeading(page)).toBe('Review');
    expect(await reviewLogSize(page)).toBe(1);
    await expect.poll(() => reviewCounts(page)).toEqual(counts);
    expect(await readProbe(page, probe)).toMatchObject({ id: 'e2e-update-probe', mode: 'e2e' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
