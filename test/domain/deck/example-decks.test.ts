// Other memos in the same shape: a Japanese-only git memo, cloze blanks, authored questions,
// and a hostile memo whose HTML must come out as literal plain text.
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import type { Deck } from '../../../src/domain/deck/types';
import { readDeckFolder } from '../../../scripts/read-decks';

const compileFixture = (name: string): Deck => {
  const { deck, errors } = compileDeck(readDeckFolder(`test/fixtures/decks/${name}`));
  expect(errors).toEqual([]);
  return deck as Deck;
};

describe('a Japanese-only git memo', () => {
  const deck = compileFixture('git');

  it('compiles with no code change, in one language', () => {
    expect(deck.languages).toEqual(['ja']);
    expect(deck.title).toEqual({ ja: 'Git' });
    expect(deck.sections.map((s) => s.title.ja)).toEqual(['基本', 'コマンド / リポジトリ関連', 'コマンド / 変更関連', 'コマンド / オプション']);
    for (const c of deck.cards) {
      expect(Object.keys(c.front)).toEqual(['ja']);
      expect(Object.keys(c.back)).toEqual(['ja']);
    }
  });

  it('makes command, option and default fact cards', () => {
    const kinds = deck.cards.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'command-meaning')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'option-meaning')).toHaveLength(1);
    const amend = deck.cards.find((c) => c.kind === 'meaning-option');
    expect(amend).toMatchObject({ key: '--amend', back: { ja: '`--amend`' }, answers: ['--amend'] });
    const fact = deck.cards.find((c) => c.kind === 'fact');
    expect(fact?.front.ja).toBe('「基本」: メモのこの一文を完成させてください。\nGitは分散型…');
    expect(fact?.back.ja).toBe('Gitは分散型のバージョン管理システム');
    expect(deck.cards.find((c) => c.key === 'git commit')?.note).toEqual({ ja: '`-m` でメッセージ' });
    expect(fact?.source).toBe('test/fixtures/decks/git/memo.ja.md:4');
  });
});

describe('cloze blanks and authored questions', () => {
  const deck = compileFixture('cloze');

  it('makes one card per {{blank}}, the blank being the answer', () => {
    const cards = deck.cards.filter((c) => c.key.includes('{'));
    expect(cards.map((c) => c.back.en)).toEqual(['host kernel', '`docker create`', '`docker start`']);
    expect(cards[0]?.front).toEqual({ ja: 'Docker のコンテナは［　？　］を共有するので軽い', en: 'Docker containers share the [ ? ], which makes them light' });
    expect(cards[2]?.front.en).toBe('`docker run` = `docker create` + [ ? ]');
    expect(cards[0]?.note?.en).toBe('Docker containers share the host kernel, which makes them light');
  });

  it('pairs questions across languages by q:id or by bullet, answering with the bullet when A: is left out', () => {
    const light = deck.cards.find((c) => c.key === 'q:light');
    expect(light?.front).toEqual({ ja: 'コンテナが軽いのはなぜ?', en: 'Why are containers light?' });
    expect(light?.back.en).toBe('Docker containers share the host kernel, which makes them light');
    const quoted = deck.cards.find((c) => c.front.en === 'Is this bullet covered by a question?');
    expect(quoted?.back).toEqual({ ja: 'ある (これ)', en: 'Yes, by this authored one' });
    expect(deck.cards.filter((c) => c.kind === 'fact')).toHaveLength(5);
  });
});

describe('a hostile memo', () => {
  const deck = compileFixture('hostile');
  const texts = deck.cards.flatMap((c) => [c.front.en, c.back.en, c.note?.en, c.description?.en]);

  it('keeps HTML and script text as literal plain text', () => {
    const rm = deck.cards.find((c) => c.kind === 'command-meaning' && c.key === 'rm -rf /');
    expect(rm?.back.en).toBe('<img src=x onerror=alert(1)>');
    expect(rm?.note?.en).toBe('<script>alert(document.cookie)</script>');
    expect(deck.cards.find((c) => c.key === '<b>bold</b>')?.front.en).toBe('`<b>bold</b>`');
    expect(texts).toContain('<iframe src="javascript:alert(1)"></iframe>');
    expect(deck.title.en).toBe("Hostile <script>alert('title')</script>");
    expect(deck.cards.find((c) => c.kind === 'fact')?.back.en).toBe('Click <a href="javascript:alert(1)">here</a> for <b>fun</b>');
  });

  it('only turns <br> outside code into a line break', () => {
    const echo = deck.cards.find((c) => c.key === 'echo "<br>"');
    expect(echo?.front.en).toBe('`echo "<br>"`');
    expect(echo?.back.en).toBe('Keeps\nas a line break only outside code');
  });
});
