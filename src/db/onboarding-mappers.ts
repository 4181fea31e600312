// Rows <-> domain for onboarding progress: how a deck's lessons passed and where to resume are laid
// out in IndexedDB. Apart from db/mappers.ts, which the first visit loads: the progress rules
// (domain/onboarding/progress.ts) come only with the screens that read progress. Private to src/db.
import { emptyProgress, type LessonResult, type OnboardingProgress } from '../domain/onboarding/progress';
import type { OnboardingRow } from './schema';

/** The progress fields a row may hold (rows from v2 on hold them all; older backups may not). */
interface OnboardingProgressRow extends OnboardingRow {
  cardIndex: number;
  results: Record<string, LessonResult>;
  unlockAll: boolean;
  startedAt: number | null;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function lessonResultFromRow(lessonId: string, x: unknown): LessonResult | null {
  if (!x || typeof x !== 'object') return null;
  const r = x as Partial<LessonResult>;
  if (!isNumber(r.score) || !isNumber(r.total) || !isNumber(r.completedAt)) return null;
  return {
    lessonId,
    score: r.score,
    total: r.total,
    durationMs: isNumber(r.durationMs) ? r.durationMs : 0,
    completedAt: r.completedAt,
    attempts: isNumber(r.attempts) ? r.attempts : 1,
  };
}

/** A stored row (possibly from an older build or a backup holding only OnboardingRow) as progress. */
export function progressFromRow(deckId: string, row: OnboardingRow | undefined): OnboardingProgress {
  if (!row) return emptyProgress(deckId);
  const extra = row as Partial<OnboardingProgressRow>;
  const results: Record<string, LessonResult> = {};
  if (extra.results && typeof extra.results === 'object') {
    for (const [id, value] of Object.entries(extra.results)) {
      const r = lessonResultFromRow(id, value);
      if (r) results[id] = r;
    }
  }
  return {
    deckId,
    completed: Array.isArray(row.completed) ? row.completed.filter((x): x is string => typeof x === 'string') : [],
    results,
    currentLessonId: typeof row.currentLessonId === 'string' ? row.currentLessonId : null,
    cardIndex: isNumber(extra.cardIndex) ? Math.max(0, Math.floor(extra.cardIndex)) : 0,
    unlockAll: extra.unlockAll === true,
    startedAt: isNumber(extra.startedAt) ? extra.startedAt : null,
    updatedAt: isNumber(row.updatedAt) ? row.updatedAt : 0,
  };
}

export function progressToRow(p: OnboardingProgress): OnboardingProgressRow {
  return {
    deckId: p.deckId,
    completed: [...p.completed],
    currentLessonId: p.currentLessonId,
    updatedAt: p.updatedAt,
    cardIndex: p.cardIndex,
    results: { ...p.results },
    unlockAll: p.unlockAll,
    startedAt: p.startedAt,
  };
}
