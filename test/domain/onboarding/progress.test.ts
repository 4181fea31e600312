// Progress rules: lessons open in order unless all are unlocked, progress per lesson and overall,
// the resume point, and the completion summary.
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../../src/domain/onboarding/lessons';
import {
  completionSummary,
  emptyProgress,
  isLessonUnlocked,
  lessonFraction,
  lessonStatus,
  nextLessonId,
  overallProgress,
  resumePoint,
  type LessonResult,
  type OnboardingProgress,
} from '../../../src/domain/onboarding/progress';
import { createDeck } from '../../factories';

const MOCK_NOW = Date.UTC(2025, 3, 1, 9);
const lessons = buildLessons(createDeck({ commands: 6, sectionCount: 3 }));
const ids = lessons.map((l) => l.id);
const result = (lessonId: string, over: Partial<LessonResult> = {}): LessonResult => ({
  lessonId, score: 2, total: 2, durationMs: 60_000, completedAt: MOCK_NOW, attempts: 1, ...over,
});
const progress = (over: Partial<OnboardingProgress> = {}): OnboardingProgress => ({ ...emptyProgress('deck'), ...over });

describe('the lock rule', () => {
  it('opens only the first lesson at the start', () => {
    expect(ids.map((id) => isLessonUnlocked(lessons, progress(), id))).toEqual([true, false, false]);
  });

  it('opens the next lesson once every earlier one is complete', () => {
    const p = progress({ completed: ['sec-0'] });
    expect(ids.map((id) => lessonStatus(lessons, p, id))).toEqual(['complete', 'open', 'locked']);
  });

  it('opens every lesson when all are unlocked', () => {
    const p = progress({ unlockAll: true, currentLessonId: 'sec-2' });
    expect(ids.map((id) => lessonStatus(lessons, p, id))).toEqual(['open', 'open', 'current']);
  });

  it('knows no unknown lesson', () => {
    expect(isLessonUnlocked(lessons, progress({ unlockAll: true }), 'nope')).toBe(false);
  });
});

describe('progress math', () => {
  it('counts the cards read of the current lesson, keeping a step for the check', () => {
    const lesson = lessons[1];
    if (!lesson) throw new Error('no lesson');
    expect(lesson.items).toHaveLength(2);
    expect(lessonFraction(lesson, progress({ currentLessonId: 'sec-1', cardIndex: 1 }))).toBeCloseTo(1 / 3);
    expect(lessonFraction(lesson, progress({ completed: ['sec-1'] }))).toBe(1);
    expect(lessonFraction(lesson, progress())).toBe(0);
  });

  it('counts complete lessons overall, as its words say: a lesson under way adds nothing (issue 26)', () => {
    const p = progress({ completed: ['sec-0'], currentLessonId: 'sec-1', cardIndex: 1 });
    expect(overallProgress(lessons, p)).toEqual({ completedLessons: 1, totalLessons: 3, fraction: 1 / 3 });
    expect(overallProgress(lessons, progress({ currentLessonId: 'sec-0', cardIndex: 1 })).fraction).toBe(0);
  });

  it('resumes at the saved card, or at the first lesson not complete', () => {
    expect(resumePoint(lessons, progress())).toEqual({ lessonId: 'sec-0', cardIndex: 0 });
    expect(resumePoint(lessons, progress({ currentLessonId: 'sec-0', cardIndex: 1 }))).toEqual({ lessonId: 'sec-0', cardIndex: 1 });
    expect(resumePoint(lessons, progress({ completed: ['sec-0'], currentLessonId: 'sec-0', cardIndex: 1 }))).toEqual({ lessonId: 'sec-1', cardIndex: 0 });
    expect(resumePoint(lessons, progress({ currentLessonId: 'sec-2', cardIndex: 1 }))).toEqual({ lessonId: 'sec-0', cardIndex: 0 });
    expect(resumePoint(lessons, progress({ completed: ids }))).toBeNull();
    expect(nextLessonId(lessons, 'sec-1')).toBe('sec-2');
    expect(nextLessonId(lessons, 'sec-2')).toBeNull();
  });
});

describe('completionSummary', () => {
  it('is incomplete until every lesson is complete', () => {
    const s = completionSummary(lessons, progress({ completed: ['sec-0'], results: { 'sec-0': result('sec-0') } }));
    expect(s.complete).toBe(false);
    expect(s.completedAt).toBeNull();
    expect(s.lines.map((l) => l.percent)).toEqual([100, null, null]);
  });

  it('sums scores and time and dates the completion by the last lesson', () => {
    const s = completionSummary(lessons, progress({
      completed: ids,
      startedAt: MOCK_NOW - 86_400_000,
      results: {
        'sec-0': result('sec-0'),
        'sec-1': result('sec-1', { score: 4, total: 5, completedAt: MOCK_NOW + 5000 }),
        'sec-2': result('sec-2', { durationMs: 30_000 }),
      },
    }));
    expect(s).toMatchObject({ complete: true, completedLessons: 3, totalLessons: 3, score: 8, total: 9, timeSpentMs: 150_000, completedAt: MOCK_NOW + 5000 });
    expect(s.lines.map((l) => l.percent)).toEqual([100, 80, 100]);
  });
});
