// Backup through the real UI in Chromium: review a card, export the backup from /settings, reset
// progress, import the file back, and find the history again (the review log in IndexedDB and
// the statistics page's count). An undo holds through a backup exported before it (in another
// tab), and a poisoned backup is refused with its path while the app stays usable.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openTrackedPage } from './browser';
import { buildBackup, type Backup } from '../../src/domain/backup/format';
import { reviewLogSize } from './pwa-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('backup and restore', () => {
  it('exports, resets and imports through the UI, and the history comes back', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true, viewport: { width: 360, height: 740 } });
    const { page, pageErrors, foreignRequests } = await openTrackedPage(context, baseUrl);

    // 1. Review one card.
    await page.goto(`${baseUrl}/review`);
    await page.getByRole('button', { name: 'Show answer' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(page), { timeout: 10_000 }).toBe(1);

    // 2. Export from the settings page.
    await page.goto(`${baseUrl}/settings`);
    const exportButton = page.getByRole('button', { name: 'Export backup' });
    await exportButton.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^kujira-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; ratings: { rating: number }[] };
    expect(backup).toMatchObject({ format: 'kujira-backup', version: 2 });
    expect(backup.ratings.map((e) => e.rating)).toEqual([3]);

    // 3. Reset progress (the confirmation names what is lost).
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Reset all progress?' });
    await expect.poll(() => dialog.textContent()).toContain('1 review (your whole review history)');
    await dialog.getByRole('button', { name: 'Delete my progress' }).click();
    await page.getByText('Progress reset.').waitFor();
    expect(await reviewLogSize(page)).toBe(0);

    // 4. Import the file: the plan first, then Confirm.
    await page.getByLabel('Import a backup file').setInputFiles(file);
    await page.getByText('Adds 1 review, 0 quiz results.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import finished. Added 1 review, 0 quiz results.').waitFor({ timeout: 20_000 });
    expect(await reviewLogSize(page)).toBe(1);

    // 5. The history is back: the statistics page counts the review today.
    await page.goto(`${baseUrl}/stats`);
    await expect
      .poll(() => page.getByTestId('heatmap-summary').textContent(), { timeout: 20_000 })
      .toBe('Last 365 days: 1 review on 1 day');

    // Importing the same file again changes nothing.
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Import a backup file').setInputFiles(file);
    await page.getByText('Nothing to import: everything in this file is already here.').waitFor({ timeout: 20_000 });

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('rate three, export in a second tab, undo in the first, import: the undo holds', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    const { page, pageErrors, foreignRequests } = await openTrackedPage(context, baseUrl);
    await page.goto(`${baseUrl}/review`);
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Show answer' }).click({ timeout: 20_000 });
      await page.getByRole('button', { name: /^Good/ }).click();
      await expect.poll(() => reviewLogSize(page), { timeout: 10_000 }).toBe(i + 1);
    }

    const second = await context.newPage();
    await second.goto(`${baseUrl}/settings`);
    const exportButton = second.getByRole('button', { name: 'Export backup' });
    await exportButton.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([second.waitForEvent('download'), exportButton.click()]);
    const file = await download.path();
    expect((JSON.parse(readFileSync(file, 'utf8')) as Backup).ratings).toHaveLength(3);
    await second.close();

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Rating taken back.').waitFor({ timeout: 10_000 });
    await expect.poll(() => reviewLogSize(page), { timeout: 10_000 }).toBe(2);

    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Import a backup file').setInputFiles(file);
    // Every event of the earlier file is already here (the undone rating too, taken back).
    await page.getByText('Nothing to import: everything in this file is already here.').waitFor({ timeout: 20_000 });
    expect(await reviewLogSize(page)).toBe(2);

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('a poisoned backup is refused with its path and the app stays usable', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    const { page, pageErrors, foreignRequests } = await openTrackedPage(context, baseUrl);
    await page.goto(`${baseUrl}/review`);
    await page.getByRole('button', { name: 'Show answer' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(page), { timeout: 10_000 }).toBe(1);
    await page.goto(`${baseUrl}/settings`);
    const exportButton = page.getByRole('button', { name: 'Export backup' });
    await exportButton.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as Backup;

    // A day key past 9999 and a valid checksum: only the deeper checks can catch it.
    const poisoned = { ...exported.ratings[0]!, id: 'poison', dayKey: '9999-12-31' };
    const text = JSON.stringify(buildBackup([...exported.ratings, poisoned], { device: exported.device, deckVersions: exported.deckVersions }, Date.now()));
    await page.getByLabel('Import a backup file').setInputFiles({ name: 'poisoned.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('$.ratings[1].dayKey');
    expect(await reviewLogSize(page)).toBe(1);

    // The app is still usable: another card can be rated, and a reload opens normally.
    await page.goto(`${baseUrl}/review`);
    await page.getByRole('button', { name: 'Show answer' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(page), { timeout: 10_000 }).toBe(2);
    await page.reload();
    await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText('Kujira opened in safe mode.').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
