// @vitest-environment jsdom
// Results are kept: saved to IndexedDB when a quiz ends, listed on the start screen after a
// remount (a reload), with the personal best per mode and deck.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import type { ChoiceQuestion } from '../../../src/domain/quiz/questions';
import { freshDb, planOf, renderQuiz } from './helpers';

afterEach(cleanup);

const search = 'mode=practice&count=1&seed=21&section=image';

async function answerOnce(user: ReturnType<typeof userEvent.setup>, right: boolean) {
  const q = planOf(search).questions[0] as ChoiceQuestion;
  const index = right ? q.correctIndex : (q.correctIndex + 1) % q.choices.length;
  await user.click(screen.getByRole('button', { name: q.choices[index]!.text }));
  await user.click(screen.getByRole('button', { name: 'See results' }));
}

describe('quiz history', () => {
  it('saves a finished quiz, says "New personal best!", and lists it after a remount', async () => {
    const factory = new IDBFactory();
    freshDb(factory);
    const user = userEvent.setup();
    const first = renderQuiz(`/quiz?${search}`);
    await answerOnce(user, true);
    expect(screen.getByRole('heading', { level: 1, name: 'Results: Practice' })).toBeTruthy();
    expect(await screen.findByText('New personal best!')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /I missed/ })).toBeNull();
    first.unmount();

    // A new connection to the same IndexedDB: what a reload sees.
    freshDb(factory);
    renderQuiz('/quiz');
    const history = screen.getByRole('region', { name: 'Recent results' });
    expect(await within(history).findByRole('heading', { level: 3, name: 'Practice' })).toBeTruthy();
    expect(within(history).getByText('1 / 1')).toBeTruthy();
    expect(within(history).getByText('docker')).toBeTruthy();
  });

  it('a weaker result keeps the personal best and links to a review of the missed card', async () => {
    freshDb();
    const user = userEvent.setup();
    renderQuiz(`/quiz?${search}`);
    await answerOnce(user, true);
    await screen.findByText('New personal best!');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Question 1 of 1')).toBeTruthy();
    await answerOnce(user, false);
    expect(await screen.findByText('Personal best (Practice, docker): 1 / 1 (100%)')).toBeTruthy();
    expect(screen.queryByText('New personal best!')).toBeNull();
    const q = planOf(search).questions[0] as ChoiceQuestion;
    expect(screen.getByRole('link', { name: 'Review the one I missed' }).getAttribute('href')).toBe(`/review?cards=${q.cardId}`);

    await user.click(screen.getByRole('button', { name: 'New quiz' }));
    const history = screen.getByRole('region', { name: 'Recent results' });
    expect(await within(history).findByText('0 / 1')).toBeTruthy();
    expect(within(history).getByText('1 / 1')).toBeTruthy();
  });
});
