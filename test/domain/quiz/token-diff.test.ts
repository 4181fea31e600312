// The typed-answer diff by word and option (issue 26: a character diff struck "sudo do" in
// `sudo docker exec -it` and called "do" missing).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTypedAnswer } from '../../../src/domain/quiz/check-answer';
import { diffTokens } from '../../../src/domain/quiz/token-diff';

const line = (segments: ReturnType<typeof diffTokens>, drop: 'missing' | 'extra') =>
  segments
    .filter((s) => s.kind !== drop)
    .map((s) => s.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

describe('diffTokens', () => {
  it.each([
    // The case: a leading sudo is shown, not marked; the missing word is marked whole.
    ['sudo docker exec -it', 'docker container exec -it', [{ kind: 'same', text: 'sudo docker ' }, { kind: 'missing', text: 'container' }, { kind: 'same', text: ' exec -it' }]],
    ['docker volume rm', 'docker volume prune', [{ kind: 'same', text: 'docker volume ' }, { kind: 'extra', text: 'rm' }, { kind: 'same', text: ' ' }, { kind: 'missing', text: 'prune' }]],
    // A mistyped word is marked by letter, inside the word only.
    ['docker contianer ls', 'docker container ls', [{ kind: 'same', text: 'docker cont' }, { kind: 'extra', text: 'ia' }, { kind: 'missing', text: 'ai' }, { kind: 'same', text: 'ner ls' }]],
    ['docker volume prun', 'docker volume prune', [{ kind: 'same', text: 'docker volume prun' }, { kind: 'missing', text: 'e' }]],
    // Option order and grouping do not count, as in the checker.
    ['docker run -ti ubuntu', 'docker run -it ubuntu', [{ kind: 'same', text: 'docker run -it ubuntu' }]],
    ['docker run -t -i ubuntu', 'docker run -it ubuntu', [{ kind: 'same', text: 'docker run -it ubuntu' }]],
    // A letter more or less is a difference, marked on the whole option.
    ['docker run -t ubuntu', 'docker run -it ubuntu', [{ kind: 'same', text: 'docker run ' }, { kind: 'extra', text: '-t' }, { kind: 'same', text: ' ' }, { kind: 'missing', text: '-it' }, { kind: 'same', text: ' ubuntu' }]],
    ['Docker PS -a', 'docker ps', [{ kind: 'same', text: 'docker ps ' }, { kind: 'extra', text: '-a' }]],
    // Option letters keep their case.
    ['docker network create -D x', 'docker network create -d x', [{ kind: 'same', text: 'docker network create ' }, { kind: 'extra', text: '-D' }, { kind: 'same', text: ' ' }, { kind: 'missing', text: '-d' }, { kind: 'same', text: ' x' }]],
  ])('%j vs %j', (typed, expected, segments) => {
    expect(diffTokens(typed, expected)).toEqual(segments);
  });

  it('reads a long option the deck pairs as its letter', () => {
    expect(diffTokens('docker run --detach nginx', 'docker run -d nginx', new Map([['--detach', 'd']]))).toEqual([{ kind: 'same', text: 'docker run -d nginx' }]);
  });

  it('the expected line reads as the expected answer, the typed line as typed (words without sudo or options)', () => {
    const word = fc.constantFrom('docker', 'container', 'ls', 'rm', 'image', 'prune', 'volume', 'run');
    const words = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, words, (typed, expected) => {
        const d = diffTokens(typed, expected);
        expect(line(d, 'extra')).toBe(expected);
        expect(line(d, 'missing').toLowerCase()).toBe(typed);
        expect(d.every((s, i) => i === 0 || d[i - 1]?.kind !== s.kind)).toBe(true);
      }),
    );
  });

  it('is what checkTypedAnswer shows for a wrong answer', () => {
    const result = checkTypedAnswer('sudo docker exec -t', { key: 'docker container exec -it', answers: ['docker container exec -it', 'docker exec -it'] } as never);
    expect(result.correct).toBe(false);
    expect(result.diff).toEqual([
      { kind: 'same', text: 'sudo docker exec ' },
      { kind: 'extra', text: '-t' },
      { kind: 'same', text: ' ' },
      { kind: 'missing', text: '-it' },
    ]);
  });
});
