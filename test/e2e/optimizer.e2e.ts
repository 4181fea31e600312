// Personal FSRS in Chromium on the built app: import a generated history (~5k reviews) of a
// learner whose memory follows known weights, run "Optimize my parameters" (fsrs-rs as wasm in
// a worker, no COOP/COEP), see both losses with the new one lower while the page's thread
// answers input during the fit (held at a point the test controls, not timed), adopt, and find the answer buttons' intervals changed while past reviews keep their
// states; then the desired retention helper simulates a year and marks a retention.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readStore } from './pwa-helpers';
import { launchBrowser, openTrackedPage, resultsDir } from './browser';
import { buildBackup, serializeBackup } from '../../src/domain/backup/format';
import { compileDockerDeck } from '../fixtures/docker-deck';
import { syntheticHistory } from '../fixtures/synthetic-history';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The answer buttons' labels of the card shown (after revealing it). */
async function answerLabels(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Show answer' }).click({ timeout: 20_000 });
  const group = page.getByRole('group', { name: 'How well did you remember?' });
  await group.waitFor();
  return group.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
}

describe('personal FSRS', () => {
  it('fits the learner’s history in a worker, adopts the better parameters on click, and simulates retention', async () => {
    const baseUrl = inject('baseUrl');
    const deck = compileDockerDeck().deck!;
    // The 82 cards of the built-in deck, and more of the same deck not on this device (kept by the import).
    const cards = [
      ...deck.cards.map((c) => ({ cardId: c.id, deckId: 'docker' })),
      ...Array.from({ length: 340 }, (_, i) => ({ cardId: `docker/e2e-${i}`, deckId: 'docker' })),
    ];
    const now = Date.now();
    const events = syntheticHistory({ cards, start: now - 500 * 86_400_000, end: now - 3_600_000, newPerDay: 4, seed: 17, maxReviews: 5000 });
    expect(events.length).toBeGreaterThan(4000);
    const file = join(mkdtempSync(join(tmpdir(), 'kujira-optimizer-')), 'history.json');
    writeFileSync(file, serializeBackup(buildBackup(events, { device: 'synthetic', deckVersions: {} }, now)));

    // No service worker: it would serve the precached wasm from its cache, out of the test's reach.
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    const { page, pageErrors, foreignRequests } = await openTrackedPage(context, baseUrl);
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Import a backup file').setInputFiles(file, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
    await page.getByText(/^Import finished\./).waitFor({ timeout: 90_000 });

    // The states the history gave, and the intervals the default parameters offer now.
    const statesBefore = await readStore<{ cardId: string; stability: number; due: number }>(page, 'cardStates');
    await page.goto(`${baseUrl}/review`);
    const labelsBefore = await answerLabels(page);

    await page.goto(`${baseUrl}/settings`);
    const optimize = page.getByRole('button', { name: 'Optimize my parameters' });
    await optimize.waitFor({ timeout: 20_000 });
    await expect.poll(() => optimize.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('optimizer-in-use').textContent()).toBe('In use: FSRS-6 default parameters.');
    // The fit runs off the page's thread, shown without any bound on time: the worker's wasm is
    // held at the network until the test lets it go. While it is held the fit is under way (the
    // progress bar and Cancel show), a worker named for the optimizer exists, and the page's own
    // thread answers a click and takes text. Afterwards the page's resource timeline holds no
    // wasm although the result needed fsrs-rs: it ran in the worker, which fetched it.
    let releaseWasm: () => void = () => {};
    const released = new Promise<void>((resolve) => (releaseWasm = resolve));
    let wasmRequested: () => void = () => {};
    const requested = new Promise<void>((resolve) => (wasmRequested = resolve));
    await context.route(/\.wasm(\?|$)/, async (route) => {
      wasmRequested();
      await released;
      await route.continue();
    });
    await optimize.click();
    await page.getByRole('progressbar', { name: 'Optimization progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).waitFor();
    await requested;
    const worker = page.workers().find((w) => w.url().includes('optimizer.worker'));
    expect(worker, `workers: ${page.workers().map((w) => w.url()).join(', ')}`).toBeDefined();
    expect(await worker!.evaluate(() => [typeof (self as unknown as { WorkerGlobalScope?: unknown }).WorkerGlobalScope, self.name])).toEqual([
      'function',
      'kujira-optimizer',
    ]);
    const bothLanguages = page.getByRole('checkbox', { name: 'Show both languages on cards' });
    const newPerDay = page.getByRole('spinbutton', { name: 'New cards per day' });
    const perDay = await newPerDay.inputValue();
    await bothLanguages.click();
    await expect.poll(() => bothLanguages.isChecked()).toBe(true);
    await newPerDay.fill('100000');
    await page.getByText('Enter a whole number from 0 to 9999.').waitFor();
    await newPerDay.fill(perDay);
    await page.getByText('Enter a whole number from 0 to 9999.').waitFor({ state: 'detached' });
    await bothLanguages.click();
    await expect.poll(() => bothLanguages.isChecked()).toBe(false);
    expect(await page.getByRole('progressbar', { name: 'Optimization progress' }).isVisible()).toBe(true);
    releaseWasm();
    await page.getByTestId('logloss-new').waitFor({ timeout: 90_000 });
    await context.unroute(/\.wasm(\?|$)/);
    const pageResources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(pageResources.filter((name) => name.includes('.wasm'))).toEqual([]);
    // The timeline does record what the page fetched (its lazy chunks), so the empty list means something.
    expect(pageResources.some((name) => /\/assets\/.+\.js$/.test(name))).toBe(true);
    const current = Number(await page.getByTestId('logloss-current').textContent());
    const fitted = Number(await page.getByTestId('logloss-new').textContent());
    expect(fitted).toBeLessThan(current);
    expect(Number(await page.getByTestId('rmse-new').textContent())).toBeGreaterThan(0);
    await page.getByText(/^The new parameters predict your answers [\d.]+ % better than the current ones\.$/).waitFor();
    await page.screenshot({ path: join(resultsDir(), 'optimizer-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'Use the new parameters' }).click();
    await page.getByText(/^Your own parameters are in use\./).waitFor();
    await expect.poll(() => page.getByTestId('optimizer-in-use').textContent()).toBe('In use: your own FSRS-6 parameters.');

    // A settings event records the weights and their model; past reviews keep their states.
    const settingsEvents = (await readStore<{ type: string; changes: { fsrsParams?: { model: string; weights: number[] } } }>(page, 'events')).filter(
      (e) => e.type === 'settings' && e.changes.fsrsParams,
    );
    expect(settingsEvents).toHaveLength(1);
    expect(settingsEvents[0]!.changes.fsrsParams!.model).toBe('FSRS-6');
    const weights = settingsEvents[0]!.changes.fsrsParams!.weights;
    expect(weights).toHaveLength(21);
    expect(await readStore(page, 'cardStates')).toEqual(statesBefore);

    // The next intervals change; the rating made now carries the new weights, the old ones none.
    await page.goto(`${baseUrl}/review`);
    const labelsAfter = await answerLabels(page);
    expect(labelsAfter).not.toEqual(labelsBefore);
    const before = await readStore<{ id: string }>(page, 'reviewLog');
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(async () => (await readStore(page, 'reviewLog')).length).toBe(before.length + 1);
    const log = await readStore<{ id: string; params: { weights?: number[] } }>(page, 'reviewLog');
    const known = new Set(before.map((r) => r.id));
    const fresh = log.filter((r) => !known.has(r.id));
    expect(fresh[0]!.params.weights).toEqual(weights);
    expect(log.filter((r) => known.has(r.id)).every((r) => r.params.weights === undefined)).toBe(true);

    // The desired retention helper: a year simulated for 70-97 %, a recommendation and the cheapest, a table of 28 rows.
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('button', { name: 'Simulate the next 365 days' }).click({ timeout: 20_000 });
    const recommended = page.getByTestId('helper-recommended');
    await recommended.waitFor({ timeout: 60_000 });
    expect(await recommended.textContent()).toMatch(/^Recommended: (7\d|8\d|9[0-7])%\. It costs at most 10% more work per card remembered than the least, and you remember more\.$/);
    expect(await page.getByTestId('helper-best').textContent()).toMatch(/^(Least work per card remembered: (7\d|8\d|9[0-7])%\.|The least work lies at 70%, the lowest retention offered; .+)$/);
    expect(await page.getByTestId('helper-table').locator('tbody tr').count()).toBe(28);
    await page.screenshot({ path: join(resultsDir(), 'retention-helper-360.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
