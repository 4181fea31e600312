// @vitest-environment jsdom
// Quiz feedback on the real Docker deck: the correction box is the card view's (with the memo's
// own words as "The memo says"), and a typed answer missing only the asked flag gets a hint, as
// does one with a flag that changes the meaning (what the flag does, from the deck's Flags).
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../../src/domain/deck/types';
import { recordAnswer } from '../../../src/domain/quiz/answer-record';
import { buildFlaggedQuestion, buildTypedQuestion, type Question } from '../../../src/domain/quiz/questions';
import { AnswerFeedback } from '../../../src/features/quiz/answer-feedback';
import { compileDockerDeck } from '../../fixtures/docker-deck';
import { i18n } from './helpers';

const deck = compileDockerDeck().deck as Deck;
const ask = (key: string): Card => deck.cards.find((c) => c.key === key && c.kind === 'meaning-command') as Card;

function show(question: Question, input: string, card: Card) {
  const record = recordAnswer(question, input, 0, 1000);
  render(
    <I18nextProvider i18n={i18n}>
      <AnswerFeedback question={question} record={record} card={card} lang="en" showBoth={false} isLast={false} onOverride={() => {}} onNext={() => {}} />
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('AnswerFeedback', () => {
  it('shows the correction with the memo\'s own words as "The memo says"', () => {
    const start = ask('docker container start');
    show(buildTypedQuestion(start, { lang: 'en' }), 'docker container run', start);
    const box = screen.getByRole('complementary', { name: "What Docker's reference says" });
    expect(box.textContent).toContain('starts one or more stopped containers');
    expect(within(box).getByText('The memo says:')).toBeTruthy();
    expect(box.textContent).toContain('Starts an image as a container');
  });

  it('hints at the missing flag when the right command lacks it', () => {
    const ls = ask('docker container ls');
    const question = buildFlaggedQuestion(ls, ls.flagged?.[0] as NonNullable<Card['flagged']>[number], { lang: 'en' });
    show(question, 'docker ps', ls);
    expect(screen.getByText('Close: the question asks for the command with -a.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'I was right' })).toBeTruthy();
  });

  it('says what an added flag does when it changes the meaning (docker ps -a for running containers)', () => {
    const ls = ask('docker container ls');
    show(buildTypedQuestion(ls, { lang: 'en' }), 'docker ps -a', ls);
    expect(screen.getByText('Close: with -a the command does something else: “Lists all containers, stopped ones included”. The question asks for it without -a.')).toBeTruthy();
  });
});
