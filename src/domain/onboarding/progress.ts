// Onboarding progress of one deck as plain data, and the rules read from it: which lessons are
// open (in order, unless the learner unlocked all), progress per lesson and overall, where to
// resume, and the completion summary. Times are epoch ms passed in; nothing here reads a clock.
import type { Lesson } from './lessons';

export interface LessonResult {
  lessonId: string;
  /** The passing check: right answers of total. */
  score: number;
  total: number;
  /** Time spent on the lesson (reading and checks) until it was passed. */
  durationMs: number;
  completedAt: number;
  /** Checks taken until the pass (1 = passed at the first try). */
  attempts: number;
}

export interface OnboardingProgress {
  deckId: string;
  /** Ids of the lessons completed, in the order they were completed. */
  completed: string[];
  results: Record<string, LessonResult>;
  /** Where to resume: the lesson being read and the card on screen (0-based). */
  currentLessonId: string | null;
  cardIndex: number;
  /** "Unlock all lessons": any lesson may be taken, in any order. */
  unlockAll: boolean;
  /** When the path was first opened (null: never). */
  startedAt: number | null;
  updatedAt: number;
}

export function emptyProgress(deckId: string): OnboardingProgress {
  return { deckId, completed: [], results: {}, currentLessonId: null, cardIndex: 0, unlockAll: false, startedAt: null, updatedAt: 0 };
}

export function isLessonComplete(progress: OnboardingProgress, lessonId: string): boolean {
  return progress.completed.includes(lessonId);
}

/** In order only: a lesson opens once every lesson before it is complete (or all are unlocked). */
export function isLessonUnlocked(lessons: readonly Lesson[], progress: OnboardingProgress, lessonId: string): boolean {
  const index = lessons.findIndex((l) => l.id === lessonId);
  if (index < 0) return false;
  if (progress.unlockAll || isLessonComplete(progress, lessonId)) return true;
  return lessons.slice(0, index).every((l) => isLessonComplete(progress, l.id));
}

export type LessonStatus = 'complete' | 'current' | 'open' | 'locked';

export function lessonStatus(lessons: readonly Lesson[], progress: OnboardingProgress, lessonId: string): LessonStatus {
  if (isLessonComplete(progress, lessonId)) return 'complete';
  if (!isLessonUnlocked(lessons, progress, lessonId)) return 'locked';
  return progress.currentLessonId === lessonId ? 'current' : 'open';
}

/**
 * How far into a lesson, 0..1: complete is 1; the lesson being read counts each card read and
 * keeps one step for the check (so reading every card is not "done").
 */
export function lessonFraction(lesson: Lesson, progress: OnboardingProgress): number {
  if (isLessonComplete(progress, lesson.id)) return 1;
  if (progress.currentLessonId !== lesson.id) return 0;
  const steps = lesson.items.length + 1;
  return Math.min(Math.max(progress.cardIndex, 0), lesson.items.length) / steps;
}

export interface OverallProgress {
  completedLessons: number;
  totalLessons: number;
  /** 0..1: lessons complete over lessons, what the words beside the bar say (the lesson under
   * way has its own bar; counting it here filled the bar while the text said "0 of 9"). */
  fraction: number;
}

export function overallProgress(lessons: readonly Lesson[], progress: OnboardingProgress): OverallProgress {
  const completedLessons = lessons.filter((l) => isLessonComplete(progress, l.id)).length;
  return { completedLessons, totalLessons: lessons.length, fraction: lessons.length === 0 ? 0 : completedLessons / lessons.length };
}

export function isPathComplete(lessons: readonly Lesson[], progress: OnboardingProgress): boolean {
  return lessons.length > 0 && lessons.every((l) => isLessonComplete(progress, l.id));
}

export interface ResumePoint {
  lessonId: string;
  cardIndex: number;
}

/**
 * Where "Continue" goes: the saved lesson and card if that lesson is still open and not complete,
 * else the first lesson not complete, from its start. null when the path is complete.
 */
export function resumePoint(lessons: readonly Lesson[], progress: OnboardingProgress): ResumePoint | null {
  const saved = progress.currentLessonId;
  const lesson = saved !== null ? lessons.find((l) => l.id === saved) : undefined;
  if (lesson && !isLessonComplete(progress, lesson.id) && isLessonUnlocked(lessons, progress, lesson.id)) {
    return { lessonId: lesson.id, cardIndex: Math.min(Math.max(progress.cardIndex, 0), Math.max(lesson.items.length - 1, 0)) };
  }
  const next = lessons.find((l) => !isLessonComplete(progress, l.id));
  return next ? { lessonId: next.id, cardIndex: 0 } : null;
}

/** The lesson after `lessonId` on the path (null after the last). */
export function nextLessonId(lessons: readonly Lesson[], lessonId: string): string | null {
  const index = lessons.findIndex((l) => l.id === lessonId);
  return index >= 0 ? (lessons[index + 1]?.id ?? null) : null;
}

export interface SummaryLine {
  lesson: Lesson;
  result: LessonResult | null;
  /** 0..100 of the passing check; null when not complete. */
  percent: number | null;
}

export interface CompletionSummary {
  complete: boolean;
  lines: SummaryLine[];
  completedLessons: number;
  totalLessons: number;
  /** Right answers / questions over every passing check. */
  score: number;
  total: number;
  /** Sum of the lessons' time. */
  timeSpentMs: number;
  /** When the last lesson was completed (null while incomplete). */
  completedAt: number | null;
  startedAt: number | null;
}

export function completionSummary(lessons: readonly Lesson[], progress: OnboardingProgress): CompletionSummary {
  const lines = lessons.map((lesson): SummaryLine => {
    const result = isLessonComplete(progress, lesson.id) ? (progress.results[lesson.id] ?? null) : null;
    return { lesson, result, percent: result ? (result.total === 0 ? 100 : Math.round((result.score / result.total) * 100)) : null };
  });
  const results = lines.flatMap((l) => (l.result ? [l.result] : []));
  const complete = isPathComplete(lessons, progress);
  return {
    complete,
    lines,
    completedLessons: lines.filter((l) => isLessonComplete(progress, l.lesson.id)).length,
    totalLessons: lessons.length,
    score: results.reduce((a, r) => a + r.score, 0),
    total: results.reduce((a, r) => a + r.total, 0),
    timeSpentMs: results.reduce((a, r) => a + r.durationMs, 0),
    completedAt: complete && results.length > 0 ? Math.max(...results.map((r) => r.completedAt)) : null,
    startedAt: progress.startedAt,
  };
}
