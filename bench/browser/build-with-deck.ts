// The app built with a generated deck of `rows` command rows (2 cards each: 5,000 rows make the
// 10k-card deck of the rating and sync benches), into its own output folder beside dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function writeMemo(dir: string, rows: number): void {
  const lines = ['# Bench', ''];
  for (let row = 0; row < rows; row++) {
    if (row % 100 === 0) lines.push('', `## Section ${row / 100}`, '', '|Command|Description|Note|', '|:--|:--|:--|');
    lines.push(`|\`tool verb-${row} resource-${row % 37}\`|Does thing number ${row} to resource ${row % 37}|note ${row}|`);
  }
  mkdirSync(join(dir, 'bench'), { recursive: true });
  writeFileSync(join(dir, 'bench', 'memo.en.md'), lines.join('\n') + '\n');
}

/** Builds into `outDir` (relative to the project) and returns it. */
export function buildWithGeneratedDeck(rows: number, outDir: string): string {
  const decksDir = mkdtempSync(join(tmpdir(), 'kujira-bench-decks-'));
  try {
    writeMemo(decksDir, rows);
    console.log(`building the app with a ${(rows * 2).toLocaleString('en')}-card deck into ${outDir}/ ...`);
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      env: { ...process.env, KUJIRA_DECKS_DIR: decksDir, KUJIRA_OUT_DIR: outDir, KUJIRA_BUILD_ID: 'bench', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return outDir;
  } finally {
    rmSync(decksDir, { recursive: true, force: true });
  }
}
