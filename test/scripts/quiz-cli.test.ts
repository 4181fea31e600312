// `npm run quiz`: the generator's command-line face (scripts/quiz-cli.ts), on the real decks/.
import { describe, expect, it } from 'vitest';
import { quizCli, type QuizJson } from '../../scripts/quiz-cli';

const json = (args: string[]): QuizJson => JSON.parse(quizCli([...args, '--json']).stdout) as QuizJson;

describe('npm run quiz', () => {
  it('prints the documented JSON: questions, choices, the index of the right one, card ids', () => {
    const quiz = json(['--deck', 'docker', '--seed', '7', '--count', '12', '--lang', 'en']);
    expect(quiz).toMatchObject({ deck: 'docker', seed: 7, count: 12, lang: 'en', type: 'choice' });
    expect(quiz.questions).toHaveLength(12);
    quiz.questions.forEach((q, i) => {
      expect(q.number).toBe(i + 1);
      expect(q.cardId).toMatch(/^[0-9a-f]{14}$/);
      if (q.type !== 'choice') throw new Error('choice quiz');
      expect(q.choices.length).toBeGreaterThanOrEqual(2);
      expect(q.choiceCardIds).toHaveLength(q.choices.length);
      expect(q.choiceCardIds[q.correctIndex]).toBe(q.cardId);
    });
  });

  it('is the same quiz for the same seed, another for another seed; Japanese by default', () => {
    const a = quizCli(['--deck', 'docker', '--seed', '3', '--count', '5']);
    expect(a.code).toBe(0);
    expect(quizCli(['--deck=docker', '--seed=3', '--count=5']).stdout).toBe(a.stdout);
    expect(quizCli(['--deck', 'docker', '--seed', '4', '--count', '5']).stdout).not.toBe(a.stdout);
    expect(a.stdout.split('\n')[0]).toBe('Docker: 5 question(s), seed 3, ja, choice');
    expect(a.stdout).toMatch(/ {3}answer: [1-4] {3}\((meaning-to-key|key-to-meaning|fact), card [0-9a-f]{14}\)/);
  });

  it('typed questions list every accepted answer, and a flagged one the flags it asks for', () => {
    const quiz = json(['--deck', 'docker', '--seed', '1', '--count', '40', '--type', 'typed', '--lang', 'en']);
    expect(quiz.questions.every((q) => q.type === 'typed' && q.answers.length > 0)).toBe(true);
    const all = quiz.questions.find((q) => q.type === 'typed' && q.flags === '-a');
    expect(all).toMatchObject({ prompt: 'Lists all containers, stopped ones included' });
    expect(all?.type === 'typed' && all.answers).toContain('docker ps -a');
  });

  it.each([
    [['--seed', '1'], '--deck is required'],
    [['--deck', 'docker'], '--seed is required'],
    [['--deck', 'docker', '--seed', 'x'], '--seed must be a whole number'],
    [['--deck', 'docker', '--seed', '1', '--count', '0'], '--count must be 1..1000'],
    [['--deck', 'docker', '--seed', '1', '--lang', 'fr'], '--lang must be ja or en'],
    [['--deck', 'nope', '--seed', '1'], 'no deck "nope" in decks/'],
    [['--deck', 'docker', '--seed', '1', '--verbose'], 'unknown argument --verbose'],
  ])('usage error %j: exit 2, nothing on stdout', (args, message) => {
    const r = quizCli(args);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(message);
  });
});
