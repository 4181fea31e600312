// The daily review in Chromium against the built app: a new user with an English browser reviews
// with mouse and keyboard, undoes one rating, reloads and finds every rating kept; a second tab
// sees ratings at once; a Japanese browser gets the Japanese UI; axe finds no serious violation;
// screenshots at 360x740 and 1280x800 go to test-results/.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openTrackedPage, resultsDir } from './browser';
import { appHeading, reviewCounts, reviewLogSize } from './pwa-helpers';

const require = createRequire(import.meta.url);
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const total = (c: { new: number; learning: number; review: number }) => c.new + c.learning + c.review;

async function frontText(page: Page): Promise<string> {
  return (await page.locator('.card-front').first().textContent()) ?? '';
}

describe('review in an English browser', () => {
  it('reviews with mouse and keyboard, undoes one, and keeps every rating across a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page, foreignRequests, pageErrors } = await openTrackedPage(context, baseUrl);
    await page.goto(baseUrl + '/');
    expect(await appHeading(page)).toBe('Kujira');
    await page.screenshot({ path: join(resultsDir(), 'home-1280x800.png'), fullPage: true });

    await page.getByRole('link', { name: 'Start review' }).click();
    expect(await appHeading(page)).toBe('Review');
    const start = await reviewCounts(page);
    expect(start.new).toBe(20);

    // Mouse: show the answer, then rate Good.
    const first = await frontText(page);
    await page.getByRole('button', { name: 'Show answer' }).click();
    const names = await page.getByRole('group', { name: 'How well did you remember?' }).getByRole('button').evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
    );
    expect(names.map((n) => n.split(',')[0])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    await page.screenshot({ path: join(resultsDir(), 'review-answer-1280x800.png'), fullPage: true });
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(page)).toBe(1);
    await expect.poll(() => frontText(page)).not.toBe(first);

    // Keyboard: Space shows the answer, 3 rates Good; then Enter and 1 (Again).
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    await page.keyboard.press('3');
    await expect.poll(() => reviewLogSize(page)).toBe(2);
    const third = await frontText(page);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Again/ }).waitFor();
    await page.keyboard.press('1');
    await expect.poll(() => reviewLogSize(page)).toBe(3);

    // Undo (Ctrl+Z) takes the last rating back and shows that card again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => reviewLogSize(page)).toBe(2);
    await expect.poll(() => frontText(page)).toBe(third);
    // And the Undo button goes one more step back.
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => reviewLogSize(page)).toBe(1);

    const beforeReload = await reviewCounts(page);
    await page.reload();
    expect(await appHeading(page)).toBe('Review');
    expect(await reviewLogSize(page)).toBe(1);
    await expect.poll(async () => total(await reviewCounts(page))).toBe(total(beforeReload));

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a rating made in one tab in the other at once', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(baseUrl + '/review');
    await b.goto(baseUrl + '/');
    await appHeading(a);
    await appHeading(b);
    const dueOnHome = async () =>
      Number(await b.locator('.stat-value').first().textContent()) +
      Number(await b.locator('.stat-value').nth(1).textContent()) +
      Number(await b.locator('.stat-value').nth(2).textContent());
    await expect.poll(dueOnHome).toBeGreaterThan(0);
    const before = await dueOnHome();
    await a.bringToFront();
    await a.getByRole('button', { name: 'Show answer' }).click();
    await a.getByRole('button', { name: /^Easy/ }).click();
    // An Easy new card leaves today's queue; the other tab's home counts follow without a reload.
    await expect.poll(dueOnHome, { timeout: 10_000 }).toBe(before - 1);
    await context.close();
  });

  it('two tabs reviewing together lose no rating, and a card rated in one leaves the other', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(baseUrl + '/review');
    await b.goto(baseUrl + '/review');
    await a.getByRole('button', { name: 'Show answer' }).waitFor();
    await b.getByRole('button', { name: 'Show answer' }).waitFor();
    const shared = await frontText(a);
    expect(await frontText(b)).toBe(shared);

    await a.bringToFront();
    await a.getByRole('button', { name: 'Show answer' }).click();
    await a.getByRole('button', { name: /^Easy/ }).click();
    await expect.poll(() => reviewLogSize(a)).toBe(1);
    // Tab B drops the card tab A just rated, without a reload (as the user switches to it).
    await b.bringToFront();
    await expect.poll(() => frontText(b), { timeout: 10_000 }).not.toBe(shared);
    const bCard = await frontText(b);
    await b.getByRole('button', { name: 'Show answer' }).click();
    await b.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(b)).toBe(2);
    // Tab A no longer offers the card tab B rated; it rates its own next card.
    await a.bringToFront();
    await expect.poll(() => frontText(a), { timeout: 10_000 }).not.toBe(bCard);
    await a.getByRole('button', { name: 'Show answer' }).click();
    await a.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => reviewLogSize(b)).toBe(3);
    const ratedFronts = await a.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('kujira');
          open.onsuccess = () => {
            const keys = open.result.transaction('reviewLog').objectStore('reviewLog').getAll();
            keys.onsuccess = () => resolve(new Set((keys.result as { cardId: string }[]).map((e) => e.cardId)).size);
          };
        }),
    );
    expect(ratedFronts).toBe(3);
    expect(bCard).not.toBe(shared);
    await context.close();
  });

  it('lays out at 360x740 with thumb-reachable rating buttons', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(baseUrl + '/');
    await appHeading(page);
    await page.screenshot({ path: join(resultsDir(), 'home-360x740.png'), fullPage: true });
    await page.goto(baseUrl + '/review');
    await appHeading(page);
    const showAnswer = page.getByRole('button', { name: 'Show answer' });
    const before = await page.locator('.review-card').boundingBox();
    await showAnswer.click();
    const good = page.getByRole('button', { name: /^Good/ });
    await good.waitFor();
    const box = await good.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    // No horizontal scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The card's top does not move when the answer appears.
    const after = await page.locator('.review-card').boundingBox();
    expect(after!.y).toBe(before!.y);
    await page.screenshot({ path: join(resultsDir(), 'review-answer-360x740.png'), fullPage: true });
    // A phone has no Ctrl key: Undo shows no key hint (issue 26).
    const undo = page.getByRole('button', { name: /^Undo/ });
    expect((await undo.innerText()).trim()).toBe('Undo');
    // A rating announces nothing, and Undo's "Rating taken back." does not move the card (issue 26).
    await good.click();
    await expect.poll(() => reviewLogSize(page)).toBe(1);
    expect(await page.getByText('Rating taken back.').count()).toBe(0);
    const rated = await page.locator('.review-card').boundingBox();
    await undo.click();
    await expect.poll(() => reviewLogSize(page)).toBe(0);
    await page.getByText('Rating taken back.').waitFor();
    const undone = await page.locator('.review-card').boundingBox();
    expect(undone!.y).toBe(rated!.y);
    await context.close();
  });
});

describe('review in a Japanese browser', () => {
  it('shows the Japanese UI and Japanese card text', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(baseUrl + '/review');
    await page.getByRole('navigation', { name: 'メイン' }).first().waitFor();
    expect(await page.locator('main h1').first().textContent()).toBe('復習');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByRole('button', { name: '答えを表示' }).click();
    await page.getByRole('button', { name: /^正解/ }).waitFor();
    await page.screenshot({ path: join(resultsDir(), 'review-ja-1280x720.png'), fullPage: true });
    await context.close();
  });
});

describe('accessibility', () => {
  it('axe finds no serious or critical violation on home, review and settings', async () => {
    // bypassCSP: axe is injected as an inline script, which the app's CSP rightly refuses.
    const context = await browser.newContext({ locale: 'en-US', bypassCSP: true });
    const page = await context.newPage();
    const axePath = require.resolve('axe-core/axe.min.js');
    for (const path of ['/', '/review', '/settings']) {
      await page.goto(baseUrl + path);
      await appHeading(page);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document);
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, path).toEqual([]);
    }
    await context.close();
  });
});
