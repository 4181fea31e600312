// Runs in Chromium (served by Vite, driven by bench/compile-browser.ts): the deck compiler as the
// app would run it for "Add a deck from Markdown", on the Docker deck and a 10,000-row memo.
import { compileDeck, type CompileDeckInput } from '../../src/domain/deck/compile-deck';
import { generatedDeck } from '../generated-memo';
import memoJa from '../../decks/docker/memo.ja.md?raw';
import memoEn from '../../decks/docker/memo.en.md?raw';
import notesJa from '../../decks/docker/notes.ja.md?raw';
import notesEn from '../../decks/docker/notes.en.md?raw';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(input: CompileDeckInput, runs: number): { median: number; min: number; max: number; cards: number } {
  compileDeck(input); // warm-up
  const times: number[] = [];
  let cards = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = compileDeck(input);
    times.push(performance.now() - t0);
    if (r.errors.length > 0) throw new Error(`${r.errors.length} errors`);
    cards = r.deck?.cards.length ?? 0;
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), cards };
}

const docker: CompileDeckInput = {
  id: 'docker',
  files: [
    { path: 'decks/docker/memo.ja.md', text: memoJa },
    { path: 'decks/docker/memo.en.md', text: memoEn },
    { path: 'decks/docker/notes.ja.md', text: notesJa },
    { path: 'decks/docker/notes.en.md', text: notesEn },
  ],
};

try {
  (window as unknown as { __result: unknown }).__result = {
    docker: time(docker, 30),
    tenK: time(generatedDeck(10_000, ['en']), 5),
  };
  document.getElementById('status')!.textContent = 'done';
} catch (error) {
  (window as unknown as { __result: unknown }).__result = { error: String(error) };
}
