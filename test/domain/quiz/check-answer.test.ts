// The typed-answer checker: chosen wrong answers, the result's diff and expected answer, sudo,
// the override. The tables over every command of a deck are in quiz-contract.ts.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/domain/deck/types';
import {
  acceptedAnswers,
  checkTypedAnswer,
  isScoredCorrect,
  overrideAnswer,
} from '../../../src/domain/quiz/check-answer';
import { quizDeck } from '../../fixtures/quiz-deck';

const askCards = quizDeck.cards.filter((c) => c.kind === 'meaning-command' || c.kind === 'meaning-option');

describe('wrong answers', () => {
  const card = (key: string): Card => askCards.find((c) => c.key === key) as Card;
  it.each([
    ['docker volume prun', 'docker volume prune'],
    ['docker volume rm', 'docker volume prune'],
    ['docker network prune', 'docker volume prune'],
    ['docker prune volume', 'docker volume prune'],
    ['docker volumeprune', 'docker volume prune'],
    ['docker volume prune -a', 'docker volume prune'],
    ['docker p s', 'docker container ls'],
    ['docker container', 'docker container ls'],
    ['docker ps -a', 'docker container ls'],
    ['docker -a ps', 'docker container ls'],
    ['systemctl start', 'sudo systemctl start docker'],
    ['sudo sudo systemctl start docker', 'sudo systemctl start docker'],
    ['systemctl stop docker', 'sudo systemctl start docker'],
    ['-i', '-it'],
    // `sudo` before an option is sudo's own flag (sudo -i is a login shell), not the option asked.
    ['sudo -it', '-it'],
    ['sudo -i -t', '-it'],
    ['sudo --interactive --tty', '-it'],
    // A unit of another type is another unit.
    ['systemctl start docker.socket', 'sudo systemctl start docker'],
    ['systemctl start .service', 'sudo systemctl start docker'],
    ['', 'docker container ls'],
    ['   ', 'docker container ls'],
  ])('%j is wrong for %s', (input, key) => {
    expect(checkTypedAnswer(input, card(key)).correct).toBe(false);
  });
});

describe('the result', () => {
  const prune = askCards.find((c) => c.key === 'docker volume prune') as Card;
  const ls = askCards.find((c) => c.key === 'docker container ls') as Card;
  const start = askCards.find((c) => c.key === 'sudo systemctl start docker') as Card;

  it('a near miss: expected and a diff marking the missing letter', () => {
    expect(checkTypedAnswer('docker volume prun', prune)).toEqual({
      correct: false,
      input: 'docker volume prun',
      expected: 'docker volume prune',
      canonical: 'docker volume prune',
      diff: [
        { kind: 'same', text: 'docker volume prun' },
        { kind: 'missing', text: 'e' },
      ],
      markedRightByUser: false,
    });
  });

  it('the wrong resource: extra and missing segments', () => {
    // By word (issue 26): the spaces between words are shown on both lines.
    expect(checkTypedAnswer('docker volume rm', prune).diff).toEqual([
      { kind: 'same', text: 'docker volume ' },
      { kind: 'extra', text: 'rm' },
      { kind: 'same', text: ' ' },
      { kind: 'missing', text: 'prune' },
    ]);
  });

  it('expected is the closest accepted answer (an alias when the input is near it)', () => {
    const r = checkTypedAnswer('docker p', ls);
    expect(r.expected).toBe('docker ps');
    expect(r.canonical).toBe('docker container ls');
    expect(r.diff).toEqual([
      { kind: 'same', text: 'docker p' },
      { kind: 'missing', text: 's' },
    ]);
    expect(checkTypedAnswer('docker container lst', ls).expected).toBe('docker container ls');
  });

  it('input keeps its case and collapsed spaces; same segments show the expected text', () => {
    const r = checkTypedAnswer('  DOCKER   PS ', ls);
    expect(r).toMatchObject({ correct: true, input: 'DOCKER PS', expected: 'docker ps' });
    expect(r.diff).toEqual([{ kind: 'same', text: 'docker ps' }]);
  });

  it('sudo: matched against the form with or without it', () => {
    expect(checkTypedAnswer('systemctl start docker', start)).toMatchObject({ correct: true, expected: 'systemctl start docker' });
    expect(checkTypedAnswer('sudo systemctl start docker', start)).toMatchObject({ correct: true, expected: 'sudo systemctl start docker' });
    expect(checkTypedAnswer('systemctl start dock', start)).toMatchObject({ correct: false, expected: 'systemctl start docker' });
    // A canonical without sudo accepts it too.
    expect(checkTypedAnswer('sudo systemctl restart nginx', { key: 'systemctl restart nginx' }).correct).toBe(true);
    expect(acceptedAnswers({ key: 'systemctl restart nginx' })).toEqual(['systemctl restart nginx', 'sudo systemctl restart nginx']);
  });

  it('systemctl: the unit with its .service suffix is the same unit', () => {
    for (const input of ['systemctl start docker.service', 'sudo systemctl start docker.service', 'SUDO SYSTEMCTL START Docker.Service']) {
      expect(checkTypedAnswer(input, start).correct, input).toBe(true);
    }
    // Only the unit argument: `docker.service` is no command of its own.
    expect(checkTypedAnswer('docker.service ps', { key: 'docker ps' }).correct).toBe(false);
  });

  it('flags that change the meaning are wrong, with a hint naming them; other extra flags get none', () => {
    const row = { key: 'docker container ls', answers: ['docker container ls', 'docker ps'], meaningFlags: ['-a', '--all'] };
    expect(checkTypedAnswer('docker ps -a', row)).toMatchObject({ correct: false, hint: { kind: 'extra-flags', flags: ['-a'] } });
    expect(checkTypedAnswer('docker container ls --all', row)).toMatchObject({ correct: false, hint: { kind: 'extra-flags', flags: ['--all'] } });
    expect(checkTypedAnswer('docker ps -q', row).hint).toBeUndefined();
    expect(checkTypedAnswer('docker ps -aq', row).hint).toBeUndefined();
    expect(checkTypedAnswer('docker ps', row).correct).toBe(true);
  });

  it('a card without answers accepts its key', () => {
    expect(checkTypedAnswer('docker info', { key: 'docker info' }).correct).toBe(true);
  });

  it('"I was right" counts correct without changing the checker verdict', () => {
    const wrong = checkTypedAnswer('docker container list --all', ls);
    expect(isScoredCorrect(wrong)).toBe(false);
    const overridden = overrideAnswer(wrong);
    expect(overridden).toMatchObject({ correct: false, markedRightByUser: true });
    expect(isScoredCorrect(overridden)).toBe(true);
    expect(wrong.markedRightByUser).toBe(false);
  });
});
