// Memos found by probing: each odd input gets a clear FILE:LINE error or warning, or the output
// the writer meant, and large or hostile inputs stay linear.
import { Lexer } from 'marked';
import { describe, expect, it, vi } from 'vitest';
import { splitCloze } from '../../../src/domain/deck/cloze';
import { compileDeck, type CompileDeckResult } from '../../../src/domain/deck/compile-deck';
import { detectLang } from '../../../src/domain/deck/deck-files';
import { formatDeckError } from '../../../src/domain/deck/errors';
import { MAX_NESTING, nestingDepth } from '../../../src/domain/deck/preflight';

const TABLE = '|Command|Description|\n|---|---|\n|`git status`|Shows the tree|\n';

function compile(memo: string, notes?: string): CompileDeckResult {
  const files = [{ path: 'd/memo.en.md', text: memo }];
  if (notes !== undefined) files.push({ path: 'd/notes.en.md', text: notes });
  return compileDeck({ id: 'd', files });
}
const errors = (r: CompileDeckResult): string[] => r.errors.map(formatDeckError);
const warnings = (r: CompileDeckResult): string[] => r.warnings.map(formatDeckError);

describe('deck compiler robustness', () => {
  it('reads a memo and notes that start with a byte-order mark', () => {
    const plain = compile(`# Git\n\n## Basics\n${TABLE}`, '## Aliases\n- `git status`: `git st`\n');
    const bom = compile(`\ufeff# Git\n\n## Basics\n${TABLE}`, '\ufeff## Aliases\n- `git status`: `git st`\n');
    expect(errors(bom)).toEqual([]);
    expect(bom.deck?.title).toEqual({ en: 'Git' });
    expect(bom.deck?.cards[0]?.answers).toEqual(['git status', 'git st']);
    expect(bom.deck?.hash).toBe(plain.deck?.hash);
  });

  it('reports a table typed with full-width pipes once, at its first line', () => {
    const memo = '# T\n\n## Cmds\n｜Command｜Description｜\n｜---｜---｜\n｜`git status`｜Shows the tree｜\n\n* A fact\n';
    expect(errors(compile(memo))).toEqual([
      'd/memo.en.md:4: this table uses full-width "｜": write the table\'s pipes as ASCII "|" (only "|" separates cells)',
    ]);
  });

  it('reports a bullet indented with a tab (a code block in Markdown)', () => {
    const memo = '# T\n\n## Facts\n\n\t* First\n\t* Second\n\n## More\n* Third\n';
    expect(errors(compile(memo))).toEqual([
      'd/memo.en.md:5: this bullet is indented with a tab or 4 spaces, which makes it a code block, not a bullet: start it at the line\'s beginning (indent only under another bullet)',
    ]);
  });

  it('keeps a tab-indented sub-bullet under its bullet', () => {
    const r = compile('# T\n\n## Facts\n* First\n\t* nested detail\n');
    expect(errors(r)).toEqual([]);
    expect(r.deck?.cards[0]?.back.en).toBe('First\n- nested detail');
  });

  it('reads a prose line right after a table as text, with a warning, not as a 1-cell row', () => {
    const r = compile(`# T\n\n## Cmds\n${TABLE}See the manual for more.\n`);
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual([
      'd/memo.en.md:7: this line has no "|", so it is read as text after the table, not as a row: leave a blank line between a table and the text below it',
    ]);
    expect(r.deck?.cards).toHaveLength(2);
  });

  it('refuses nesting deeper than the cap before marked sees it', () => {
    const quotes = `# T\n\n## F\n* a\n\n${'> '.repeat(5000)}deep\n`;
    // marked alone would overflow the stack on these: the cap must act before the lexer is called.
    const lex = vi.spyOn(Lexer.prototype, 'lex');
    expect(errors(compile(quotes))).toEqual([
      `d/memo.en.md:6: nesting 5000 levels deep (quotes ">" or lists): a memo may nest at most ${MAX_NESTING}; flatten this part`,
    ]);
    const lists = `# T\n\n## F\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`;
    expect(errors(compile(lists))[0]).toMatch(/^d\/memo\.en\.md:24: nesting 21 levels deep/);
    expect(errors(compile('# T\n\n## Qs\n* a\n', `## Corrections\n${'- '.repeat(3000)}x\n`))[0]).toMatch(/^d\/notes\.en\.md:2: nesting 3000 levels deep/);
    const lexed = lex.mock.calls.map(([text]) => text);
    // The spy does see what the compiler lexes: a shallow memo goes through it.
    compile('# T\n\n## F\n* shallow\n');
    expect(lex.mock.calls.slice(lexed.length).some(([text]) => text.includes('shallow'))).toBe(true);
    lex.mockRestore();
    expect(lexed.filter((text) => text.includes('> > > > > > > > > > > > > > > > > > > > > >') || text.includes('- - - - - - - - - - - - - - - - - - - - - -'))).toEqual([]);
    expect(lexed.filter((text) => /^ {40,}- x$/m.test(text))).toEqual([]);
  });

  it('counts nesting from markers and indentation, and ignores fenced code', () => {
    expect(nestingDepth('plain text')).toBe(0);
    expect(nestingDepth('> > - x')).toBe(3);
    expect(nestingDepth('        - x')).toBe(5);
    const fenced = `# T\n\n## F\n* a\n\n\`\`\`yaml\n${' '.repeat(80)}- deep: yaml\n\`\`\`\n`;
    expect(errors(compile(fenced))).toEqual([]);
  });

  it('scans cloze blanks in linear time, keeping the regex semantics', () => {
    expect(splitCloze('a {{b}} c {{d}}')).toEqual([
      { text: 'a ', blank: false }, { text: 'b', blank: true }, { text: ' c ', blank: false }, { text: 'd', blank: true },
    ]);
    expect(splitCloze('{{a {{b}} c}}')).toEqual([{ text: 'a {{b', blank: true }, { text: ' c}}', blank: false }]);
    const hostile = `# T\n\n## F\n* ${'{{'.repeat(80_000)}\n`;
    const start = performance.now();
    expect(errors(compile(hostile))).toEqual(['d/memo.en.md:4: unbalanced cloze marker: write a blank as {{answer}}']);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('normalizes keys to NFC, so NFD and NFC spellings are one command', () => {
    const nfc = 'が'.normalize('NFC');
    const nfd = 'が'.normalize('NFD');
    const memo = `# T\n\n## C\n|Command|Description|\n|---|---|\n|\`echo ${nfc}\`|One|\n|\`echo ${nfd}\`|Two|\n`;
    expect(errors(compile(memo))).toEqual([`d/memo.en.md:7: repeated command \`echo ${nfc}\`: it is already at line 6`]);
  });

  it('rejects a key holding a zero-width character', () => {
    const memo = '# T\n\n## C\n|Command|Description|\n|---|---|\n|`docker\u200b ps`|Lists|\n|`docker ps`|Lists|\n';
    expect(errors(compile(memo))).toEqual([
      'd/memo.en.md:6: the command `docker ps` holds an invisible character (U+200B): delete it, or two commands look the same but differ',
    ]);
  });

  it('writes a key holding a backtick as a double-backtick span', () => {
    const r = compile('# T\n\n## C\n|Command|Description|\n|---|---|\n|`` echo `date` ``|Prints the date|\n');
    expect(errors(r)).toEqual([]);
    expect(r.deck?.cards[0]?.key).toBe('echo `date`');
    expect(r.deck?.cards[0]?.front.en).toBe('`` echo `date` ``');
  });

  it('compiles one memo of any name, its language given or detected', () => {
    const r = compileDeck({ id: 'tools', files: [{ path: 'tools.md', text: '# ツール\n\n## 基本\n* これは日本語のメモです\n', role: 'memo', lang: detectLang('これは日本語のメモです') }] });
    expect(errors(r)).toEqual([]);
    expect(r.deck?.languages).toEqual(['ja']);
    expect(detectLang('# Git\n\n* `git status` shows the tree')).toBe('en');
    expect(detectLang('# Git\n\n* `git status` で状態を表示する')).toBe('ja');
  });

  it('compiles 50,000 rows of one section', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `|\`tool sub${i}\`|Runs job ${i}|`).join('\n');
    const start = performance.now();
    const r = compile(`# Big\n\n## All\n|Command|Description|\n|---|---|\n${rows}\n`);
    const ms = performance.now() - start;
    expect(errors(r)).toEqual([]);
    expect(r.deck?.cards).toHaveLength(100_000);
    // The quadratic version took 11.6 s; bench/compile-decks.ts prints the real figure.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
