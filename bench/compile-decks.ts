// Prints deck compile times (median of several runs): the Docker deck, generated memos of
// 10,000 rows, and 50,000 rows in one section (the case that was quadratic: 11.6 s).
// Goals on the reference machine: under 50 ms, under 1 s, and under 2 s.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { compileDeck, type CompileDeckInput } from '../src/domain/deck/compile-deck';
import { readDeckFolder } from '../scripts/read-decks';
import { generatedDeck, oneTableDeck } from './generated-memo';

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

// The machine may be shared: the load average tells how far wall time is from CPU time.
console.log(`node ${process.version}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
time('docker deck (ja + en + notes)', readDeckFolder('decks/docker'), 30, 50);
time('generated memo, 10,000 rows (one language)', generatedDeck(10_000, ['en']), 7, 1000);
time('generated deck, 10,000 rows in ja + en', generatedDeck(10_000, ['ja', 'en']), 5, 2000);

// Linear means 50k costs about twice 25k.
time('one table, 25,000 rows', oneTableDeck(25_000), 3, 1000);
time('one table, 50,000 rows', oneTableDeck(50_000), 3, 2000);
