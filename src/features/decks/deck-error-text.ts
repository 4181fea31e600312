// The deck compiler's messages in Japanese for the Japanese UI. The compiler (src/domain/deck)
// writes English, the form of its CLI and CI logs; here each message a memo's writer meets is
// read back by its pattern and said in Japanese, the file, line, commands and titles kept as
// they are. A message without a pattern here is shown in English.
import type { Lang } from '../../domain/deck/types';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const JA: Rule[] = [
  [/^no cards: add a table of commands in backticks or a bullet list$/, () => 'カードがありません: バッククォートで囲んだコマンドの表か、箇条書きを加えてください'],
  [/^no title: start the memo with "# Deck title"$/, () => 'タイトルがありません: メモの先頭に「# デッキのタイトル」を書いてください'],
  [/^empty file: a memo needs a "# Title" and at least one table or bullet list$/, () => '空のファイルです: メモには「# タイトル」と、表か箇条書きが一つ以上必要です'],
  [/^a second "# " title: a memo has one H1 \(use ## for sections\)$/, () => '「# 」のタイトルが二つあります: メモの H1 は一つだけです（セクションには ## を使ってください）'],
  [/^no memo: a deck needs a memo in Japanese or English/, () => 'メモがありません: デッキには日本語か英語のメモが必要です（memo.ja.md、memo.en.md、またはメモのファイル一つ）'],
  [/^unknown deck file name: /, () => 'デッキのファイル名が分かりません: memo.<言語>.md か notes.<言語>.md（言語は ja か en）にしてください'],
  [/^unknown language "(.*)": use ja or en$/, (m) => `不明な言語「${m[1]}」です: ja か en を使ってください`],
  [/^notes\.(ja|en)\.md has no memo\.(ja|en)\.md beside it$/, (m) => `notes.${m[1]}.md と同じ場所に memo.${m[2]}.md がありません`],
  [/^a command table has 2 or 3 columns \(command, description, optional note\); this one has (\d+)$/, (m) => `コマンドの表は 2 列か 3 列です（コマンド、説明、任意の備考）。この表は ${m[1]} 列あります`],
  [/^this row has (\d+) cell\(s\) but the table header has (\d+): check for a missing or extra "\|"$/, (m) => `この行のセルは ${m[1]} 個ですが、表の見出しは ${m[2]} 個です: 「|」の抜けや余分がないか確かめてください`],
  [/^the first cell must hold only a command or option in backticks, e\.g\. (`[^`]+`)$/, (m) => `最初のセルにはバッククォートで囲んだコマンドかオプションだけを書いてください（例: ${m[1]}）`],
  [/^empty command: the backticks in the first cell hold nothing$/, () => 'コマンドが空です: 最初のセルのバッククォートの中に何もありません'],
  [/^empty description for (`.+`): say what it does in the second cell$/, (m) => `${m[1]} の説明が空です: 2 列目に何をするコマンドかを書いてください`],
  [/^repeated command (`.+`): it is already at line (\d+)$/, (m) => `コマンド ${m[1]} が重複しています: ${m[2]} 行目にすでにあります`],
  [/^empty bullet$/, () => '空の箇条書きです'],
  [/^empty cloze marker `\{\{\}\}`: put the answer between the braces$/, () => '空の穴埋め `{{}}` です: 中括弧の間に答えを書いてください'],
  [/^unbalanced cloze marker: write a blank as \{\{answer\}\}$/, () => '穴埋めの括弧が対応していません: 穴埋めは {{答え}} と書いてください'],
  [/^this bullet is indented with a tab or 4 spaces/, () => 'この箇条書きはタブか 4 つの空白で字下げされているため、箇条書きではなくコードブロックとして読まれます: 行頭から書いてください（字下げは別の箇条書きの下でだけ）'],
  [/^this table uses full-width "｜"/, () => 'この表は全角の「｜」を使っています: 表の区切りは半角の「|」で書いてください'],
  [/^this line has no "\|", so it is read as text after the table/, () => 'この行には「|」がないため、表の行ではなく表の後の文として読まれます: 表と下の文の間に空行を入れてください'],
  [/^the command (`.+`) holds an invisible character \((.+)\): delete it/, (m) => `コマンド ${m[1]} に見えない文字（${m[2]}）が含まれています: 削除してください。同じに見えて違うコマンドになります`],
  [/^nesting (\d+) levels deep \(quotes ">" or lists\): a memo may nest at most (\d+); flatten this part$/, (m) => `入れ子が ${m[1]} 段あります（引用「>」や箇条書き）: メモの入れ子は ${m[2]} 段までです。この部分を浅くしてください`],
  [/^section "(.+)" has no counterpart in (\S+) \(sections are matched by position\)$/, (m) => `セクション「${m[1]}」に対応するものが ${m[2]} にありません（セクションは順番で対応づけます）`],
  [/^row (`.+`) has no counterpart in section "(.+)" of (\S+)$/, (m) => `行 ${m[1]} に対応する行が ${m[3]} のセクション「${m[2]}」にありません`],
  [/^bullet (\d+) of section "(.+)" has no counterpart in (\S+) \(bullets are matched by position\)$/, (m) => `セクション「${m[2]}」の ${m[1]} 番目の箇条書きに対応するものが ${m[3]} にありません（箇条書きは順番で対応づけます）`],
  [/^this bullet has (\d+) \{\{blank\(s\)\}\} but its counterpart in (\S+) has (\d+)$/, (m) => `この箇条書きの穴埋めは ${m[1]} 個ですが、${m[2]} の対応する箇条書きは ${m[3]} 個です`],
];

const WARNING = /^warning: /;

/** A compiler message (without its FILE:LINE) in the UI language. */
export function deckMessageIn(message: string, lang: Lang): string {
  if (lang !== 'ja') return message;
  const warning = WARNING.test(message);
  const text = message.replace(WARNING, '');
  for (const [pattern, say] of JA) {
    const m = pattern.exec(text);
    if (m) return `${warning ? '警告: ' : ''}${say(m)}`;
  }
  return message;
}
