// `## Titles` in the notes: the title a section is shown with where the memo's heading is a note
// to self (issue 26: lesson 3 was titled "memo" in both languages).
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { formatDeckError } from '../../../src/domain/deck/errors';

const memo = (lang: 'ja' | 'en') =>
  lang === 'ja' ? '# ツール\n\n## memo\n* 設定は毎朝見直す\n\n## 基本\n* ログは七日で消える\n' : '# Tools\n\n## memo\n* Settings are reviewed every morning\n\n## Basics\n* Logs are deleted after seven days\n';

const compile = (notesJa: string, notesEn = '') =>
  compileDeck({
    id: 'tools',
    files: [
      { path: 'memo.ja.md', text: memo('ja') },
      { path: 'memo.en.md', text: memo('en') },
      { path: 'notes.ja.md', text: notesJa },
      ...(notesEn ? [{ path: 'notes.en.md', text: notesEn }] : []),
    ],
  });

describe('## Titles', () => {
  it('shows a section under the title the notes give it, per language, on the default cards too', () => {
    const { deck, errors } = compile('## 見出し\n- memo: 心がけ\n', '## Titles\n- 1: Habits\n');
    expect(errors).toEqual([]);
    expect(deck!.sections.map((s) => s.title)).toEqual([{ ja: '心がけ', en: 'Habits' }, { ja: '基本', en: 'Basics' }]);
    // The id stays the memo's (links and history hang on it).
    expect(deck!.sections[0]!.id).toBe('memo');
    const fact = deck!.cards.find((c) => c.sectionId === 'memo' && c.kind === 'fact')!;
    expect(fact.front.ja).toMatch(/^「心がけ」: /);
    expect(fact.front.en).toMatch(/^Habits: /);
  });

  it('keeps the memo\'s heading in a language the notes give no title', () => {
    const { deck } = compile('## Titles\n- memo: 心がけ\n');
    expect(deck!.sections[0]!.title).toEqual({ ja: '心がけ', en: 'memo' });
  });

  it('names an unknown section and a malformed line at their lines', () => {
    const { errors } = compile('## Titles\n- nothing: 何か\n- : 空\n');
    expect(errors.map(formatDeckError).sort()).toEqual([
      'notes.ja.md:2: unknown section "nothing": use a section id (memo, 基本) or a number from 1 to 2',
      'notes.ja.md:3: a title line is "- memo: Other notes" (a section id or number, then the title to show)',
    ]);
  });
});
