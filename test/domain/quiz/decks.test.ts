// The quiz contract over the fixture deck and over the real Docker deck compiled from
// decks/docker (read with fs, compiled by compileDeck), plus what the real deck must offer.
import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../../src/domain/deck/types';
import { checkTypedAnswer } from '../../../src/domain/quiz/check-answer';
import { buildChoiceQuestion } from '../../../src/domain/quiz/questions';
import { compileDockerDeck } from '../../fixtures/docker-deck';
import { quizDeck } from '../../fixtures/quiz-deck';
import { describeQuizContract } from './quiz-contract';

const result = compileDockerDeck();
const docker = result.deck as Deck;

describe('the compiled Docker deck', () => {
  it('compiles', () => {
    expect(result.errors).toEqual([]);
    expect(docker.cards.length).toBeGreaterThan(60);
  });

  const ask = (key: string): Card => docker.cards.find((c) => c.key === key && c.kind === 'meaning-command') as Card;
  const distractors = (key: string, seed: number): string[] =>
    buildChoiceQuestion(ask(key), docker.cards, seed, { lang: 'ja' })
      .choices.filter((c) => !c.correct)
      .map((c) => c.text);

  it.each([
    ['docker volume prune', 'docker volume rm'],
    ['docker volume rm', 'docker volume prune'],
    ['docker container run', 'docker container start'],
    ['docker volume prune', 'docker network prune'],
    ['docker network prune', 'docker volume prune'],
    ['docker container stop', 'docker container rm'],
    ['docker container commit', 'docker image build'],
    ['docker network prune', 'docker network disconnect'],
    ['docker network disconnect', 'docker network rm'],
    ['docker container rm', 'docker image rm'],
  ])('%s is always offered with %s', (key, confusable) => {
    for (let seed = 0; seed < 10; seed++) expect(distractors(key, seed)).toContain(confusable);
  });

  it.each([
    ['docker ps', 'docker container ls'],
    ['docker container list', 'docker container ls'],
    ['docker rmi', 'docker image rm'],
    ['docker images', 'docker image ls'],
    ['docker builder build', 'docker image build'],
    ['docker volume remove', 'docker volume rm'],
    ['systemctl start docker', 'sudo systemctl start docker'],
    ['  SUDO systemctl   enable docker ', 'sudo systemctl enable docker'],
  ])('%j is accepted for %s', (input, key) => {
    expect(checkTypedAnswer(input, ask(key)).correct).toBe(true);
  });

  it.each([
    ['docker volume prun', 'docker volume prune'],
    ['docker volume rm', 'docker volume prune'],
    ['docker network prune', 'docker volume prune'],
    ['docker prune volume', 'docker volume prune'],
    ['docker image rm', 'docker container rm'],
    ['docker container start', 'docker container run'],
  ])('%j is wrong for %s', (input, key) => {
    expect(checkTypedAnswer(input, ask(key)).correct).toBe(false);
  });
});

describeQuizContract('fixture deck', quizDeck);
describeQuizContract('Docker deck', docker);
