// The timed quiz state machine over monotonic timestamps: sprint and exam, timeouts, a hidden
// tab's jump in time, no drift. The hook over a real interval: test/features/quiz/use-timed-quiz.test.tsx.
import { describe, expect, it } from 'vitest';
import { QuizResponseError } from '../../../src/domain/quiz/answer-record';
import { type ChoiceQuestion, type Question } from '../../../src/domain/quiz/questions';
import { buildQuiz } from '../../../src/domain/quiz/build-quiz';
import { summarizeTimedQuiz } from '../../../src/domain/quiz/results';
import {
  answer,
  currentQuestion,
  deadlineOf,
  startTimedQuiz,
  tick,
  TIMED_SHAPES,
  type TimedQuizState,
} from '../../../src/domain/quiz/timed-quiz';
import { quizDeck } from '../../fixtures/quiz-deck';

const T0 = 10_000.5; // performance.now() values are fractional; start somewhere not zero
const choiceQuiz = (count: number): ChoiceQuestion[] =>
  buildQuiz({ deck: quizDeck, type: 'choice', count, seed: 99, lang: 'en' }) as ChoiceQuestion[];
const right = (state: TimedQuizState): number => (currentQuestion(state) as ChoiceQuestion).correctIndex;
const wrong = (state: TimedQuizState): number => (right(state) + 1) % (currentQuestion(state) as ChoiceQuestion).choices.length;

describe('sprint', () => {
  it('ends at 60 s; answers until then count, later ones are ignored', () => {
    let s = startTimedQuiz('sprint', choiceQuiz(200), T0);
    expect(tick(s, T0)).toMatchObject({ remainingMs: 60_000, finished: false });
    for (let i = 0; i < 30; i++) s = answer(s, i % 3 === 0 ? wrong(s) : right(s), T0 + 1_000 + i * 1_900);
    expect(s.records).toHaveLength(30);
    s = answer(s, right(s), T0 + 59_999);
    expect(s.records).toHaveLength(31);
    expect(s.finishedAt).toBeNull();
    const late = answer(s, right(s), T0 + 60_000); // exactly at the deadline: late
    expect(late.records).toHaveLength(31);
    expect(late.finishedAt).toBe(T0 + 60_000);
    const t = tick(late, T0 + 75_000);
    expect(t).toMatchObject({ finished: true, remainingMs: 0, current: null });
    expect(t.state.finishedAt).toBe(T0 + 60_000);
    const summary = summarizeTimedQuiz(t.state);
    expect(summary).toMatchObject({ total: 31, score: 21, durationMs: 60_000 });
  });

  it('remaining = deadline - t at any tick, however irregular (no drift)', () => {
    let s = startTimedQuiz('sprint', choiceQuiz(50), T0);
    let t = T0;
    for (let i = 0; i < 100_000; i++) {
      t += 0.1 + ((i * 37) % 113) / 1.7; // irregular frame times
      const r = tick(s, t);
      s = r.state;
      if (r.finished) break;
      expect(r.remainingMs).toBe(T0 + 60_000 - t);
    }
    expect(s.finishedAt).toBe(T0 + 60_000);
  });

  it('finishes early when the questions run out', () => {
    let s = startTimedQuiz('sprint', choiceQuiz(3), T0);
    for (let i = 1; i <= 3; i++) s = answer(s, right(s), T0 + i * 1000);
    expect(s.finishedAt).toBe(T0 + 3000);
    expect(summarizeTimedQuiz(s)).toMatchObject({ score: 3, total: 3, accuracy: 1, averageAnswerMs: 1000 });
  });
});

