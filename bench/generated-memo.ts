// Generated memos for the compiler benches (Node and Chromium): the same text in both.
import type { CompileDeckInput } from '../src/domain/deck/compile-deck';

/** `rows` command rows in sections of 100, each section with a cloze bullet. */
export function generatedDeck(rows: number, langs: readonly ('ja' | 'en')[]): CompileDeckInput {
  const memo = (lang: 'ja' | 'en'): string => {
    const lines = [`# Generated ${lang}`, ''];
    for (let s = 0; s < rows / 100; s++) {
      lines.push(`## Section ${s}`, '', lang === 'ja' ? `グループ ${s}` : `Group ${s}`, '|Command|Description|Note|', '|---|---|---|');
      for (let r = 0; r < 100; r++) {
        const n = s * 100 + r;
        lines.push(`|\`tool sub${n} --flag\`|${lang === 'ja' ? `処理${n}を実行する<br>詳細` : `Runs job ${n}<br>details`}|${n % 3 === 0 ? `note ${n}` : ''}|`);
      }
      lines.push('', `* ${lang === 'ja' ? `事実 ${s}` : `Fact ${s}`} {{answer ${s}}}`, '');
    }
    return lines.join('\n');
  };
  return { id: 'generated', files: langs.map((lang) => ({ path: `gen/memo.${lang}.md`, text: memo(lang) })) };
}

/** One section holding one table of `rows` rows: every per-row lookup runs against all of them. */
export function oneTableDeck(rows: number): CompileDeckInput {
  const lines = ['# One table', '', '## All', '|Command|Description|', '|---|---|'];
  for (let i = 0; i < rows; i++) lines.push(`|\`tool sub${i}\`|Runs job ${i}|`);
  return { id: 'one-table', files: [{ path: 'gen/memo.en.md', text: `${lines.join('\n')}\n` }] };
}
