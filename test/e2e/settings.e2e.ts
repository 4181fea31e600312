// Settings in Chromium: the easy-days choices show their whole label at 1280 px and at 360 px, in
// English and Japanese (issue 26: "Normal (100" was cut off at 1280 px); the light and dark
// palettes under each theme and system preference.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('easy days', () => {
  for (const [locale, width] of [['en-US', 1280], ['en-US', 360], ['ja-JP', 1280]] as const) {
    it(`shows each weekday's whole choice (${locale}, ${width} px)`, async () => {
      const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${inject('baseUrl')}/settings`);
      const selects = page.locator('.settings-weekdays select');
      await selects.first().waitFor({ timeout: 15_000 });
      // Each select, with its widest choice chosen, is wide enough for that choice's text.
      const cut = await selects.evaluateAll((elements) =>
        (elements as HTMLSelectElement[]).flatMap((select) => {
          const style = getComputedStyle(select);
          const probe = document.createElement('span');
          probe.style.font = style.font;
          probe.style.whiteSpace = 'pre';
          probe.style.position = 'absolute';
          document.body.append(probe);
          const widest = Math.max(...[...select.options].map((o) => ((probe.textContent = o.text), probe.getBoundingClientRect().width)));
          probe.remove();
          // Room for the text: the box less its padding, borders and the arrow (about 1.5em).
          const room = select.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2 * parseFloat(style.borderLeftWidth) - 1.5 * parseFloat(style.fontSize);
          return widest > room ? [`${select.id}: ${Math.round(widest)} > ${Math.round(room)}`] : [];
        }),
      );
      expect(cut).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    });
  }
});

// One dark palette (src/app/styles.css writes each dark colour once, behind a switch): the dark
// theme chosen, or the system's dark with no theme forced, gives it; the light theme always wins.
describe('theme', () => {
  const LIGHT = { background: 'rgb(246, 248, 250)', text: 'rgb(20, 33, 43)', again: 'rgb(179, 38, 30)', scheme: 'light' };
  const DARK = { background: 'rgb(15, 23, 30)', text: 'rgb(232, 238, 243)', again: 'rgb(255, 138, 128)', scheme: 'dark' };
  for (const system of ['light', 'dark'] as const) {
    it(`follows the chosen theme, and the system's (${system}) when none is forced`, async () => {
      const context = await browser.newContext({ colorScheme: system });
      const page = await context.newPage();
      await page.goto(`${inject('baseUrl')}/`);
      // The app applies the saved theme (system) once the settings are read: after that, set it here.
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'system', undefined, { timeout: 15_000 });
      const colours: Record<string, unknown> = {};
      for (const theme of ['system', 'light', 'dark']) {
        colours[theme] = await page.evaluate((theme) => {
          document.documentElement.dataset.theme = theme;
          const probe = document.createElement('span');
          probe.style.color = 'var(--again)';
          document.body.append(probe);
          const body = getComputedStyle(document.body);
          const result = { background: body.backgroundColor, text: body.color, again: getComputedStyle(probe).color, scheme: getComputedStyle(document.documentElement).colorScheme };
          probe.remove();
          return result;
        }, theme);
      }
      expect(colours).toEqual({ system: system === 'dark' ? DARK : LIGHT, light: LIGHT, dark: DARK });
      await context.close();
    });
  }
});
