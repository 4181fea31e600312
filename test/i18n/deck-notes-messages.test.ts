// @vitest-environment node
// The notes file's messages in the Japanese UI (issue 26: memo messages were translated, the
// notes file's stayed English). Each broken notes.ja.md below is compiled with a memo beside it;
// every error and warning it gets is said in Japanese, with the commands and numbers it names.
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { deckMessageIn } from '../../src/i18n/deck-messages';

const MEMO_JA = '# ツール\n\n## 基本\n* コンテナは使い捨て\n* コンテナは軽い\n* イメージは読み取り専用\n\n## コマンド\n|コマンド|説明|\n|:--|:--|\n|`docker ps`|一覧を表示|\n|`docker run`|コンテナを実行|\n|`docker start`|コンテナを開始|\n\n## 補足\n* ボリュームは残る\n';
const MEMO_EN = '# Tools\n\n## Basics\n* Containers are disposable\n* Containers are light\n* Images are read-only\n\n## Commands\n|Command|Description|\n|:--|:--|\n|`docker ps`|Lists containers|\n|`docker run`|Runs a container|\n|`docker start`|Starts a container|\n\n## Notes\n* Volumes stay\n';
const QUESTIONS = '## 問題\n### 1.1 q:a\nQ: 使い捨てとは\nA: 消しても困らない\n### 1.3 q:b\nQ: 読み取り専用とは\nA: 書き換えられない\n';

/** The messages (errors, then warnings) of the memo with this notes file; `en` adds the English memo. */
function messagesOf(notes: string, en = false): string[] {
  const files = [
    { path: 'memo.ja.md', text: MEMO_JA, role: 'memo' as const, lang: 'ja' as const },
    { path: 'notes.ja.md', text: notes, role: 'notes' as const, lang: 'ja' as const },
    ...(en ? [{ path: 'memo.en.md', text: MEMO_EN, role: 'memo' as const, lang: 'en' as const }] : []),
  ];
  const r = compileDeck({ id: 'tools', files });
  return [...r.errors, ...r.warnings].map((e) => e.message);
}

