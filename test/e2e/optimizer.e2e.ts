// Personal FSRS in Chromium on the built app: import a generated history (~5k reviews) of a
// learner whose memory follows known weights, run "Optimize my parameters" (fsrs-rs as wasm in
// a worker, no COOP/COEP), see both losses with the new one lower while the page keeps drawing
// frames, adopt, and find the answer buttons' intervals changed while past reviews keep their
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

    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
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
    // The page keeps drawing frames while the worker fits: frame gaps are recorded from the click to
    // the result. A fit on the page's own thread would stop the frames for the whole fit.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: { worst: number; count: number; stop: boolean } };
      w.__frames = { worst: 0, count: 0, stop: false };
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.worst = Math.max(w.__frames.worst, t - last);
        w.__frames.count++;
        last = t;
        if (!w.__frames.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await optimize.click();
    await page.getByRole('progressbar', { name: 'Optimization progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).waitFor();
    await page.getByTestId('logloss-new').waitFor({ timeout: 90_000 });
    const runMs = Date.now() - started;
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: { worst: number; count: number; stop: boolean } };
      w.__frames.stop = true;
      return w.__frames;
    });
    console.log(`optimizer e2e: fit and compare ${runMs} ms, ${frames.count} frames, longest gap ${frames.worst.toFixed(0)} ms`);
    // On this shared 2-core machine a busy moment can hold a frame for several hundred ms (the
    // wasm compiles on background threads while the worker starts); a fit on the page's thread
    // would hold it for the whole fit, and draw next to no frames.
    expect(runMs).toBeGreaterThan(2000);
    expect(frames.worst).toBeLessThan(Math.min(2000, runMs / 2));
    expect(frames.count).toBeGreaterThan(runMs / 200);
    const current = Number(await page.getByTestId('logloss-current').textContent());
    const fitted = Number(await page.getByTestId('logloss-new').textContent());
    expect(fitted).toBeLessThan(current);
    expect(Number(await page.getByTestId('rmse-new').textContent())).toBeGreaterThan(0);
    await page.getByText('The new parameters predict your history better.').waitFor();
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

    // The desired retention helper: a year simulated for 70-97 %, the cheapest marked, a table of 28 rows.
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('button', { name: 'Simulate the next 365 days' }).click({ timeout: 20_000 });
    const best = page.getByTestId('helper-best');
    await best.waitFor({ timeout: 60_000 });
    expect(await best.textContent()).toMatch(/^Least work per card remembered: (7\d|8\d|9[0-7])%\.$/);
    expect(await page.getByTestId('helper-table').locator('tbody tr').count()).toBe(28);
    await page.screenshot({ path: join(resultsDir(), 'retention-helper-360.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
