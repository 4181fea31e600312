// Card ids survive description typo fixes, note edits and reorders; a changed command is a new card.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardId, normalizeKey } from '../../../src/domain/deck/card-id';
import { compileDeck, type DeckSourceFile } from '../../../src/domain/deck/compile-deck';
import type { Card, Deck } from '../../../src/domain/deck/types';

const MEMO = `# T

## Cmds
|Command|Description|Note|
|---|---|---|
|\`tool a\`|Does A|first|
|\`tool b\`|Does B||
|\`-x\`|Option X||

## Facts
* Alpha fact
* Beta fact
`;

function compile(memo: string, notes?: string): Deck {
  const files: DeckSourceFile[] = [{ path: 'd/memo.en.md', text: memo }];
  if (notes !== undefined) files.push({ path: 'd/notes.en.md', text: notes });
  const { deck, errors } = compileDeck({ id: 't', files });
  expect(errors).toEqual([]);
  return deck as Deck;
}
const ids = (deck: Deck): Record<string, string> =>
  Object.fromEntries(deck.cards.map((c) => [`${c.kind} ${c.key}`, c.id]));

describe('stable card ids', () => {
  const base = ids(compile(MEMO));

  it('keeps ids when a description typo is fixed', () => {
    expect(ids(compile(MEMO.replace('Does A', 'Does A, fixed')))).toEqual(base);
  });

  it('keeps ids when a note is edited or added', () => {
    expect(ids(compile(MEMO.replace('|first|', '|changed note|').replace('Does B||', 'Does B|new note|')))).toEqual(base);
  });

  it('keeps ids when rows are reordered', () => {
    const swapped = MEMO.replace('|`tool a`|Does A|first|\n|`tool b`|Does B||', '|`tool b`|Does B||\n|`tool a`|Does A|first|');
    const deck = compile(swapped);
    expect(deck.cards[0]?.key).toBe('tool b');
    expect(ids(deck)).toEqual(base);
  });

  it('keeps ids when whitespace inside a command changes', () => {
    expect(ids(compile(MEMO.replace('`tool a`', '`tool   a`')))).toEqual(base);
  });

  it('makes a new id when the command changes', () => {
    const changed = ids(compile(MEMO.replace('`tool a`', '`tool aa`')));
    expect(changed['command-meaning tool aa']).toBeDefined();
    expect(Object.values(changed)).not.toContain(base['command-meaning tool a']);
    expect(changed['command-meaning tool b']).toBe(base['command-meaning tool b']);
  });

  it('gives each kind its own id', () => {
    expect(base['command-meaning tool a']).not.toBe(base['meaning-command tool a']);
    expect(base['option-meaning -x']).not.toBe(base['meaning-option -x']);
  });

  it('keys a fact card by its bullet content: an inserted, deleted or moved bullet leaves the others alone', () => {
    const beta = (deck: Deck): Card | undefined => deck.cards.find((c) => c.back.en === 'Beta fact');
    const id = beta(compile(MEMO))?.id;
    expect(id).toMatch(/^[0-9a-f]{14}$/);
    expect(beta(compile(MEMO.replace('* Alpha fact', '* Inserted fact\n* Alpha fact')))?.id).toBe(id);
    expect(beta(compile(MEMO.replace('* Alpha fact\n', '')))?.id).toBe(id);
    expect(beta(compile(MEMO.replace('## Facts', '## Renamed facts')))?.id).toBe(id);
    expect(beta(compile(MEMO.replace('* Alpha fact\n* Beta fact', '* Beta fact\n* Alpha fact')))?.id).toBe(id);
  });

  it('gives an edited bullet a new fact id (the matcher carries its history, see match-cards)', () => {
    const edited = ids(compile(MEMO.replace('Alpha fact', 'Alpha fact, reworded')));
    expect(Object.keys(edited).filter((k) => !(k in base))).toHaveLength(1);
  });

  it('tells apart two bullets with the same text', () => {
    const deck = compile(MEMO.replace('* Beta fact', '* Alpha fact'));
    const facts = deck.cards.filter((c) => c.kind === 'fact');
    expect(new Set(facts.map((c) => c.id)).size).toBe(2);
  });

  it('keeps an authored question id (q:id) when its bullet moves', () => {
    const notes = (addr: string): string => `## Questions\n\n### ${addr} q:beta\nQ: What is beta?\nA: A fact\n`;
    const before = compile(MEMO, notes('facts.2')).cards.find((c) => c.key === 'q:beta');
    const moved = MEMO.replace('* Alpha fact\n* Beta fact', '* Beta fact\n* Alpha fact');
    const after = compile(moved, notes('facts.1')).cards.find((c) => c.key === 'q:beta');
    expect(after?.id).toBe(before?.id);
    expect(after?.front.en).toBe('What is beta?');
  });

  it('keeps the Docker deck ids when its descriptions change', () => {
    const read = (name: string): DeckSourceFile => ({ path: `decks/docker/${name}`, text: readFileSync(`decks/docker/${name}`, 'utf8') });
    const files = ['memo.ja.md', 'memo.en.md', 'notes.ja.md', 'notes.en.md'].map(read);
    const before = compileDeck({ id: 'docker', files }).deck as Deck;
    const edited = files.map((f) => (f.path.endsWith('memo.en.md') ? { ...f, text: f.text.replace('Lists containers', 'Lists the containers') } : f));
    const after = compileDeck({ id: 'docker', files: edited }).deck as Deck;
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id));
    expect(after.hash).not.toBe(before.hash);
  });

  it('is a pure function of deck, kind and normalized key', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (deck, key) => {
      expect(cardId(deck, 'fact', key)).toBe(cardId(deck, 'fact', ` ${key.replace(/ /g, '  ')} `));
      expect(cardId(deck, 'fact', key)).toMatch(/^[0-9a-f]{14}$/);
    }));
    expect(normalizeKey('  docker   ps \n')).toBe('docker ps');
  });
});
