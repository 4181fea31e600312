// @vitest-environment jsdom
// The timed quiz hook over the real interval and performance.now(): a tab whose timers stop for
// 100 s (hidden) catches up on the next tick, with no drift.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ChoiceQuestion } from '../../../src/domain/quiz/questions';
import { buildQuiz } from '../../../src/domain/quiz/build-quiz';
import type { QuizSummary } from '../../../src/domain/quiz/results';
import { TICK_MS, useTimedQuiz } from '../../../src/features/quiz/use-timed-quiz';
import { quizDeck } from '../../fixtures/quiz-deck';

const questions = buildQuiz({ deck: quizDeck, type: 'choice', count: 20, seed: 99, lang: 'en' }) as ChoiceQuestion[];

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useTimedQuiz', () => {
  it('catches up after its interval stopped for 100 s (a hidden tab), from performance.now()', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // The monotonic clock the hook reads, moved by hand: while the tab is "hidden" time passes
    // but no timer runs, as browsers throttle or stop the timers of hidden tabs.
    let t = 10_000.5;
    vi.spyOn(performance, 'now').mockImplementation(() => t);
    const passTime = (ms: number, timersRun: boolean) => {
      for (let done = 0; done < ms; done += TICK_MS) {
        t += TICK_MS;
        if (timersRun) act(() => vi.advanceTimersByTime(TICK_MS));
      }
    };
    const finished: QuizSummary[] = [];
    const { result } = renderHook(() => useTimedQuiz('exam', questions, (s) => finished.push(s)));
    expect(result.current).toMatchObject({ index: 0, total: 20, remainingMs: 15_000, finished: false });

    passTime(10_000, true);
    expect(result.current.index).toBe(0);
    expect(result.current.remainingMs).toBeCloseTo(5_000, 6);

    passTime(100_000, false);
    expect(result.current.index).toBe(0); // nothing ran while hidden

    passTime(TICK_MS, true);
    // 110.25 s after the start: seven 15 s deadlines passed, the 8th question has 9.75 s left.
    expect(result.current.index).toBe(7);
    expect(result.current.remainingMs).toBeCloseTo(9_750, 6);
    expect(result.current.marker).toMatchObject({ number: 7, record: { timedOut: true } });
    expect(finished).toEqual([]);
  });

  it('catches up at once when the tab becomes visible again', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let t = 500;
    vi.spyOn(performance, 'now').mockImplementation(() => t);
    const { result } = renderHook(() => useTimedQuiz('exam', questions, () => {}));
    t += 31_000; // hidden: no timer ran
    expect(result.current.index).toBe(0);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(result.current.index).toBe(2);
    expect(result.current.remainingMs).toBeCloseTo(14_000, 6);
  });
});
