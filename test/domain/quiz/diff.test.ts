// The character diff behind typed-answer feedback.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffChars, editDistance, lcsTable } from '../../../src/domain/quiz/diff';

describe('diffChars', () => {
  it.each([
    ['', '', []],
    ['abc', 'abc', [{ kind: 'same', text: 'abc' }]],
    ['', 'ab', [{ kind: 'missing', text: 'ab' }]],
    ['ab', '', [{ kind: 'extra', text: 'ab' }]],
    ['docker volume prun', 'docker volume prune', [{ kind: 'same', text: 'docker volume prun' }, { kind: 'missing', text: 'e' }]],
    // A transposition: the one-letter accidental match is folded into the change.
    ['dcoker ps', 'docker ps', [{ kind: 'same', text: 'd' }, { kind: 'extra', text: 'co' }, { kind: 'missing', text: 'oc' }, { kind: 'same', text: 'ker ps' }]],
    ['docker volume rm', 'docker volume prune', [{ kind: 'same', text: 'docker volume ' }, { kind: 'extra', text: 'rm' }, { kind: 'missing', text: 'prune' }]],
    ['docker contianer ls', 'docker container ls', [{ kind: 'same', text: 'docker cont' }, { kind: 'extra', text: 'ia' }, { kind: 'missing', text: 'ai' }, { kind: 'same', text: 'ner ls' }]],
    ['Docker PS', 'docker ps', [{ kind: 'same', text: 'docker ps' }]],
    ['docker rmi', 'docker rm', [{ kind: 'same', text: 'docker rm' }, { kind: 'extra', text: 'i' }]],
  ])('%j vs %j', (typed, expected, segments) => {
    expect(diffChars(typed, expected)).toEqual(segments);
  });

  it('same + extra rebuild the typed text, same + missing the expected (case-insensitively)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (typed, expected) => {
        const d = diffChars(typed, expected);
        const typedBack = d.filter((s) => s.kind !== 'missing').map((s) => s.text).join('');
        const expectedBack = d.filter((s) => s.kind !== 'extra').map((s) => s.text).join('');
        // Adjacent segments never share a kind.
        const merged = d.every((s, i) => i === 0 || d[i - 1]?.kind !== s.kind);
        return typedBack.toLowerCase() === typed.toLowerCase() && expectedBack === expected && merged;
      }),
    );
  });

  it('handles characters outside the BMP as one character', () => {
    expect(diffChars('a😀', 'a')).toEqual([{ kind: 'same', text: 'a' }, { kind: 'extra', text: '😀' }]);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['docker volume prun', 'docker volume prune', 1],
  ])('%j %j = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('lcsTable', () => {
  it('gives the length of the longest common subsequence of every pair of suffixes, 0 past either end', () => {
    const lcs = lcsTable([...'ABCBDAB'], [...'BDCABA']);
    expect(lcs(0, 0)).toBe(4);
    expect(lcs(4, 0)).toBe(3); // DAB against BDCABA: DAB
    expect(lcs(7, 0)).toBe(0);
    expect(lcs(0, 6)).toBe(0);
    expect(lcsTable<string>([], [])(0, 0)).toBe(0);
  });

  it('compares words as well as characters (the word diff walks the same table)', () => {
    expect(lcsTable(['docker', 'volume', 'rm'], ['docker', 'volume', 'prune'])(0, 0)).toBe(2);
  });
});
