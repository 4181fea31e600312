// The Vite plugin serves every deck of decks/ as `virtual:kujira-decks` and fails on deck errors.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kujiraDecks } from '../../scripts/vite-plugin-decks';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (hook: unknown, ctx: unknown, ...args: unknown[]): unknown => (hook as Hook).call(ctx, ...args);

describe('kujiraDecks()', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kujira-plugin-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('compiles the current sources into the virtual module, and fails with every FILE:LINE', () => {
    cpSync('test/fixtures/decks/git', join(tmp, 'decks', 'git'), { recursive: true });
    const plugin = kujiraDecks();
    call(plugin.configResolved, undefined, { root: tmp });
    const resolved = call(plugin.resolveId, undefined, 'virtual:kujira-decks') as string;
    expect(resolved).toBe('\0virtual:kujira-decks');
    const watched: string[] = [];
    const ctx = { addWatchFile: (f: string) => watched.push(f), error: (m: string) => { throw new Error(m); } };
    const code = call(plugin.load, ctx, resolved) as string;
    const json = /^export const decks = JSON\.parse\((.*)\);\n$/s.exec(code)?.[1];
    expect(json).toBeDefined();
    const decks = JSON.parse(JSON.parse(json!)) as { id: string; cards: unknown[] }[];
    expect(decks.map((d) => d.id)).toEqual(['git']);
    expect(decks[0]!.cards.length).toBeGreaterThan(0);
    expect(watched.some((f) => f.endsWith('memo.ja.md'))).toBe(true);

    writeFileSync(join(tmp, 'decks', 'git', 'memo.ja.md'), '# Git\n\n|a|b|\n|---|---|\n|`x`||\n');
    expect(() => call(plugin.load, ctx, resolved)).toThrow('decks/git/memo.ja.md:5: empty description for `x`');
  });
});
