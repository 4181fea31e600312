// Prints quiz engine timings (median of several runs): a 20-question and a 1,000-question quiz
// over the Docker deck (compiled from decks/docker; the test fixture when that is missing), the
// same over a generated 1,000-row deck, and the time per typed-answer check.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileDeck } from '../src/domain/deck/compile-deck';
import type { Card, Deck } from '../src/domain/deck/types';
import { checkTypedAnswer } from '../src/domain/quiz/check-answer';
import { type QuizType } from '../src/domain/quiz/questions';
import { buildQuiz } from '../src/domain/quiz/build-quiz';
import { buildFixtureDeck, quizDeck } from '../test/fixtures/quiz-deck';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function dockerDeck(): { deck: Deck; from: string } {
  const dir = 'decks/docker';
  if (!existsSync(dir)) return { deck: quizDeck, from: 'test fixture' };
  const files = readdirSync(dir)
    .filter((n) => /^(memo|notes)\.[a-z]+\.md$/.test(n))
    .map((n) => ({ path: `${dir}/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
  const result = compileDeck({ id: 'docker', dir, files });
  return result.deck ? { deck: result.deck, from: dir } : { deck: quizDeck, from: 'test fixture (decks/docker has errors)' };
}

function generatedDeck(rows: number): Deck {
  const resources = ['volume', 'network', 'image', 'container', 'plugin', 'secret', 'config', 'node', 'service', 'stack'];
  const verbs = ['create', 'rm', 'ls', 'inspect', 'prune', 'update', 'push', 'pull', 'tag', 'save'];
  return buildFixtureDeck(
    'generated',
    Array.from({ length: rows / 50 }, (_, s) => ({
      id: `s${s}`,
      ja: `s${s}`,
      en: `s${s}`,
      rows: Array.from({ length: 50 }, (_, r) => {
        const n = s * 50 + r;
        const key = `tool${Math.floor(n / 100)} ${resources[n % 10]} ${verbs[Math.floor(n / 10) % 10]}`;
        return { key, ja: `処理 ${n}`, en: `Does job ${n}` };
      }),
    })),
  );
}

function timeQuiz(label: string, deck: Deck, count: number, type: QuizType, runs: number): void {
  // The first run includes indexing the deck (cached per cards array afterwards).
  const coldStart = performance.now();
  buildQuiz({ deck: { ...deck, cards: [...deck.cards] }, type, count, seed: 0, lang: 'ja' });
  const cold = performance.now() - coldStart;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const quiz = buildQuiz({ deck, type, count, seed: i + 1, lang: 'ja' });
    times.push(performance.now() - start);
    if (quiz.length !== count) throw new Error(`${label}: ${quiz.length} questions instead of ${count}`);
  }
  console.log(
    `${label}: ${count} ${type} questions, median ${median(times).toFixed(2)} ms over ${runs} runs ` +
      `(min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}; first run with indexing ${cold.toFixed(2)} ms)`,
  );
}

function timeChecks(deck: Deck): void {
  const cards = deck.cards.filter((c) => c.kind === 'meaning-command' || c.kind === 'meaning-option');
  const inputs: [string, Card][] = cards.flatMap((card) =>
    (card.answers ?? [card.key]).flatMap((a) => [[a, card], [`  ${a.toUpperCase()} `, card], [a.slice(0, -1), card]] as [string, Card][]),
  );
  const rounds = 200;
  for (const [input, card] of inputs) checkTypedAnswer(input, card); // warm-up
  const start = performance.now();
  let correct = 0;
  for (let r = 0; r < rounds; r++) for (const [input, card] of inputs) if (checkTypedAnswer(input, card).correct) correct++;
  const ms = performance.now() - start;
  const n = rounds * inputs.length;
  console.log(`typed-answer check: ${((ms * 1000) / n).toFixed(2)} µs per check (${n} checks, right + near misses, ${correct} right)`);
}

const { deck, from } = dockerDeck();
console.log(`Docker deck from ${from}: ${deck.cards.length} cards`);
timeQuiz('Docker deck', deck, 20, 'mixed', 50);
timeQuiz('Docker deck', deck, 20, 'choice', 50);
timeQuiz('Docker deck', deck, 1000, 'mixed', 10);
const big = generatedDeck(1000);
console.log(`generated deck: ${big.cards.length} cards`);
timeQuiz('generated deck', big, 20, 'choice', 10);
timeQuiz('generated deck', big, 1000, 'choice', 3);
timeChecks(deck);
