// The timed exam in Chromium, by keyboard only: a deep link starts it, keys 1-4 answer all 20
// questions, the results show, and after a reload the result is in the history. No request
// leaves the app's origin.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openTrackedPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('timed exam', () => {
  it('is completed by keyboard, shows the result and keeps it in the history across a reload', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({ locale: 'en-US' });
    const { page, foreignRequests, pageErrors } = await openTrackedPage(context, baseUrl);
    await page.goto(`${baseUrl}/quiz?mode=timed&shape=exam`);
    await page.getByRole('heading', { level: 1, name: 'Timed quiz (20 questions)' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('timer').textContent()).toMatch(/1[45] seconds/);

    for (let i = 1; i <= 20; i++) {
      await page.getByText(`Question ${i} of 20`, { exact: true }).waitFor();
      // Focus is on the question, not on a control the keys could activate.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await page.keyboard.press(String(((i - 1) % 4) + 1));
    }

    const results = page.getByRole('heading', { level: 1, name: 'Results: Timed quiz (20 questions)' });
    await results.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Results: Timed quiz (20 questions)');
    const score = (await page.locator('.quiz-results .stat-value').first().textContent()) ?? '';
    expect(score).toMatch(/^\d+ \/ 20$/);
    expect(await page.locator('.quiz-result-list > li').count()).toBe(20);
    await page.getByText('Saving the result…').waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');

    await page.reload();
    const history = page.getByRole('region', { name: 'Recent results' });
    await history.getByRole('heading', { level: 3, name: 'Timed quiz (20 questions)' }).waitFor({ timeout: 20_000 });
    expect(await history.getByText(score, { exact: true }).count()).toBe(1);

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps each result figure on one line on a 390 px phone, in Japanese (issue 26)', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/quiz?mode=timed&shape=exam`);
    await page.getByRole('heading', { level: 1, name: 'タイムアタック（20 問）' }).waitFor({ timeout: 20_000 });
    for (let i = 1; i <= 20; i++) {
      await page.getByText(`第${i}問 / 全20問`, { exact: true }).waitFor();
      await page.keyboard.press('1');
    }
    await page.getByRole('heading', { level: 1, name: '結果: タイムアタック（20 問）' }).waitFor();
    const lines = await page.locator('.quiz-results .stat-value').evaluateAll((values) =>
      values.map((value) => {
        const range = document.createRange();
        range.selectNodeContents(value);
        return { text: value.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      }),
    );
    expect(lines).toHaveLength(3);
    for (const figure of lines) expect(figure, String(figure.text)).toMatchObject({ lines: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
