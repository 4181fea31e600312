// @vitest-environment jsdom
// Timed quizzes with fake timers (setInterval and performance.now only: fake-indexeddb keeps its
// real setImmediate): the deep link starts the exam, the countdown shows, a question that runs
// out of time counts wrong, a hidden tab does not stop the clock, and the result is saved.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { listQuizResults } from '../../../src/db/quiz-results';
import type { KujiraDB } from '../../../src/db/schema';
import type { ChoiceQuestion } from '../../../src/domain/quiz/questions';
import { freshDb, planOf, renderQuiz } from './helpers';

let db: KujiraDB;
beforeEach(() => {
  db = freshDb();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const timerText = () => screen.getByRole('timer', { name: 'Time left' }).textContent;

describe('timed exam', () => {
  it('starts at once from /quiz?mode=timed with a 15 s countdown for question 1 of 20', () => {
    renderQuiz('/quiz?mode=timed');
    expect(screen.getByRole('heading', { level: 1, name: 'Timed quiz (20 questions)' })).toBeTruthy();
    expect(screen.getByText('Question 1 of 20')).toBeTruthy();
    expect(timerText()).toContain('15 seconds');
    advance(4_000);
    expect(timerText()).toContain('11 seconds');
  });

  it('counts a question that runs out of time as wrong and moves on; at the end saves the result', async () => {
    const { location } = renderQuiz('/quiz?mode=timed&shape=exam&seed=3');
    advance(15_000);
    expect(screen.getByText('Question 2 of 20')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Question 1: time ran out');
    expect(timerText()).toContain('15 seconds');

    advance(19 * 15_000);
    expect(screen.getByRole('heading', { level: 1, name: 'Results: Timed quiz (20 questions)' })).toBeTruthy();
    expect(screen.getByText('0 / 20')).toBeTruthy();
    expect(screen.getAllByText('No answer (time ran out)')).toHaveLength(20);
    const review = screen.getByRole('link', { name: /Review the \d+ I missed/ });
    expect(review.getAttribute('href')).toMatch(/^\/review\?cards=[^&]+$/);
    // The address no longer starts a quiz, so a reload shows the history.
    expect(location.history?.at(-1)).toBe('/quiz');

    await waitFor(async () => expect(await listQuizResults(db)).toHaveLength(1));
    const [saved] = await listQuizResults(db);
    expect(saved).toMatchObject({ mode: 'exam', deckId: 'docker', score: 0, total: 20 });
    expect(saved!.items.every((r) => r.timedOut && !r.correct)).toBe(true);
  });

  it('answers by keys without a feedback pause and keeps time while the tab is hidden', async () => {
    const search = 'mode=timed&shape=exam&seed=9';
    const plan = planOf(search);
    renderQuiz(`/quiz?${search}`);
    const q1 = plan.questions[0] as ChoiceQuestion;
    advance(3_000);
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: String(q1.correctIndex + 1), bubbles: true }));
    });
    expect(screen.getByText('Question 2 of 20')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Question 1: right');
    expect(document.activeElement?.tagName).toBe('H2');

    // A hidden tab may get no timer callbacks: time still passes, and on return it is caught up.
    const now = performance.now();
    vi.spyOn(performance, 'now').mockReturnValue(now + 40_000);
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    vi.mocked(performance.now).mockRestore();
    expect(screen.getByText('Question 4 of 20')).toBeTruthy();
    expect(timerText()).toContain('5 seconds');
  });
});

describe('sprint', () => {
  it('runs for 60 seconds in all', async () => {
    renderQuiz('/quiz?mode=timed&shape=sprint&seed=2');
    expect(screen.getByRole('heading', { level: 1, name: 'Timed quiz (60 seconds)' })).toBeTruthy();
    expect(screen.getByText('Question 1')).toBeTruthy();
    expect(timerText()).toContain('60 seconds');
    advance(30_000);
    expect(timerText()).toContain('30 seconds');
    advance(30_000);
    expect(screen.getByRole('heading', { level: 1, name: 'Results: Timed quiz (60 seconds)' })).toBeTruthy();
    expect(screen.getByText('No question was answered.')).toBeTruthy();
    // The result is saved before the test ends: a save that settled after the test environment was
    // torn down set state in a window that no longer exists.
    await waitFor(() => expect(screen.queryByText('Saving the result…')).toBeNull());
  });
});
