// Prints the JavaScript a first visit loads (the entry script plus its modulepreloads, and the
// first screen's strings in the UI language, which start-up imports before the first render),
// gzipped, and exits 1 above the budget. Run after `vite build` (it reads dist/index.html).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 128;

export function firstVisitScripts(html: string): string[] {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) sources.add(match[1]!);
  return [...sources];
}

/** The first screen's strings, one chunk per language (src/i18n/bundles/core-<lang>.ts). */
const CORE_STRINGS = /^core-(en|ja)-[\w-]+\.js$/;

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

function main() {
  const dist = process.argv[2] ?? 'dist';
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = firstVisitScripts(html);
  let total = 0;
  for (const src of scripts) {
    const kb = gzipKb(join(dist, src.replace(/^\//, '')));
    total += kb;
    console.log(`  ${src}  ${kb.toFixed(1)} KB gzip`);
  }
  const assets = join(dist, 'assets');
  const allJs = readdirSync(assets).filter((f) => f.endsWith('.js'));
  // A first visit loads one language's: the larger one counts.
  const core = allJs.filter((f) => CORE_STRINGS.test(f)).map((f) => ({ f, kb: gzipKb(join(assets, f)) }));
  if (core.length !== 2) throw new Error(`size: expected the core strings of en and ja in ${assets}, found ${core.length}`);
  const larger = core.reduce((a, b) => (b.kb > a.kb ? b : a));
  total += larger.kb;
  console.log(`  /assets/${larger.f}  ${larger.kb.toFixed(1)} KB gzip (the first screen's strings, the larger language)`);
  const allKb = allJs.reduce((sum, f) => sum + gzipKb(join(assets, f)), 0);
  const rawKb = allJs.reduce((sum, f) => sum + statSync(join(assets, f)).size / 1024, 0);
  console.log(`first visit JavaScript: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
  console.log(`all JavaScript chunks: ${allJs.length} files, ${allKb.toFixed(1)} KB gzip, ${rawKb.toFixed(1)} KB raw`);
  if (total > BUDGET_KB) {
    console.error(`size: first-visit JavaScript ${total.toFixed(1)} KB is over the ${BUDGET_KB} KB budget`);
    process.exit(1);
  }
}

main();