const BROKEN: Record<string, string> = {
  empty: '',
  unknownPart: '## 何か\n- x\n',
  notAList: '## 訂正\nただの文\n',
  questionHeading: '## 問題\n### どこか\nQ: x\nA: y\n',
  textBeforeQ: '## 問題\n### 1.1\nまえがき\nQ: x\nA: y\n',
  noQ: '## 問題\n### 1.1\nA: y\n',
  beforeHeading: '## 問題\nまえがき\n',
  correctionTarget: '## 訂正\n- どこか: x\n',
  emptyCorrection: '## 訂正\n- `docker ps`:\n',
  meaningTarget: '## 意味\n- どこか: x\n',
  emptyMeaning: '## 意味\n- `docker ps`:\n',
  alsoRightLine: '## 他の正解\n- どこか\n',
  notAlsoRightLine: '## 他の正解ではない\n- どこか\n',
  flagsLine: '## フラグ\n- どこか\n',
  aliasLine: '## 別名\n- どこか\n',
  confusableOne: '## 紛らわしいもの\n- `docker ps`\n',
  titleLine: '## 見出し\n- どこか\n',
  sectionIdLine: '## セクション\n- どこか\n',
  unknownRow: '## 訂正\n- `docker rm`: 削除する\n',
  unknownSection: '## 訂正\n- 9.1: x\n',
  unknownBullet: '## 訂正\n- 1.5: x\n',
  noSuchWords: '## 訂正\n- 「ないもの」: x\n',
  ambiguous: '## 訂正\n- 「コンテナは」: x\n',
  secondCorrection: '## 訂正\n- `docker ps`: a\n- `docker ps`: b\n',
  questionOnRow: '## 問題\n### `docker ps`\nQ: x\nA: y\n',
  questionIdTwice: '## 問題\n### 1.1 q:a\nQ: x\nA: y\n### 1.2 q:a\nQ: z\nA: w\n',
  unknownTitleSection: '## 見出し\n- 9: x\n',
  secondTitle: '## 見出し\n- 1: a\n- 1: b\n',
  secondMeaning: '## 意味\n- `docker ps`: a\n- `docker ps`: b\n',
  flagsNotRow: '## フラグ\n- `docker rm -f`: 強制的に削除\n',
  flagsTwice: '## フラグ\n- `docker ps -a` (`--all`): 全部\n- `docker ps -a`: 全部\n',
  aliasUnknownRow: '## 別名\n- `docker rm`: `docker remove`\n',
  aliasIsRow: '## 別名\n- `docker ps`: `docker run`\n',
  confusableUnknown: '## 紛らわしいもの\n- `a`, `b`\n',
  alsoUnknown: '## 他の正解\n- `docker ps`: `zzz`\n',
  notAlsoUnknown: '## 他の正解ではない\n- `docker ps`: `q:x`\n',
  declaredBoth: `${QUESTIONS}## 他の正解\n- \`q:a\`: \`q:b\`\n## 他の正解ではない\n- \`q:a\`: \`q:b\`\n`,
  notSymmetric: `${QUESTIONS}## 他の正解\n- \`q:a\`: \`q:b\`\n`,
  transitive: `${QUESTIONS}### 3.1 q:c\nQ: ボリュームとは\nA: 消えずに残る場所\n## 他の正解\n- \`q:a\`: \`q:b\`\n- \`q:b\`: \`q:c\`\n`,
  sameSection: '## 問題\n### 1.1\nQ: 使い捨てとは\nA: 消しても困らない\n### 1.3\nQ: 読み取り専用とは\nA: 書き換えられない\n',
  leans: '## 問題\n### 1.1 q:a\nQ: 使い捨てとは\nA: その中身を消しても困らない\n',
  noSectionN: '## セクション\n- 9: x\n',
  sectionTwice: '## セクション\n- 1: a\n- 1: b\n',
  sectionIdUsed: '## セクション\n- 1: a\n- 2: a\n',
};

describe('deckMessageIn: the notes file', () => {
  for (const [name, notes] of Object.entries(BROKEN)) {
    it(`says "${name}" in Japanese`, () => {
      const messages = messagesOf(notes);
      expect(messages.length, name).toBeGreaterThan(0);
      for (const message of messages) {
        const ja = deckMessageIn(message, 'ja');
        expect(ja, message).not.toBe(message);
        expect(ja, message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    });
  }

  it('says a missing counterpart in the other notes file in Japanese', () => {
    const messages = messagesOf('## 訂正\n- `docker ps`: 実行中のコンテナだけ\n', true);
    expect(messages).toContain('the correction for docker ps has no counterpart in notes.en.md');
    expect(deckMessageIn('the correction for docker ps has no counterpart in notes.en.md', 'ja')).toBe('docker ps の訂正に対応するものが notes.en.md にありません');
  });

  it('keeps the commands, numbers and quoted words as written, and leaves English as it is', () => {
    const [unknownRow] = messagesOf(BROKEN.unknownRow!);
    expect(deckMessageIn(unknownRow!, 'ja')).toBe('不明な行 `docker rm` です: memo.ja.md の表にこのコマンドの行はありません');
    expect(deckMessageIn(unknownRow!, 'en')).toBe(unknownRow);
    const chain = messagesOf(BROKEN.transitive!).find((m) => m.startsWith('`q:b` is also right for `q:a` and `q:c` for `q:b`'));
    expect(deckMessageIn(chain!, 'ja')).toMatch(/^`q:b` は `q:a` の、`q:c` は `q:b` の他の正解です: `q:c` は `q:a` の他の正解でもありますか？ /);
    const [bullet] = messagesOf(BROKEN.unknownBullet!);
    expect(deckMessageIn(bullet!, 'ja')).toBe('不明な箇条書き 1.5 です: セクション「基本」の箇条書きは 3 個です');
  });
});
