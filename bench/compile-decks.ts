// Prints deck compile times (median of several runs): the Docker deck, generated memos of
// 10,000 rows, and 50,000 rows in one section (the case that was quadratic: 11.6 s).
// Goals on the reference machine: under 50 ms, under 1 s, and under 2 s.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { compileDeck, type CompileDeckInput } from '../src/domain/deck/compile-deck';
import { readDeckFolder } from '../scripts/read-decks';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(label: string, input: CompileDeckInput, runs: number, goalMs: number): void {
  compileDeck(input); // warm-up (JIT, parser tables)
  const times: number[] = [];
  const cpu: number[] = [];
  let cards = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const result = compileDeck(input);
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    if (result.errors.length > 0) throw new Error(`${label}: ${result.errors.length} errors`);
    cards = result.deck?.cards.length ?? 0;
  }
  const m = median(times);
  console.log(`${label}: median ${m.toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU over ${runs} runs ` +
    `(wall min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), ${cards} cards, goal < ${goalMs} ms: ${m < goalMs ? 'ok' : 'MISSED'}`);
}

function generated(rows: number, langs: readonly ('ja' | 'en')[]): CompileDeckInput {
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

// The machine may be shared: the load average tells how far wall time is from CPU time.
console.log(`node ${process.version}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
time('docker deck (ja + en + notes)', readDeckFolder('decks/docker'), 30, 50);
time('generated memo, 10,000 rows (one language)', generated(10_000, ['en']), 7, 1000);
time('generated deck, 10,000 rows in ja + en', generated(10_000, ['ja', 'en']), 5, 2000);

/** One section holding one table of `rows` rows: every per-row lookup runs against all of them. */
function oneTable(rows: number): CompileDeckInput {
  const lines = ['# One table', '', '## All', '|Command|Description|', '|---|---|'];
  for (let i = 0; i < rows; i++) lines.push(`|\`tool sub${i}\`|Runs job ${i}|`);
  return { id: 'one-table', files: [{ path: 'gen/memo.en.md', text: `${lines.join('\n')}\n` }] };
}
// Linear means 50k costs about twice 25k.
time('one table, 25,000 rows', oneTable(25_000), 3, 1000);
time('one table, 50,000 rows', oneTable(50_000), 3, 2000);
