// Every error kind, with its exact FILE:LINE, and all of them collected in one run.
import { describe, expect, it } from 'vitest';
import { compileDeck, type DeckSourceFile } from '../../../src/domain/deck/compile-deck';
import { DeckSyntaxError, formatDeckError } from '../../../src/domain/deck/errors';

const JA = `# T

## 事実
* 一つ目
* 二つ目

## コマンド
|コマンド|説明|備考|
|---|---|---|
|\`a\`|Aする||
|\`b\`|Bする||
`;
const EN = `# T

## Facts
* First
* Second

## Commands
|Command|Description|Note|
|---|---|---|
|\`a\`|Does A||
|\`b\`|Does B||
`;

function errorsOf(files: Record<string, string>): string[] {
  const list: DeckSourceFile[] = Object.entries(files).map(([name, text]) => ({ path: `d/${name}`, text }));
  return compileDeck({ id: 'd', files: list }).errors.map(formatDeckError);
}

describe('deck errors', () => {
  it('compiles the clean base', () => {
    expect(errorsOf({ 'memo.ja.md': JA, 'memo.en.md': EN })).toEqual([]);
  });

  it('reports a repeated command at the second row', () => {
    expect(errorsOf({ 'memo.ja.md': JA.replace('|`b`|Bする||', '|`a`|またAする||') }))
      .toEqual(['d/memo.ja.md:11: repeated command `a`: it is already at line 10']);
  });

  it('reports a command repeated across sections', () => {
    const memo = `${JA}\n## 追加\n|コマンド|説明|\n|---|---|\n|\`b\`|再び|\n`;
    expect(errorsOf({ 'memo.ja.md': memo })).toEqual(['d/memo.ja.md:16: repeated command `b`: it is already at line 11']);
  });

  it('reports an empty description', () => {
    expect(errorsOf({ 'memo.ja.md': JA.replace('|`b`|Bする||', '|`b`| ||') }))
      .toEqual(['d/memo.ja.md:11: empty description for `b`: say what it does in the second cell']);
  });

  it('reports rows with the wrong number of cells', () => {
    const memo = JA.replace('|`a`|Aする||', '|`a`|Aする|').replace('|`b`|Bする||', '|`b`|Bする|x|y|');
    expect(errorsOf({ 'memo.ja.md': memo })).toEqual([
      'd/memo.ja.md:10: this row has 2 cell(s) but the table header has 3: check for a missing or extra "|"',
      'd/memo.ja.md:11: this row has 4 cell(s) but the table header has 3: check for a missing or extra "|"',
    ]);
  });

  it('reports a first cell that is not a command in backticks', () => {
    expect(errorsOf({ 'memo.ja.md': JA.replace('|`b`|Bする||', '|b|Bする||') }))
      .toEqual(['d/memo.ja.md:11: the first cell must hold only a command or option in backticks, e.g. `docker ps`']);
  });

  it('reports an empty file and a whitespace-only file', () => {
    expect(errorsOf({ 'memo.ja.md': '' })).toEqual([
      'd/memo.ja.md:1: empty file: a memo needs a "# Title" and at least one table or bullet list']);
    expect(errorsOf({ 'memo.ja.md': JA, 'notes.ja.md': ' \n\n' })[0]).toMatch(/^d\/notes\.ja\.md:1: empty file/);
  });

  it('reports a memo without title or cards', () => {
    expect(errorsOf({ 'memo.en.md': '## Only a heading\n\nSome prose.\n' })).toEqual([
      'd/memo.en.md:1: no cards: add a table of commands in backticks or a bullet list',
      'd/memo.en.md:1: no title: start the memo with "# Deck title"',
    ]);
  });

  it('reports a missing row counterpart on the side that has it', () => {
    expect(errorsOf({ 'memo.ja.md': JA, 'memo.en.md': EN.replace('|`b`|Does B||\n', '') }))
      .toEqual(['d/memo.ja.md:11: row `b` has no counterpart in section "Commands" of memo.en.md']);
    expect(errorsOf({ 'memo.ja.md': JA.replace('|`a`|Aする||\n', ''), 'memo.en.md': EN }))
      .toEqual(['d/memo.en.md:10: row `a` has no counterpart in section "コマンド" of memo.ja.md']);
  });

  it('reports a missing bullet and a missing section counterpart', () => {
    expect(errorsOf({ 'memo.ja.md': JA, 'memo.en.md': EN.replace('* Second\n', '') }))
      .toEqual(['d/memo.ja.md:5: bullet 2 of section "事実" has no counterpart in memo.en.md (bullets are matched by position)']);
    const extra = `${EN}\n## More\n* Third\n`;
    expect(errorsOf({ 'memo.ja.md': JA, 'memo.en.md': extra }))
      .toEqual(['d/memo.en.md:13: section "More" has no counterpart in memo.ja.md (sections are matched by position)']);
  });

  it('reports sidecar references to unknown rows and bullets', () => {
    const notes = `# N\n\n## Corrections\n- \`zzz\`: nope\n- 事実.9: nope\n- "存在しない": nope\n\n## Aliases\n- \`yyy\`: \`y\`\n`;
    expect(errorsOf({ 'memo.ja.md': JA, 'notes.ja.md': notes })).toEqual([
      'd/notes.ja.md:4: unknown row `zzz`: no table row of d/memo.ja.md has this command',
      'd/notes.ja.md:5: unknown bullet 事実.9: section "事実" has 2 bullet(s)',
      'd/notes.ja.md:6: unknown bullet "存在しない": no bullet of d/memo.ja.md starts with these words',
      'd/notes.ja.md:9: unknown row `yyy`: aliases must follow a command of the memo',
    ]);
  });

  it('reports an ambiguous quoted bullet and an unknown notes part', () => {
    const notes = `## Corrections\n- "二": ok\n- "二つ目": fine\n\n## Misc\n- x\n`;
    const memo = JA.replace('* 一つ目', '* 二つ前');
    expect(errorsOf({ 'memo.ja.md': memo, 'notes.ja.md': notes })).toEqual([
      'd/notes.ja.md:2: ambiguous bullet "二": 2 bullets start with these words; quote more of it or use section.n',
      'd/notes.ja.md:5: unknown part "Misc": use Corrections, Aliases, Confusable, Sections, Questions, Meanings, Also right, Not also right, Flags or Titles',
    ]);
  });

  it('reports bad Meanings, Also right and Flags entries', () => {
    const ja = '## Meanings\n- `z`: なし\n- `a`:\n\n## Also right\n- `a`: `q:none`\n- `a`\n\n## Flags\n- `c -x`: 何か\n- `a -x` なし\n- `b -x`: Bする\n';
    expect(errorsOf({ 'memo.ja.md': JA, 'memo.en.md': EN, 'notes.ja.md': ja })).toEqual([
      'd/notes.ja.md:2: unknown row `z`: no table row of d/memo.ja.md has this command',
      'd/notes.ja.md:3: empty meaning for `a`',
      'd/notes.ja.md:6: unknown `q:none`: "also right" names rows of the memo or questions (q:id)',
      'd/notes.ja.md:7: an "also right" line is "- `command`: `other command that also fits its meaning`, ..."',
      "d/notes.ja.md:10: `c -x` must be a row's command followed by its flags (e.g. `docker container ls -a`)",
      'd/notes.ja.md:11: a flags line is "- `command -a` (`--all`): what the command does with these flags"',
      'd/notes.ja.md:12: the flags entry `b -x` has no counterpart in notes.en.md',
    ]);
  });

  it('a meaning replaces the description on the cards and keeps the memo\'s words', () => {
    const ja = '## Meanings\n- `a`: 本当はAAする\n- 1.2: 二つ目 (直した)\n';
    const list: DeckSourceFile[] = [
      { path: 'd/memo.ja.md', text: JA },
      { path: 'd/notes.ja.md', text: ja },
    ];
    const deck = compileDeck({ id: 'd', files: list }).deck;
    const a = deck?.cards.filter((c) => c.key === 'a');
    expect(a?.map((c) => c.description)).toEqual([{ ja: '本当はAAする' }, { ja: '本当はAAする' }]);
    expect(a?.[0]?.back).toEqual({ ja: '本当はAAする' });
    expect(a?.[1]?.front).toEqual({ ja: '本当はAAする' });
    expect(a?.[0]?.memo).toEqual({ ja: 'Aする' });
    const second = deck?.cards.filter((c) => c.kind === 'fact')[1];
    expect(second?.back).toEqual({ ja: '二つ目 (直した)' });
    expect(second?.memo).toEqual({ ja: '二つ目' });
  });

  it('reports a correction or question without its translation', () => {
    const ja = '## Corrections\n- `a`: 訂正\n\n## Questions\n\n### 1.2 q:two\nQ: 二つ目は?\n';
    const en = '## Corrections\n- `b`: fix\n';
    expect(errorsOf({ 'memo.ja.md': JA, 'memo.en.md': EN, 'notes.ja.md': ja, 'notes.en.md': en })).toEqual([
      'd/notes.en.md:2: the correction for b has no counterpart in notes.ja.md',
      'd/notes.ja.md:2: the correction for a has no counterpart in notes.en.md',
      'd/notes.ja.md:6: question q:two has no counterpart in notes.en.md',
    ]);
  });

  it('reports a question without Q and notes without a memo', () => {
    expect(errorsOf({ 'memo.ja.md': JA, 'notes.ja.md': '## Questions\n\n### 1.1\nA: only an answer\n' }))
      .toEqual(['d/notes.ja.md:3: a question needs a "Q: ..." line']);
    expect(errorsOf({ 'memo.ja.md': JA, 'notes.en.md': '## Corrections\n- `a`: x\n' }))
      .toEqual(['d/notes.en.md:1: notes.en.md has no memo.en.md beside it']);
  });

  it('reports unknown languages and a folder with no memo', () => {
    expect(errorsOf({ 'memo.fr.md': JA })).toEqual([
      'd:1: no memo: a deck needs a memo in Japanese or English (memo.ja.md, memo.en.md, or one memo file)',
      'd/memo.fr.md:1: unknown language "fr": use ja or en',
    ]);
  });

  it('collects every error of a broken memo in one run, in file and line order', () => {
    const memo = `# B\n\n## C\n|c|d|n|\n|---|---|---|\n|\`x\`|X||\n|\`x\`|again||\n|\`y\`|||\n|\`z\`|Z|\n\n* {{}} empty blank\n`;
    const errs = errorsOf({ 'memo.en.md': memo });
    expect(errs.map((e) => e.split(': ')[0])).toEqual(['d/memo.en.md:7', 'd/memo.en.md:8', 'd/memo.en.md:9', 'd/memo.en.md:11']);
    const thrown = new DeckSyntaxError(compileDeck({ id: 'd', files: [{ path: 'd/memo.en.md', text: memo }] }).errors);
    expect(thrown.message).toContain('d/memo.en.md:7: repeated command `x`');
    expect(thrown.errors).toHaveLength(4);
  });
});
