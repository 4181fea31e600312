// The deck CLI (scripts/decks.ts) as a user runs it: exit codes, stderr reports, --json on stdout.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function decks(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const run = cwd === ROOT
    ? spawnSync('npx', ['tsx', 'scripts/decks.ts', ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
    : spawnSync(TSX, [join(ROOT, 'scripts', 'decks.ts'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run decks -- --check', () => {
  it('checks a deck folder: summary on stderr, nothing on stdout, exit 0', () => {
    const r = decks(['--check', 'decks/docker']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('docker: 82 cards in 9 sections (command-meaning 31, meaning-command 31, option-meaning 2, meaning-option 2, fact 16; by language: ja 82, en 82)');
  }, 60_000);

  it('prints one deck object with --json', () => {
    const r = decks(['--check', '--json', 'decks/docker']);
    expect(r.code).toBe(0);
    const deck = JSON.parse(r.stdout) as { id: string; cards: { id: unknown; kind: unknown; front: unknown }[] };
    expect(deck.id).toBe('docker');
    expect(deck.cards).toHaveLength(82);
    for (const card of deck.cards) {
      expect(typeof card.id).toBe('string');
      expect(typeof card.kind).toBe('string');
      expect(card.front).toBeTypeOf('object');
    }
  }, 60_000);

  it('prints an array for several paths, a memo file compiling alone', () => {
    const r = decks(['--check', 'test/fixtures/decks/git/memo.ja.md', 'test/fixtures/decks/hostile', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; languages: string[] }[];
    expect(list.map((d) => [d.id, d.languages])).toEqual([['git', ['ja']], ['hostile', ['en']]]);
  }, 60_000);

  it('exits 1 with every FILE:LINE error on stderr and no JSON', () => {
    const r = decks(['--check', '--json', 'test/fixtures/decks/broken', 'decks/docker']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => /^test\/fixtures/.test(l));
    expect(lines).toEqual([
      'test/fixtures/decks/broken/memo.ja.md:7: repeated command `docker ps`: it is already at line 6',
      'test/fixtures/decks/broken/memo.ja.md:8: empty description for `docker rm`: say what it does in the second cell',
      'test/fixtures/decks/broken/memo.ja.md:9: this row has 2 cell(s) but the table header has 3: check for a missing or extra "|"',
    ]);
    expect(r.stderr).toContain('3 error(s)');
  }, 60_000);

  it('reports a missing path and usage errors', () => {
    const missing = decks(['--check', 'no/such/deck']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no/such/deck:1: no such file or folder');
    expect(decks(['--check']).code).toBe(2);
    expect(decks(['--frobnicate']).code).toBe(2);
  }, 60_000);
});

describe('npm run decks -- --check a memo of any name, and --diff', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kujira-memo-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const OLD = '# Team tools\n\n## Basics\n* Containers share the host kernel\n* Images are built in layers\n\n## Commands\n|Command|Description|\n|---|---|\n|`docker ps`|Lists running containers|\n';

  it('checks a memo named git.ja.md (language from the suffix, id from the name)', () => {
    cpSync('test/fixtures/decks/git/memo.ja.md', join(tmp, 'git.ja.md'));
    const r = decks(['--check', '--json', join(tmp, 'git.ja.md')]);
    expect(r.code).toBe(0);
    const deck = JSON.parse(r.stdout) as { id: string; languages: string[] };
    expect([deck.id, deck.languages]).toEqual(['git', ['ja']]);
  }, 60_000);

  it('checks a memo with no language suffix, detecting its language, and prints warnings', () => {
    writeFileSync(join(tmp, 'Team Tools.md'), `${OLD}Ask the lead for access.\n`);
    const r = decks(['--check', '--json', join(tmp, 'Team Tools.md')]);
    expect(r.code).toBe(0);
    const deck = JSON.parse(r.stdout) as { id: string; languages: string[] };
    expect([deck.id, deck.languages]).toEqual(['team-tools', ['en']]);
    expect(r.stderr).toContain('Team Tools.md:11: warning: this line has no "|"');
  }, 60_000);

  it('prints the change report between two versions', () => {
    writeFileSync(join(tmp, 'old.en.md'), OLD);
    writeFileSync(join(tmp, 'new.en.md'), OLD
      .replace('* Containers', '* Docker runs on Linux\n* Containers')
      .replace('built in layers', 'built from layers')
      .replace('Lists running containers', 'Lists every container'));
    const r = decks(['--diff', join(tmp, 'old.en.md'), join(tmp, 'new.en.md')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('1 added, 0 removed, 1 reworded, 2 meaning changed, 1 unchanged; history moves to a new id for 1 card(s)');
    expect(lines).toContain(`+ added: fact Docker runs on Linux (${join(tmp, 'new.en.md')}:4)`);
    expect(lines).toContain(`~ reworded (85% alike): fact Images are built from layers (${join(tmp, 'new.en.md')}:6)`);
    expect(lines).toContain('    description: "Lists running containers" -> "Lists every container"');
    expect(decks(['--diff', join(tmp, 'old.en.md')]).code).toBe(2);
  }, 60_000);
});

describe('npm run decks (build)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kujira-decks-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes build/decks/<id>.json for every deck and removes a deck that stops compiling', () => {
    cpSync('test/fixtures/decks/git', join(tmp, 'decks', 'git'), { recursive: true });
    cpSync('test/fixtures/decks/cloze', join(tmp, 'decks', 'cloze'), { recursive: true });
    const ok = decks([], tmp);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/^cloze: 5 cards/m);
    expect(ok.stderr).toMatch(/^git: 16 cards/m);
    const git = JSON.parse(readFileSync(join(tmp, 'build', 'decks', 'git.json'), 'utf8')) as { cards: unknown[] };
    expect(git.cards).toHaveLength(16);

    writeFileSync(join(tmp, 'decks', 'git', 'memo.ja.md'), '');
    const broken = decks([], tmp);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('decks/git/memo.ja.md:1: empty file');
    expect(existsSync(join(tmp, 'build', 'decks', 'git.json'))).toBe(false);
    expect(existsSync(join(tmp, 'build', 'decks', 'cloze.json'))).toBe(true);
  }, 60_000);
});
