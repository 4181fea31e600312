// The quiz history store: save (with the personal-best verdict), list newest first by mode and
// deck, rows read back after a new connection.
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../../src/db/database';
import { listQuizResults, saveQuizResult } from '../../src/db/quiz-results';
import type { NewQuizResult } from '../../src/domain/quiz/results';
import type { AnswerRecord } from '../../src/domain/quiz/answer-record';

let nextId = 0;
function record(correct: boolean, overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    questionId: `q${nextId++}`,
    cardId: 'card-1',
    questionType: 'choice',
    prompt: 'Removes unused local volumes',
    response: 0,
    yourAnswer: correct ? 'docker volume prune' : 'docker volume rm',
    rightAnswer: 'docker volume prune',
    correct,
    markedRightByUser: false,
    timedOut: false,
    shownAt: 0,
    answeredAt: 2000,
    elapsedMs: 2000,
    typed: null,
    ...overrides,
  };
}

function result(overrides: Partial<NewQuizResult> & { right: number; wrong: number }): NewQuizResult {
  const { right, wrong, ...rest } = overrides;
  const items = [...Array.from({ length: right }, () => record(true)), ...Array.from({ length: wrong }, () => record(false))];
  return { mode: 'exam', deckId: 'docker', finishedAt: 1_700_000_000_000, durationMs: 30_000, score: right, items, ...rest };
}

describe('quiz results store', () => {
  it('saves, derives accuracy/average/duration, and judges the personal best per mode and deck', async () => {
    const factory = new IDBFactory();
    const db = createDb({ indexedDB: factory, IDBKeyRange });
    const a = await saveQuizResult(db, result({ right: 3, wrong: 1 }));
    expect(a.isNewBest).toBe(true);
    expect(a.previousBest).toBeUndefined();
    expect(a.result).toMatchObject({ score: 3, total: 4, accuracy: 0.75, averageAnswerMs: 2000, durationMs: 30_000 });
    expect(a.result.startedAt).toBe(1_700_000_000_000 - 30_000);

    const b = await saveQuizResult(db, result({ right: 2, wrong: 2, finishedAt: 1_700_000_100_000 }));
    expect(b.isNewBest).toBe(false);
    expect(b.previousBest?.id).toBe(a.result.id);
    // Another mode and another deck have bests of their own.
    expect((await saveQuizResult(db, result({ right: 1, wrong: 0, mode: 'sprint' }))).isNewBest).toBe(true);
    expect((await saveQuizResult(db, result({ right: 1, wrong: 0, deckId: 'git' }))).isNewBest).toBe(true);
    // A zero score is never a "new personal best".
    expect((await saveQuizResult(db, result({ right: 0, wrong: 2, mode: 'practice' }))).isNewBest).toBe(false);

    db.close();
    const again = createDb({ indexedDB: factory, IDBKeyRange });
    const exams = await listQuizResults(again, { mode: 'exam', deckId: 'docker' });
    expect(exams.map((r) => r.score)).toEqual([2, 3]);
    expect(await listQuizResults(again, { deckId: 'git' })).toHaveLength(1);
    expect(await listQuizResults(again, { limit: 2 })).toHaveLength(2);
    expect(await listQuizResults(again)).toHaveLength(5);
  });
});
