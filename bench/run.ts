// Runs every benchmark and prints its figures, each with its goal: the Node ones (deck compiler,
// scheduler and storage on fake-indexeddb, quiz generation, backup import, live sync through the
// dev server, the team dashboard's pull), then, with --browser, the first visit's JavaScript and
// the ones that drive Chromium (rating to next card with 10k cards, cold start offline, rebuild
// and import of 100k ratings in real IndexedDB, compile, optimizer, initial sync of 10k and 100k,
// the lead's team dashboard for 500 members).
// The machine's load is printed before and after: figures taken under load are not comparable.
// Not in the run: the rating with 100,000 cards (about 3 min at load 5, most of it adding the
// deck), `npx tsx bench/review-latency.ts --cards 100000 --deck added` (docs/architecture.md).
//   npm run bench            Node benchmarks
//   npm run bench -- --browser   also the Chromium ones (builds the app)
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const NODE_BENCHES = ['bench/compile-decks.ts', 'bench/scheduler.ts', 'bench/load-balance.ts', 'bench/quiz.ts', 'bench/import.ts', 'bench/optimizer.ts', 'bench/sync.ts', 'bench/sync-idb.ts', 'bench/team.ts'];
// scripts/size.ts reads the build the browser benchmarks run: the first visit's JavaScript.
const BROWSER_BENCHES: (string | { bench: string; env: Record<string, string> })[] = [
  'scripts/size.ts',
  'bench/review-latency.ts',
  'bench/startup.ts',
  'bench/rebuild-browser.ts',
  'bench/compile-browser.ts',
  'bench/optimizer-browser.ts',
  'bench/sync-browser.ts',
  // The 100k catch-up again, on 10,000 cards (a generated deck): the second case.
  { bench: 'bench/sync-browser.ts', env: { SIZES: '100000', DECK_ROWS: '5000', RATINGS: '0' } },
  'bench/team-browser.ts',
];

const withBrowser = process.argv.includes('--browser');
if (withBrowser) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`load average (1, 5, 15 min) before: ${load()} on ${cpus().length} cores`);
for (const entry of [...NODE_BENCHES, ...(withBrowser ? BROWSER_BENCHES : [])]) {
  const { bench, env } = typeof entry === 'string' ? { bench: entry, env: {} } : entry;
  const settings = Object.entries(env).map(([k, v]) => `${k}=${v} `).join('');
  console.log(`\n=== ${settings}${bench} ===`);
  execFileSync('npx', ['tsx', bench], { stdio: 'inherit', env: { ...process.env, ...env } });
}
console.log(`\nload average (1, 5, 15 min) after: ${load()}`);
