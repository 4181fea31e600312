// The compiler's messages in the Japanese UI (issue 26: "pasted.md:1: no cards: add a table ..."
// stayed in English). Every message a broken memo gets here is said in Japanese, with its
// commands, titles and numbers kept.
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { deckMessageIn } from '../../src/i18n/deck-messages';

const errorsOf = (text: string, path = 'pasted.md') =>
  compileDeck({ id: 'pasted', files: [{ path, text, role: 'memo', lang: 'ja' }] }).errors.map((e) => e.message);

const BROKEN = {
  noCards: '# ツール\n',
  empty: '',
  noTitle: '## 基本\n* ログは七日で消える\n',
  twoTitles: '# A\n\n## 基本\n* x\n\n# B\n',
  cells: '# T\n\n## 表\n|コマンド|説明|備考|\n|:--|:--|:--|\n|`ls`|一覧|x|y|\n',
  firstCell: '# T\n\n## 表\n|コマンド|説明|\n|:--|:--|\n|`ls`|一覧|\n|ls -a|全部|\n',
  repeated: '# T\n\n## 表\n|コマンド|説明|\n|:--|:--|\n|`ls`|一覧|\n|`ls`|また一覧|\n',
  emptyDescription: '# T\n\n## 表\n|コマンド|説明|\n|:--|:--|\n|`ls`| |\n',
  cloze: '# T\n\n## 基本\n* a {{blank\n',
  emptyCloze: '# T\n\n## 基本\n* a {{}} b\n',
  fullWidth: '# T\n\n## 表\n｜コマンド｜説明｜\n｜:--｜:--｜\n｜`ls`｜一覧｜\n',
  indented: '# T\n\n## 基本\n    * コードになる\n* ふつう\n',
};

describe('deckMessageIn', () => {
  for (const [name, text] of Object.entries(BROKEN)) {
    it(`says "${name}" in Japanese`, () => {
      const messages = errorsOf(text);
      expect(messages.length, name).toBeGreaterThan(0);
      for (const message of messages) {
        const ja = deckMessageIn(message, 'ja');
        expect(ja, message).not.toBe(message);
        expect(ja, message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    });
  }

  it('keeps the command and the line number, and leaves English as it is', () => {
    const [repeated] = errorsOf(BROKEN.repeated);
    expect(deckMessageIn(repeated!, 'ja')).toBe('コマンド `ls` が重複しています: 6 行目にすでにあります');
    expect(deckMessageIn(repeated!, 'en')).toBe(repeated);
    expect(deckMessageIn('something new', 'ja')).toBe('something new');
  });
});
