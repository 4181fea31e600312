// The lesson check: questions only on the lesson's cards, one per command, seeded; the pass rule;
// the first ratings a passed lesson gives its cards.
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import type { Deck } from '../../../src/domain/deck/types';
import { recordAnswer } from '../../../src/domain/quiz/answer-record';
import { buildLessonCheck, CHECK_SIZE, checkOutcome, introductionGrades, isPassing } from '../../../src/domain/onboarding/check';
import { buildLessons, findLesson, type Lesson } from '../../../src/domain/onboarding/lessons';
import { readDeckFolder } from '../../../scripts/read-decks';

const docker = compileDeck(readDeckFolder('decks/docker')).deck as Deck;
const lessons = buildLessons(docker);
const lesson = (id: string) => findLesson(lessons, id) as Lesson;

describe('buildLessonCheck', () => {
  it('asks up to five questions, only on the lesson cards, never one command twice', () => {
    const containers = lesson('containers');
    const qs = buildLessonCheck(docker, containers, { seed: 7, lang: 'en' });
    expect(qs).toHaveLength(CHECK_SIZE);
    const ids = new Set(containers.cards.map((c) => c.id));
    expect(qs.every((q) => ids.has(q.cardId))).toBe(true);
    const keys = qs.map((q) => containers.cards.find((c) => c.id === q.cardId)?.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(qs.every((q) => q.choices.length >= 2 && q.choices.filter((c) => c.correct).length === 1)).toBe(true);
  });

  it('asks one question per item in a small lesson', () => {
    expect(buildLessonCheck(docker, lesson('uses'), { seed: 1, lang: 'en' })).toHaveLength(4);
  });

  it('is the same for the same seed, and differs for another', () => {
    const a = buildLessonCheck(docker, lesson('system'), { seed: 42, lang: 'ja' });
    expect(buildLessonCheck(docker, lesson('system'), { seed: 42, lang: 'ja' })).toEqual(a);
    const b = buildLessonCheck(docker, lesson('system'), { seed: 43, lang: 'ja' });
    expect(b.map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });
});

describe('the pass rule', () => {
  it('passes at 80 % or more', () => {
    expect(isPassing(4, 5)).toBe(true);
    expect(isPassing(5, 5)).toBe(true);
    expect(isPassing(3, 5)).toBe(false);
    expect(isPassing(2, 3)).toBe(false);
    expect(isPassing(3, 3)).toBe(true);
    expect(isPassing(8, 10)).toBe(true);
    expect(isPassing(7, 10)).toBe(false);
    expect(isPassing(0, 0)).toBe(true);
  });

  it('summarises a check with what was missed', () => {
    const qs = buildLessonCheck(docker, lesson('system'), { seed: 3, lang: 'en' });
    const records = qs.map((q, i) => recordAnswer(q, i === 0 ? (q.correctIndex + 1) % q.choices.length : q.correctIndex, 0, 1000));
    const out = checkOutcome(records);
    expect(out).toMatchObject({ score: 4, total: 5, percent: 80, passed: true });
    expect(out.missed).toHaveLength(1);
    expect(out.missed[0]?.rightAnswer).toBe(qs[0]?.choices[qs[0].correctIndex]?.text);
    expect(out.missed[0]?.yourAnswer).not.toBe(out.missed[0]?.rightAnswer);
  });
});

describe('introductionGrades', () => {
  it('rates both directions of a missed command Again and every other card Good', () => {
    const system = lesson('system');
    const qs = buildLessonCheck(docker, system, { seed: 5, lang: 'en' });
    const first = qs[0];
    if (!first) throw new Error('no question');
    const records = qs.map((q) => recordAnswer(q, q === first ? (q.correctIndex + 1) % q.choices.length : q.correctIndex, 0, 500));
    const grades = introductionGrades(system, records);
    expect(grades.map((g) => g.cardId).sort()).toEqual(system.cards.map((c) => c.id).sort());
    const missedKey = system.cards.find((c) => c.id === first.cardId)?.key;
    for (const g of grades) {
      const card = system.cards.find((c) => c.id === g.cardId);
      expect(g.grade, card?.id).toBe(card?.key === missedKey ? 1 : 3);
    }
    expect(grades.find((g) => g.cardId === first.cardId)?.durationMs).toBe(500);
  });
});