describe('exam', () => {
  it('asks 20 questions of 15 s each; all answered in time', () => {
    let s = startTimedQuiz('exam', choiceQuiz(25), T0);
    expect(s.questions).toHaveLength(TIMED_SHAPES.exam.questionCount as number);
    for (let i = 0; i < 20; i++) {
      const shown = s.shownAt;
      expect(tick(s, shown + 14_000).remainingMs).toBe(1_000);
      s = answer(s, right(s), shown + 14_000);
    }
    expect(s.finishedAt).toBe(T0 + 20 * 14_000);
    expect(summarizeTimedQuiz(s)).toMatchObject({ score: 20, total: 20, accuracy: 1, averageAnswerMs: 14_000 });
  });

  it('an unanswered question counts wrong at its deadline; the next gets a full 15 s', () => {
    const s0 = startTimedQuiz('exam', choiceQuiz(20), T0);
    expect(tick(s0, T0 + 14_999).expired).toEqual([]);
    const r = tick(s0, T0 + 15_000);
    expect(r.expired).toHaveLength(1);
    expect(r.expired[0]).toMatchObject({ timedOut: true, correct: false, response: null, yourAnswer: null, elapsedMs: 15_000 });
    expect(r.state.index).toBe(1);
    expect(r.remainingMs).toBe(15_000);
    expect(r.current).toBe(s0.questions[1]);
  });

  it('an answer exactly at the deadline is late and goes to nobody', () => {
    const s0 = startTimedQuiz('exam', choiceQuiz(20), T0);
    const s1 = answer(s0, right(s0), T0 + 15_000);
    expect(s1.records).toHaveLength(1);
    expect(s1.records[0]?.timedOut).toBe(true);
    // The next question is on screen with its full time; the late key press did not answer it.
    expect(s1.index).toBe(1);
    expect(tick(s1, T0 + 15_000).remainingMs).toBe(15_000);
  });

  it('a 100 s jump (hidden tab) expires exactly the questions whose deadlines passed', () => {
    let s = startTimedQuiz('exam', choiceQuiz(20), T0);
    s = answer(s, right(s), T0 + 5_000); // q0 answered; q1 shown at +5 s
    s = answer(s, right(s), T0 + 8_000); // q1 answered; q2 shown at +8 s
    const hidden = tick(s, T0 + 108_000);
    // q2 due +23, q3 +38, q4 +53, q5 +68, q6 +83, q7 +98; q8 shown at +98, due +113.
    expect(hidden.expired.map((r) => r.questionId)).toEqual(s.questions.slice(2, 8).map((q) => q.id));
    expect(hidden.expired.map((r) => r.answeredAt - T0)).toEqual([23_000, 38_000, 53_000, 68_000, 83_000, 98_000]);
    expect(hidden.state.index).toBe(8);
    expect(hidden.state.shownAt).toBe(T0 + 98_000);
    expect(hidden.remainingMs).toBe(5_000);
    // Answering right after coming back answers q8 in the time it has left.
    const back = answer(hidden.state, right(hidden.state), T0 + 110_000);
    expect(back.records[8]).toMatchObject({ correct: true, timedOut: false, elapsedMs: 12_000 });
    // Without an intermediate tick, answer() applies the same expiries and drops the stale answer.
    const stale = answer(s, 0, T0 + 110_000);
    expect(stale.records).toEqual(hidden.state.records);
    expect(stale.index).toBe(8);
  });

  it('all unanswered: 20 wrong, finished at 300 s exactly, even when noticed much later', () => {
    const s0 = startTimedQuiz('exam', choiceQuiz(20), T0);
    const r = tick(s0, T0 + 1_000_000);
    expect(r.expired).toHaveLength(20);
    expect(r).toMatchObject({ finished: true, remainingMs: 0, current: null });
    expect(r.state.finishedAt).toBe(T0 + 300_000);
    expect(summarizeTimedQuiz(r.state)).toMatchObject({ score: 0, total: 20, accuracy: 0, averageAnswerMs: null, durationMs: 300_000 });
    // Nothing changes afterwards.
    expect(answer(r.state, 0, T0 + 1_000_001).records).toHaveLength(20);
  });

  it('deadlines are absolute: many ticks never shift them', () => {
    let s = startTimedQuiz('exam', choiceQuiz(20), T0);
    for (let t = T0; t < T0 + 44_999; t += 16.7) s = tick(s, t).state;
    expect(s.index).toBe(2);
    expect(deadlineOf(s)).toBe(T0 + 45_000);
    expect(tick(s, T0 + 45_000).state.index).toBe(3);
  });

  it('a clock reading from the past is clamped (never un-expires)', () => {
    const s = tick(startTimedQuiz('exam', choiceQuiz(20), T0), T0 + 20_000).state;
    const r = tick(s, T0 + 1_000);
    expect(r.state.index).toBe(1);
    expect(r.remainingMs).toBe(10_000);
  });

  it('mixes typed and choice questions', () => {
    const questions = buildQuiz({ deck: quizDeck, type: 'mixed', count: 20, seed: 8, lang: 'en' });
    let s = startTimedQuiz('exam', questions, T0);
    let t = T0;
    for (const q of questions) {
      t += 2_000;
      // `sudo` in front of a command is optional; in front of an option (`sudo -d`) it is wrong.
      const typed = q.type === 'typed' ? (q.answers[0] ?? '') : '';
      s = answer(s, q.type === 'typed' ? `  ${typed.startsWith('-') ? '' : 'sudo '}${typed} ` : q.correctIndex, t);
    }
    expect(summarizeTimedQuiz(s)).toMatchObject({ score: 20, total: 20 });
  });

  it('a response of the wrong shape is a program error', () => {
    const [typed] = buildQuiz({ deck: quizDeck, type: 'typed', count: 1, seed: 1, lang: 'en' }) as Question[];
    const s = startTimedQuiz('exam', [typed as Question], T0);
    expect(() => answer(s, 0, T0 + 1)).toThrow(QuizResponseError);
    const c = startTimedQuiz('exam', choiceQuiz(1), T0);
    expect(() => answer(c, 'docker ps', T0 + 1)).toThrow(QuizResponseError);
  });

  it('no questions: finished at once', () => {
    expect(tick(startTimedQuiz('exam', [], T0), T0)).toMatchObject({ finished: true, remainingMs: 0, expired: [] });
  });
});
