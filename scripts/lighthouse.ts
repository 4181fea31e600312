// Lighthouse 12.2.3, mobile (its default config: Moto G Power emulation, simulated slow 4G),
// against `vite preview` of the built app, in Debian's Chromium. Prints the median score of each
// category over N runs and the audits that cost points. Run after `vite build`:
//   npm run lighthouse [-- --runs 3 --dist dist --check]
// --check exits 1 below the targets (performance 95, the rest 100). Reports go to .lighthouse/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { CHROME_FLAGS, chromePath } from '../test/e2e/browser';
import { startPreview } from '../test/e2e/preview-server';

export const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The scored audits of a category that did not get full marks: "id (score)". */
function lostPoints(lhr: Result, category: Category): string[] {
  return lhr.categories[category]!.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id} (${Math.round((audit.score ?? 0) * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
}

async function runOnce(url: string): Promise<Result> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: [...CHROME_FLAGS, '--headless=new'],
    logLevel: 'error',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error('Lighthouse returned no result');
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      dist: { type: 'string', default: 'dist' },
      check: { type: 'boolean', default: false },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const server = await startPreview({ outDir: values.dist });
  const results: Result[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const lhr = await runOnce(server.url + '/');
      results.push(lhr);
      const line = CATEGORIES.map((c) => `${c} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`).join('  ');
      console.log(`run ${i + 1}/${runs}: ${line}`);
    }
  } finally {
    await server.stop();
  }

  const outDir = join(process.cwd(), '.lighthouse');
  mkdirSync(outDir, { recursive: true });
  results.forEach((lhr, i) => writeFileSync(join(outDir, `run-${i + 1}.json`), JSON.stringify(lhr)));

  console.log(`\nLighthouse ${results[0]!.lighthouseVersion}, mobile, median of ${runs} (target):`);
  let below = false;
  for (const category of CATEGORIES) {
    const score = median(results.map((lhr) => Math.round((lhr.categories[category]?.score ?? 0) * 100)));
    const ok = score >= TARGETS[category];
    below ||= !ok;
    console.log(`  ${category.padEnd(15)} ${String(score).padStart(3)}  (${TARGETS[category]})${ok ? '' : '  BELOW TARGET'}`);
    const lost = new Set(results.flatMap((lhr) => lostPoints(lhr, category).map((s) => s.replace(/ \(.*/, ''))));
    if (lost.size > 0) console.log(`    audits losing points: ${[...lost].join(', ')}`);
  }
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
  for (const id of metrics) {
    const value = median(results.map((lhr) => lhr.audits[id]?.numericValue ?? 0));
    console.log(`  ${id.padEnd(26)} ${id === 'cumulative-layout-shift' ? value.toFixed(3) : `${Math.round(value)} ms`}`);
  }
  if (values.check && below) process.exit(1);
}

await main();
