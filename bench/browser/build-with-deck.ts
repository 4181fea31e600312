// The app built with a generated deck of `rows` command rows (2 cards each: 5,000 rows make the
// 10k-card deck of the rating and sync benches), into its own output folder beside dist/; or
// built with its own decks only, for a bench that adds the generated memo in the app.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The generated memo (English): `rows` command rows in sections of 100, two cards a row. */
export function generatedBenchMemo(rows: number): string {
  const lines = ['# Bench', ''];
  for (let row = 0; row < rows; row++) {
    if (row % 100 === 0) lines.push('', `## Section ${row / 100}`, '', '|Command|Description|Note|', '|:--|:--|:--|');
    lines.push(`|\`tool verb-${row} resource-${row % 37}\`|Does thing number ${row} to resource ${row % 37}|note ${row}|`);
  }
  return lines.join('\n') + '\n';
}

function build(outDir: string, env: Record<string, string>): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    env: { ...process.env, ...env, KUJIRA_OUT_DIR: outDir, KUJIRA_BUILD_ID: 'bench', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Builds into `outDir` (relative to the project) and returns it. */
export function buildWithGeneratedDeck(rows: number, outDir: string): string {
  const decksDir = mkdtempSync(join(tmpdir(), 'kujira-bench-decks-'));
  try {
    mkdirSync(join(decksDir, 'bench'), { recursive: true });
    writeFileSync(join(decksDir, 'bench', 'memo.en.md'), generatedBenchMemo(rows));
    console.log(`building the app with a ${(rows * 2).toLocaleString('en')}-card deck into ${outDir}/ ...`);
    build(outDir, { KUJIRA_DECKS_DIR: decksDir });
    return outDir;
  } finally {
    rmSync(decksDir, { recursive: true, force: true });
  }
}

/** Builds the app with its own decks into `outDir` (relative to the project) and returns it. */
export function buildPlain(outDir: string): string {
  console.log(`building the app into ${outDir}/ ...`);
  build(outDir, {});
  return outDir;
}
