// Runs every benchmark and prints its figures: the Node ones (deck compiler, scheduler and
// storage on fake-indexeddb, quiz generation, backup import, live sync through the dev server), then, with --browser, the ones that
// drive Chromium (rating to next card with 10k cards, cold start offline, rebuild from 100k log
// entries in real IndexedDB).
//   npm run bench            Node benchmarks
//   npm run bench -- --browser   also the Chromium ones (builds the app)
import { execFileSync } from 'node:child_process';

const NODE_BENCHES = ['bench/compile-decks.ts', 'bench/scheduler.ts', 'bench/load-balance.ts', 'bench/quiz.ts', 'bench/import.ts', 'bench/optimizer.ts', 'bench/sync.ts', 'bench/sync-idb.ts', 'bench/team.ts'];
const BROWSER_BENCHES = ['bench/review-latency.ts', 'bench/startup.ts', 'bench/rebuild-browser.ts', 'bench/compile-browser.ts', 'bench/optimizer-browser.ts', 'bench/sync-browser.ts'];

const withBrowser = process.argv.includes('--browser');
if (withBrowser) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
for (const bench of [...NODE_BENCHES, ...(withBrowser ? BROWSER_BENCHES : [])]) {
  console.log(`\n=== ${bench} ===`);
  execFileSync('npx', ['tsx', bench], { stdio: 'inherit' });
}
