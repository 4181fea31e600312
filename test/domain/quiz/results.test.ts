// Results: score, accuracy, average answer time, per-question answers, overrides, personal best.
import { describe, expect, it } from 'vitest';
import { overrideRecord, recordAnswer, recordTimeout } from '../../../src/domain/quiz/answer-record';
import { type ChoiceQuestion, type TypedQuestion } from '../../../src/domain/quiz/questions';
import { buildQuiz } from '../../../src/domain/quiz/build-quiz';
import { personalBest, summarizeRecords, type ScoredResult } from '../../../src/domain/quiz/results';
import { quizDeck } from '../../fixtures/quiz-deck';

const [choice] = buildQuiz({ deck: quizDeck, type: 'choice', count: 1, seed: 1, lang: 'en' }) as ChoiceQuestion[];
const [typed] = buildQuiz({ deck: quizDeck, type: 'typed', count: 1, seed: 1, lang: 'en' }) as TypedQuestion[];
const c = choice as ChoiceQuestion;
const t = typed as TypedQuestion;

describe('records and summary', () => {
  it('each question with your answer and the right one', () => {
    const wrongIndex = (c.correctIndex + 1) % c.choices.length;
    const records = [
      recordAnswer(c, c.correctIndex, 0, 2_000),
      recordAnswer(c, wrongIndex, 2_000, 6_000),
      recordAnswer(t, 'docker nonsense', 6_000, 9_000),
      recordTimeout(t, 9_000, 24_000),
    ];
    expect(records[1]).toMatchObject({ yourAnswer: c.choices[wrongIndex]?.text, rightAnswer: c.choices[c.correctIndex]?.text, correct: false });
    expect(records[2]).toMatchObject({ yourAnswer: 'docker nonsense', rightAnswer: t.answers[0], correct: false });
    expect(records[2]?.typed?.diff.length).toBeGreaterThan(0);
    expect(records[3]).toMatchObject({ yourAnswer: null, rightAnswer: t.answers[0], timedOut: true });
    const summary = summarizeRecords(records, 24_000);
    expect(summary).toMatchObject({ score: 1, total: 4, accuracy: 0.25, averageAnswerMs: 3_000, durationMs: 24_000 });
    expect(summary.items).toEqual(records);

    // "I was right" on the typed answer: counted, the verdict kept for the record.
    const overridden = overrideRecord(records, 2);
    expect(overridden[2]).toMatchObject({ correct: false, markedRightByUser: true });
    expect(overridden[2]?.typed?.markedRightByUser).toBe(true);
    expect(summarizeRecords(overridden, 24_000)).toMatchObject({ score: 2, accuracy: 0.5 });
    // A timed-out question cannot be overridden: there is no answer.
    expect(overrideRecord(records, 3)[3]?.markedRightByUser).toBe(false);
  });

  it('an empty quiz', () => {
    expect(summarizeRecords([], 0)).toEqual({ score: 0, total: 0, accuracy: 0, averageAnswerMs: null, durationMs: 0, items: [] });
  });
});

describe('personalBest', () => {
  const result = (overrides: Partial<ScoredResult> & { id: string }): ScoredResult & { id: string } => ({
    deckId: 'docker',
    mode: 'exam',
    score: 10,
    accuracy: 0.5,
    durationMs: 100_000,
    finishedAt: 1_700_000_000_000,
    ...overrides,
  });

  it('per mode and deck: score, then accuracy, then time, then who was first', () => {
    const history = [
      result({ id: 'a', score: 12 }),
      result({ id: 'b', score: 15, accuracy: 0.75, durationMs: 200_000 }),
      result({ id: 'c', score: 15, accuracy: 0.75, durationMs: 150_000, finishedAt: 1_700_000_500_000 }),
      result({ id: 'd', score: 15, accuracy: 0.75, durationMs: 150_000, finishedAt: 1_700_000_900_000 }),
      result({ id: 'e', score: 15, accuracy: 0.6 }),
      result({ id: 'f', mode: 'sprint', score: 30 }),
      result({ id: 'g', deckId: 'git', score: 20 }),
    ];
    expect(personalBest(history, 'exam', 'docker')?.id).toBe('c');
    expect(personalBest(history, 'sprint', 'docker')?.id).toBe('f');
    expect(personalBest(history, 'exam', 'git')?.id).toBe('g');
    expect(personalBest(history, 'practice', 'docker')).toBeUndefined();
    expect(personalBest([], 'exam', 'docker')).toBeUndefined();
  });
});
