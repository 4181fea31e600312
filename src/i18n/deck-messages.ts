// The deck compiler's messages in Japanese for the Japanese UI. The compiler (src/domain/deck)
// writes English, the form of its CLI and CI logs; here each message a memo's writer meets is
// read back by its pattern and said in Japanese, the file, line, commands and titles kept as
// they are: the memo's messages and the notes file's (notes.<lang>.md: corrections, questions,
// aliases, flags, titles, section ids, what is also right). A message without a pattern here is
// shown in English (test/i18n/deck-messages.test.ts holds every compiler message to one).
import type { Lang } from '../domain/deck/types';

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** What a note names first (TARGET_HELP in parse-notes.ts), in Japanese. */
const TARGET_JA = '`コマンド`、section.n（例: memo.2 や 3.2）、または「箇条書きの書き出しの言葉」';
/** The parts of a notes file by their Japanese names (parse-notes.ts takes both). */
const PARTS_JA = '訂正、別名、紛らわしいもの、セクション、問題、意味、他の正解、他の正解ではない、フラグ、見出し';
/** A question as check-relations.ts names it: `q:id`, or "the question K on S.B (give it a q:id to declare it)". */
function questionJa(name: string): string {
  const m = /^the question (\d+) on (\S+) \(give it a q:id to declare it\)$/.exec(name);
  return m ? `${m[2]} の ${m[1]} 番目の質問（宣言するには q:id を付けてください）` : name;
}

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
  // The notes file (notes.<lang>.md) and what it names in the memo: its parts are given with their Japanese names.
  [/^a question heading names its bullet: start with `command`, section\.n \(e\.g\. memo\.2 or 3\.2\) or "opening words of a bullet", optionally followed by q:<id>$/, () => `質問の見出しには対象の箇条書きを書きます: ${TARGET_JA}で始め、必要なら q:<id> を続けてください`],
  [/^text before "Q:" in a question: write the question as "Q: \.\.\." and the answer as "A: \.\.\."$/, () => '質問の「Q:」の前に文があります: 質問は「Q: ...」、答えは「A: ...」と書いてください'],
  [/^a question needs a "Q: \.\.\." line$/, () => '質問には「Q: ...」の行が必要です'],
  [/^empty file: delete it or add a part \(## .+\)$/, () => `空のファイルです: 削除するか、パート（## ${PARTS_JA}）を加えてください`],
  [/^unknown part "(.*)": use .+$/, (m) => `不明なパート「${m[1]}」です: ${PARTS_JA} のどれかにしてください`],
  [/^under "## Questions", start each question with a "### section\.n q:id" heading$/, () => '「## 問題」の下では、各質問を「### section.n q:id」の見出しで始めてください'],
  [/^a correction must start with `command`, section\.n \(e\.g\. memo\.2 or 3\.2\) or "opening words of a bullet"$/, () => `訂正は${TARGET_JA}で始めてください`],
  [/^a meaning must start with `command`, section\.n \(e\.g\. memo\.2 or 3\.2\) or "opening words of a bullet"$/, () => `意味は${TARGET_JA}で始めてください`],
  [/^empty correction for (.+)$/, (m) => `${m[1]} の訂正が空です`],
  [/^empty meaning for (.+)$/, (m) => `${m[1]} の意味が空です`],
  [/^an "also right" line is /, () => '「他の正解」の行は「- `コマンド`: `同じ意味にも当てはまる別のコマンド`, ...」の形で書きます'],
  [/^a "not also right" line is /, () => '「他の正解ではない」の行は「- `q:id`: `q:other`, ...」の形で書きます（ほかの質問の答えはこの質問には誤りです）'],
  [/^a flags line is /, () => 'フラグの行は「- `command -a` (`--all`): このフラグを付けたコマンドが何をするか」の形で書きます'],
  [/^an alias line is /, () => '別名の行は「- `command`: `alias`, `other alias`」の形で書きます'],
  [/^a confusable group names two or more `commands`$/, () => '紛らわしいものの組には `コマンド` を二つ以上書いてください'],
  [/^a title line is /, () => '見出しの行は「- memo: その他のメモ」の形で書きます（セクションの id か番号、続けて表示する見出し）'],
  [/^a section id line is /, () => 'セクション id の行は「- 3: memo」の形で書きます（セクション番号、続けて英字・数字・-・_ の id）'],
  [/^write the entries of this part as a bullet list \("- \.\.\."\)$/, () => 'このパートの項目は箇条書き（「- ...」）で書いてください'],
  [/^unknown row (`.+`): no table row of (\S+) has this command$/, (m) => `不明な行 ${m[1]} です: ${m[2]} の表にこのコマンドの行はありません`],
  [/^unknown section "(.+)" in (\S+): use a section number \((\d+-\d+)\) or one of: (.*)$/, (m) => `${m[2]} のセクション「${m[1]}」が見つかりません: セクション番号（${m[3]}）か、次の id のどれかを使ってください: ${m[4]}`],
  [/^unknown bullet (.+): section "(.+)" has (\d+) bullet\(s\)$/, (m) => `不明な箇条書き ${m[1]} です: セクション「${m[2]}」の箇条書きは ${m[3]} 個です`],
  [/^unknown bullet (.+): no bullet of (\S+) starts with these words$/, (m) => `不明な箇条書き ${m[1]} です: ${m[2]} にこの言葉で始まる箇条書きはありません`],
  [/^ambiguous bullet (.+): (\d+) bullets start with these words; quote more of it or use section\.n$/, (m) => `箇条書き ${m[1]} が一つに決まりません: この言葉で始まる箇条書きが ${m[2]} 個あります。もっと長く引用するか section.n を使ってください`],
  [/^a second correction for (.+): merge them into one$/, (m) => `${m[1]} の訂正が二つあります: 一つにまとめてください`],
  [/^questions are for bullets; (.+) is a table row \(it already makes command cards\)$/, (m) => `質問は箇条書きに付けます。${m[1]} は表の行です（すでにコマンドのカードになります）`],
  [/^question id "(.+)" is used twice in this file$/, (m) => `質問の id「${m[1]}」がこのファイルで二度使われています`],
  [/^question "(.+)" points at a different bullet than in the other language$/, (m) => `質問「${m[1]}」が、もう一方の言語とは別の箇条書きを指しています`],
  [/^unknown section "(.+)": use a section id \((.*)\) or a number from 1 to (\d+)$/, (m) => `不明なセクション「${m[1]}」です: セクション id（${m[2]}）か、1 から ${m[3]} の番号を使ってください`],
  [/^a second title for section "(.+)": keep one$/, (m) => `セクション「${m[1]}」の見出しが二つあります: 一つにしてください`],
  [/^a second meaning for (.+): keep one$/, (m) => `${m[1]} の意味が二つあります: 一つにしてください`],
  [/^(`.+`) must be a row's command followed by its flags \(e\.g\. (`[^`]+`)\)$/, (m) => `${m[1]} は、表の行のコマンドにフラグを続けたものにしてください（例: ${m[2]}）`],
  [/^(`.+`) is listed twice under Flags$/, (m) => `${m[1]} がフラグに二度あります`],
  [/^unknown row (`.+`): aliases must follow a command of the memo$/, (m) => `不明な行 ${m[1]} です: 別名はメモにあるコマンドに付けてください`],
  [/^(`.+`) is a row of its own, so it cannot also be an alias of (`.+`)$/, (m) => `${m[1]} はそれ自体が表の行なので、${m[2]} の別名にはできません`],
  [/^unknown rows: none of (.+) is a row of the memo$/, (m) => `不明な行です: ${m[1]} のどれもメモの行ではありません`],
  [/^unknown (`.+`): "also right" names rows of the memo or questions \(q:id\)$/, (m) => `不明な ${m[1]} です: 「他の正解」にはメモの行か質問（q:id）を書きます`],
  [/^unknown (`.+`): "not also right" names questions by their q:id$/, (m) => `不明な ${m[1]} です: 「他の正解ではない」には質問を q:id で書きます`],
  [/^(`.+`) is declared also right for (`.+`) \((\S+)\) and not also right here: keep one$/, (m) => `${m[1]} は ${m[2]} の他の正解と宣言され（${m[3]}）、ここでは他の正解ではないとされています: どちらか一つにしてください`],
  [/^the correction for (.+) has no counterpart in (notes\.(?:ja|en)\.md)$/, (m) => `${m[1]} の訂正に対応するものが ${m[2]} にありません`],
  [/^the flags entry (`.+`) has no counterpart in (notes\.(?:ja|en)\.md)$/, (m) => `フラグの項目 ${m[1]} に対応するものが ${m[2]} にありません`],
  [/^question (.+) has no counterpart in (notes\.(?:ja|en)\.md)$/, (m) => `質問 ${m[1]} に対応するものが ${m[2]} にありません`],
  [/^there is no section (\d+) \(the memo has (\d+)\)$/, (m) => `セクション ${m[1]} はありません（メモのセクションは ${m[2]} 個です）`],
  [/^section (\d+) already has the id "(.+)"$/, (m) => `セクション ${m[1]} にはすでに id「${m[2]}」があります`],
  [/^section id "(.+)" is already used \((.+)\)$/, (m) => `セクション id「${m[1]}」はすでに使われています（${m[2]!.replace(/^section (\d+)$/, 'セクション $1')}）`],
  [/^a second (memo|notes file) in (Japanese|English) \((.+) is one\): a deck has one per language$/, (m) => `${m[2] === 'Japanese' ? '日本語' : '英語'}の${m[1] === 'memo' ? 'メモ' : 'ノートのファイル'}が二つあります（${m[3]} がその一つです）: デッキには言語ごとに一つです`],
  [/^card id collision between "(.+)" and "(.+)": rename one key$/, (m) => `カード id が「${m[1]}」と「${m[2]}」で衝突しています: どちらかのキーの名前を変えてください`],
  // Warnings about the relations a notes file declares between answers.
  [/^not symmetric: (`.+`) is declared (also right|not also right) for (`.+`), but nothing says whether (`.+`)'s answer is right for (`.+`): /, (m) => `対称になっていません: ${m[1]} は ${m[3]} の${m[2] === 'also right' ? '他の正解' : '他の正解ではない'}と宣言されていますが、${m[4]} の答えが ${m[5]} に当てはまるかは書かれていません: ${m[5]} の「他の正解」か「他の正解ではない」に ${m[4]} を加えてください（それまでは互いに誤答の選択肢として出しません）`],
  [/^(.+) and (.+) are questions of section "(.+)", so each answer may answer the other: /, (m) => `${questionJa(m[1]!)} と ${questionJa(m[2]!)} はセクション「${m[3]}」の質問なので、互いの答えが当てはまるかもしれません: それぞれを相手の「他の正解」か「他の正解ではない」に書いてください（それまでは互いに誤答の選択肢として出しません）`],
  [/^(`.+`) is also right for (`.+`) and (`.+`) for (`.+`): is (`.+`) also right for (`.+`)\? /, (m) => `${m[1]} は ${m[2]} の、${m[3]} は ${m[4]} の他の正解です: ${m[5]} は ${m[6]} の他の正解でもありますか？ ${m[6]} の「他の正解」か「他の正解ではない」に書いてください（それまでは誤答の選択肢として出しません）`],
  [/^the answer of (.+) leans on its question \("(.+)"\): /, (m) => `${questionJa(m[1]!)} の答えが質問の言葉（「${m[2]}」）に頼っています: ほかの質問の誤答の選択肢としては出しません。答えだけで意味が通るように書き直してください`],
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
