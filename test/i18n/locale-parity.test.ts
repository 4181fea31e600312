// Both UI languages have every key: English plural forms (_one/_other) match Japanese _other.
import { describe, expect, it } from 'vitest';
import { resources } from '../../src/i18n/resources';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
  );
}

/** Collapses plural suffixes so `cards_one`/`cards_other` and `cards_other` compare equal. */
function withoutPlurals(keys: string[]): string[] {
  return [...new Set(keys.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
}

describe('locale files', () => {
  const en = keysOf(resources.en.translation as unknown as Tree);
  const ja = keysOf(resources.ja.translation as unknown as Tree);

  it('have the same keys in English and Japanese', () => {
    expect(withoutPlurals(ja)).toEqual(withoutPlurals(en));
  });

  it('give every English plural an _other form, and Japanese only _other', () => {
    const enPluralBases = en.filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4));
    for (const base of enPluralBases) expect(en).toContain(`${base}_other`);
    expect(ja.filter((k) => /_(one|two|few|many)$/.test(k))).toEqual([]);
  });

  it('has no empty translation', () => {
    const empty = (tree: Tree) => keysOf(tree).filter((key) => {
      const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (node as Tree | undefined)?.[part], tree);
      return typeof value === 'string' && value.trim() === '';
    });
    expect(empty(resources.en.translation as unknown as Tree)).toEqual([]);
    expect(empty(resources.ja.translation as unknown as Tree)).toEqual([]);
  });
});
