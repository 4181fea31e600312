// Onboarding in Chromium: a new member with an English browser opens the team lead's link
// (/onboarding?deck=docker), goes through the welcome and the first lesson with the keyboard only,
// passes the check by answering from what the lesson showed, reloads and finds the lesson
// complete and its cards in today's review.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openTrackedPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The focused element's visible text. */
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? '');

/** Presses Tab until the focused control reads `name` (keyboard only, as a learner would). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await focusedText(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

/** The home page's count of learning cards. */
async function homeLearningCount(page: Page): Promise<number> {
  const stat = page.locator('.stat').filter({ hasText: 'Learning' }).first();
  await stat.waitFor({ timeout: 15_000 });
  return Number(await stat.locator('.stat-value').textContent());
}

describe('onboarding', () => {
  it('takes the first lesson with the keyboard only and hands its cards to today\'s review', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const { page, pageErrors } = await openTrackedPage(context, inject('baseUrl'));
    const base = inject('baseUrl');
    await page.goto(`${base}/onboarding?deck=docker`);

    // Welcome: the first screen with Next, the next one skipped.
    await page.getByRole('heading', { name: 'Welcome to Kujira' }).waitFor({ timeout: 15_000 });
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'How the daily review works' }).waitFor();
    await tabTo(page, 'Skip');
    await page.keyboard.press('Enter');

    // The lesson: read every card, remembering both sides.
    await page.getByRole('heading', { name: 'Lesson 1: Uses' }).waitFor({ timeout: 15_000 });
    const pairs: [string, string][] = [];
    await tabTo(page, 'Next');
    for (;;) {
      const region = page.locator('.lesson-card');
      await region.waitFor();
      const front = await text(page, '.lesson-card .card-front');
      const back = await text(page, '.lesson-card .card-answer');
      if (pairs.some(([f]) => f === front)) throw new Error('Next did not move on');
      pairs.push([front, back]);
      const label = await focusedText(page);
      await page.keyboard.press('Enter');
      if (label === 'Start the check') break;
      expect(label).toBe('Next');
      await page.waitForFunction((f) => document.querySelector('.lesson-card .card-front')?.textContent?.trim() !== f, front);
    }
    expect(pairs).toHaveLength(4);

    // The check: pick the choice that matches what the lesson showed, with the digit keys.
    for (let q = 1; ; q++) {
      const heading = page.getByRole('heading', { name: new RegExp(`^Question ${q} of \\d+$`) });
      await heading.waitFor();
      const total = Number(/of (\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
      const prompt = await text(page, '.check-prompt');
      const choices = await page.locator('.choice-button').evaluateAll((buttons) =>
        buttons.map((b) => [...b.childNodes].filter((n) => !(n instanceof HTMLElement && n.classList.contains('choice-key'))).map((n) => n.textContent).join('').trim()),
      );
      const pair = pairs.find(([f, b]) => f === prompt || b === prompt);
      expect(pair, prompt).toBeDefined();
      const right = pair?.[0] === prompt ? pair[1] : pair?.[0];
      const index = choices.indexOf(right ?? '');
      expect(index, `${prompt} -> ${choices.join(' | ')}`).toBeGreaterThanOrEqual(0);
      await page.keyboard.press(String(index + 1));
      // The answer is marked, and Enter (on the focused Next) goes on.
      await page.getByRole('status').filter({ hasText: 'Right!' }).waitFor();
      expect(await focusedText(page)).toBe(q === total ? 'See the result' : 'Next question');
      await page.keyboard.press('Enter');
      if (q === total) break;
    }
    await page.getByRole('heading', { name: 'Lesson complete' }).waitFor();
    await page.getByText("4 cards added to today's review").waitFor();

    // After a reload: the lesson is complete on the path.
    await page.reload();
    await page.getByText('You completed this lesson.', { exact: false }).waitFor({ timeout: 15_000 });
    await page.goto(`${base}/onboarding?deck=docker`);
    const first = page.locator('.lesson-item').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('data-status')).toBe('complete');
    expect(await first.locator('.lesson-status').textContent()).toBe('Complete');
    expect(await page.locator('.lesson-item').nth(1).getAttribute('data-status')).toBe('current');
    expect(await page.locator('.lesson-item').nth(2).getAttribute('data-status')).toBe('locked');

    // Today's review: the four cards are learning cards (due within the learn-ahead window).
    await page.goto(`${base}/`);
    await expect.poll(() => homeLearningCount(page), { timeout: 15_000 }).toBe(4);
    await page.goto(`${base}/review`);
    const counts = page.locator('dl[aria-label="Remaining"]').first();
    await counts.waitFor({ timeout: 15_000 });
    const values = (await counts.locator('dd').allTextContents()).map(Number);
    expect(values[1]).toBe(4);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('the welcome on a phone', () => {
  it('shows the daily review picture readable at 390 px in Japanese, every label inside its box (issue 26)', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/onboarding?deck=docker`);
    await page.getByRole('button', { name: '次へ' }).click({ timeout: 15_000 });
    const figure = page.getByRole('figure', { name: /^毎日の復習/ });
    await figure.waitFor();
    const boxes = await figure.locator('li').evaluateAll((items) =>
      items.map((li) => {
        const box = li.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(li);
        const text = range.getBoundingClientRect();
        return {
          label: li.textContent,
          fontPx: parseFloat(getComputedStyle(li).fontSize),
          inside: text.left >= box.left && text.right <= box.right && li.scrollWidth <= li.clientWidth,
        };
      }),
    );
    expect(boxes.map((b) => b.label)).toEqual(['1 期限のカード', '2 思い出して表示', '3 評価する', '覚えた: 後で', '忘れた: すぐ']);
    for (const box of boxes) expect(box, String(box.label)).toMatchObject({ inside: true });
    for (const box of boxes) expect(box.fontPx, String(box.label)).toBeGreaterThanOrEqual(14);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
