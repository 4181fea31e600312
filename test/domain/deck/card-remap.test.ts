// Remap records: chains resolve, a remap back revives the first id, and order of arrival does not matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardRemap, currentCardId, idsOfCard, resolveRemaps } from '../../../src/domain/deck/card-remap';

describe('resolveRemaps', () => {
  it('follows a chain to its end', () => {
    const r = resolveRemaps([cardRemap('d', 'a', 'b', 1), cardRemap('d', 'b', 'c', 2)]);
    expect(currentCardId(r, 'a')).toBe('c');
    expect(currentCardId(r, 'b')).toBe('c');
    expect(currentCardId(r, 'c')).toBe('c');
    expect(idsOfCard(r, 'c').sort()).toEqual(['a', 'b', 'c']);
  });

  it('makes a card live again when a later remap points back at it', () => {
    const r = resolveRemaps([cardRemap('d', 'a', 'b', 1), cardRemap('d', 'b', 'a', 2)]);
    expect(currentCardId(r, 'a')).toBe('a');
    expect(currentCardId(r, 'b')).toBe('a');
  });

  it('gives the same result whatever order the records arrive in', () => {
    const remap = fc.record({ from: fc.constantFrom('a', 'b', 'c', 'd'), to: fc.constantFrom('a', 'b', 'c', 'd'), at: fc.nat(20) });
    fc.assert(fc.property(fc.array(remap, { maxLength: 8 }), fc.nat(), (list, seed) => {
      const records = list.map((x) => cardRemap('d', x.from, x.to, x.at));
      const shuffled = [...records].sort((x, y) => ((x.at * 31 + seed) % 7) - ((y.at * 31 + seed) % 7));
      const a = resolveRemaps(records);
      expect(resolveRemaps(shuffled)).toEqual(a);
      for (const to of a.values()) expect(a.has(to)).toBe(false); // resolved ids are final
    }), { seed: 20261203 });
  });
});
