// `npm run quiz -- --deck ID --seed N --count N [--lang ja|en] [--type choice|typed|mixed] [--json]`:
// a quiz from the command line, the public face of the generator (src/domain/quiz): for a lead who
// wants to review or print a quiz. The JSON shape is documented in docs/quiz.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileDeck } from '../src/domain/deck/compile-deck.ts';
import { formatDeckError } from '../src/domain/deck/errors.ts';
import type { Deck, Lang } from '../src/domain/deck/types.ts';
import { buildQuiz } from '../src/domain/quiz/build-quiz.ts';
import type { Question, QuizType } from '../src/domain/quiz/questions.ts';
import { readDeckFolder } from './read-decks.ts';

export const QUIZ_USAGE = `usage: npm run quiz -- --deck ID --seed N --count N [--lang ja|en] [--type choice|typed|mixed] [--json]
  --deck   a folder of decks/ (e.g. docker)
  --seed   0..4294967295: the same seed gives the same quiz
  --count  1..1000 questions (default 10)
  --lang   ja or en (default: the deck's first language)
  --type   choice (default), typed or mixed
  --json   print JSON (see docs/quiz.md) instead of text`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One question in the CLI's JSON (docs/quiz.md, "Command line"). */
export type QuizJsonQuestion =
  | { number: number; id: string; cardId: string; type: 'choice'; direction: string; prompt: string; choices: string[]; correctIndex: number; choiceCardIds: string[] }
  | { number: number; id: string; cardId: string; type: 'typed'; prompt: string; answers: string[]; flags?: string; meaningFlags?: string[] };

export interface QuizJson {
  deck: string;
  seed: number;
  count: number;
  lang: Lang;
  type: QuizType;
  questions: QuizJsonQuestion[];
}

interface Options {
  deck: string;
  seed: number;
  count: number;
  lang?: Lang;
  type: QuizType;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') {
      json = true;
      continue;
    }
    const m = /^--(deck|seed|count|lang|type)(?:=(.*))?$/.exec(arg);
    if (!m) return `unknown argument ${arg}`;
    const value = m[2] ?? argv[++i];
    if (value === undefined) return `--${m[1]} needs a value`;
    values.set(m[1] ?? '', value);
  }
  const deck = values.get('deck');
  if (!deck) return '--deck is required';
  const seedText = values.get('seed');
  if (seedText === undefined) return '--seed is required';
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || seed > 0xffffffff) return `--seed must be a whole number 0..4294967295, not ${seedText}`;
  const countText = values.get('count') ?? '10';
  const count = Number(countText);
  if (!/^\d+$/.test(countText) || count < 1 || count > 1000) return `--count must be 1..1000, not ${countText}`;
  const lang = values.get('lang');
  if (lang !== undefined && lang !== 'ja' && lang !== 'en') return `--lang must be ja or en, not ${lang}`;
  const type = values.get('type') ?? 'choice';
  if (type !== 'choice' && type !== 'typed' && type !== 'mixed') return `--type must be choice, typed or mixed, not ${type}`;
  return { deck, seed, count, type, json, ...(lang ? { lang } : {}) };
}

export function toQuizJson(deck: Deck, options: { seed: number; count: number; lang: Lang; type: QuizType }, questions: readonly Question[]): QuizJson {
  return {
    deck: deck.id,
    seed: options.seed,
    count: questions.length,
    lang: options.lang,
    type: options.type,
    questions: questions.map((q, i) =>
      q.type === 'choice'
        ? { number: i + 1, id: q.id, cardId: q.cardId, type: 'choice', direction: q.direction, prompt: q.prompt, choices: q.choices.map((c) => c.text), correctIndex: q.correctIndex, choiceCardIds: q.choices.map((c) => c.cardId) }
        : { number: i + 1, id: q.id, cardId: q.cardId, type: 'typed', prompt: q.prompt, answers: q.answers, ...(q.flags ? { flags: q.flags } : {}), ...(q.meaningFlags ? { meaningFlags: q.meaningFlags } : {}) },
    ),
  };
}

function indent(text: string, prefix: string): string {
  return text.split('\n').join(`\n${prefix}`);
}

export function formatQuizText(quiz: QuizJson, title: string): string {
  const lines = [`${title}: ${quiz.count} question(s), seed ${quiz.seed}, ${quiz.lang}, ${quiz.type}`, ''];
  for (const q of quiz.questions) {
    lines.push(`${q.number}. ${indent(q.prompt, '   ')}`);
    if (q.type === 'choice') {
      q.choices.forEach((c, i) => lines.push(`   ${i + 1}) ${indent(c, '      ')}`));
      lines.push(`   answer: ${q.correctIndex + 1}   (${q.direction}, card ${q.cardId})`);
    } else {
      lines.push(`   type: ${q.answers.join('  |  ')}`);
      lines.push(`   (typed${q.flags ? `, asks for ${q.flags}` : ''}, card ${q.cardId})`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function quizCli(argv: readonly string[], root = process.cwd()): CliResult {
  const options = parseArgs(argv);
  if (typeof options === 'string') return { code: 2, stdout: '', stderr: `${options}\n${QUIZ_USAGE}\n` };
  const dir = join(root, 'decks', options.deck);
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(options.deck) || !existsSync(dir)) {
    return { code: 2, stdout: '', stderr: `no deck "${options.deck}" in decks/\n${QUIZ_USAGE}\n` };
  }
  const result = compileDeck(readDeckFolder(dir, root));
  if (!result.deck) return { code: 1, stdout: '', stderr: `${result.errors.map(formatDeckError).join('\n')}\n` };
  const deck = result.deck;
  const lang = options.lang ?? deck.languages[0] ?? 'ja';
  if (!deck.languages.includes(lang)) return { code: 2, stdout: '', stderr: `deck "${deck.id}" has no ${lang} text (it has ${deck.languages.join(', ')})\n` };
  const questions = buildQuiz({ deck, type: options.type, count: options.count, seed: options.seed, lang });
  const quiz = toQuizJson(deck, { seed: options.seed, count: options.count, lang, type: options.type }, questions);
  const stdout = options.json ? `${JSON.stringify(quiz, null, 2)}\n` : formatQuizText(quiz, deck.title[lang] ?? deck.id);
  return { code: 0, stdout, stderr: '' };
}
