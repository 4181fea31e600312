// Cold start offline: the time from navigation start to the first due card on screen (the review
// screen's card; --path/--selector measure another screen), in Chromium, with the app installed by
// an earlier online visit, the browser restarted (no live service worker, no memory cache), the
// server gone and the network off. Measured with a performance mark set when the element appears.
// Prints each run and the median.
//   npm run bench:startup [-- --runs 7 --path / --selector "main h1" --dist dist]
// Run after `vite build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, chromePath } from '../test/e2e/browser';
import { startPreview } from '../test/e2e/preview-server';

const MARK = 'kujira:first-screen';

function launch(userDataDir: string) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    args: CHROME_FLAGS,
    locale: 'en-US',
    viewport: { width: 412, height: 823 },
  });
}

/** Sets the MARK performance mark when `selector` first matches. */
function firstScreenObserver(selector: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const mark = ${JSON.stringify(MARK)};
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        performance.mark(mark);
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      path: { type: 'string', default: '/review' },
      selector: { type: 'string', default: '.review-card' },
      dist: { type: 'string', default: 'dist' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const userDataDir = mkdtempSync(join(tmpdir(), 'kujira-bench-'));
  const server = await startPreview({ outDir: values.dist });
  const url = server.url + values.path;

  try {
    // Install: visit online until the service worker controls the page.
    const first = await launch(userDataDir);
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto(url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator(values.selector).first().waitFor();
    await first.close();
    await server.stop();

    const results: { screen: number; fcp: number; response: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await launch(userDataDir);
      await context.setOffline(true);
      // Injected through the DevTools protocol, so the app's CSP does not apply to it. A string,
      // not a function: tsx would wrap a function's inner names in a helper the page lacks.
      await context.addInitScript(firstScreenObserver(values.selector));
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 30_000 });
      const timing = await tab.evaluate((mark) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return {
          screen: performance.getEntriesByName(mark)[0]!.startTime,
          fcp: fcp?.startTime ?? NaN,
          response: nav.responseEnd,
          fromServiceWorker: nav.workerStart > 0,
        };
      }, MARK);
      await context.close();
      if (!timing.fromServiceWorker) throw new Error('the offline navigation was not answered by the service worker');
      results.push(timing);
      console.log(
        `run ${i + 1}/${runs}: first screen ${timing.screen.toFixed(0)} ms (document from service worker ${timing.response.toFixed(0)} ms, FCP ${timing.fcp.toFixed(0)} ms)`,
      );
    }
    console.log(
      `cold start offline to "${values.selector}" on ${values.path}: median ${median(results.map((r) => r.screen)).toFixed(0)} ms ` +
        `(max ${Math.max(...results.map((r) => r.screen)).toFixed(0)} ms, ${runs} runs, browser restarted each run)   (goal: median < 700 ms)`,
    );
  } finally {
    await server.stop();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

await main();
