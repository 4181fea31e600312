// The merge rules as pure functions: union by id, deterministic conflicts, onboarding progress,
// settings kept, suspensions united; merging is commutative and idempotent (property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBackup, backupChecksum, type BackupReviewEntry } from '../../../src/domain/backup/format';
import { mergeOnboarding, planImport, unionById, type CurrentProgress } from '../../../src/domain/backup/merge';
import { stableStringify } from '../../../src/domain/backup/format';
import { DEFAULT_PARAMS } from '../../../src/domain/scheduler/params';

const NOW = Date.parse('2026-11-27T12:00:00Z');

const entry = (id: string, cardId = 'c1', reviewedAt = NOW): BackupReviewEntry => ({
  id,
  cardId,
  deckId: 'd',
  rating: 3,
  reviewedAt,
  durationMs: 1000,
  dayKey: '2026-11-27',
  timeZone: 'UTC',
  dayStartHour: 4,
  params: { ...DEFAULT_PARAMS, learningSteps: [...DEFAULT_PARAMS.learningSteps], relearningSteps: [...DEFAULT_PARAMS.relearningSteps] },
  prevState: 'new',
  nextState: 'learning',
  scheduledDays: 0,
  due: reviewedAt + 600_000,
});

const current = (o: Partial<CurrentProgress> = {}): CurrentProgress => ({
  reviewLog: new Map(),
  quizResults: new Map(),
  onboarding: new Map(),
  hasSettings: true,
  knownCards: new Set(['c1', 'c2']),
  suspended: new Set(),
  ...o,
});

const content = { reviewLog: [] as BackupReviewEntry[], settings: null, quizResults: [], onboarding: [], suspended: [] as string[], deckVersions: {} };

describe('planImport', () => {
  it('adds unknown entries, skips known ones, counts entries of cards not on this device', () => {
    const b = buildBackup({ ...content, reviewLog: [entry('e2', 'c2'), entry('e1'), entry('e3', 'elsewhere')] }, NOW);
    const plan = planImport(current({ reviewLog: new Map([['e1', entry('e1')]]) }), b);
    expect(plan).toMatchObject({ addedReviews: 2, knownReviews: 1, unknownCardReviews: 1, replacedReviews: 0, isEmpty: false });
    expect(plan.reviewsToPut.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(plan.affectedCards).toEqual(['c2', 'elsewhere']);
  });

  it('keeps local settings, or adopts the backup\'s when this device has none', () => {
    const settings = { language: 'ja' as const, showBothLanguages: true, desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, newPerDay: 10, maxReviewsPerDay: 100, dayStartHour: 5, theme: 'dark' as const, timeZone: null };
    const b = buildBackup({ ...content, settings }, NOW);
    expect(planImport(current(), b).settingsToPut).toBeNull();
    expect(planImport(current({ hasSettings: false }), b).settingsToPut).toEqual(settings);
  });

  it('suspends known cards suspended in the backup, once', () => {
    const b = buildBackup({ ...content, suspended: ['c1', 'c1', 'c2', 'gone'] }, NOW);
    expect(planImport(current({ suspended: new Set(['c2']) }), b).toSuspend).toEqual(['c1']);
  });
});

describe('merge rules', () => {
  it('onboarding: completed lessons united, current lesson from the more recent row', () => {
    const a = { deckId: 'd', completed: ['s0', 's1'], currentLessonId: 's2', updatedAt: 10 };
    const b = { deckId: 'd', completed: ['s3'], currentLessonId: 's4', updatedAt: 20 };
    expect(mergeOnboarding(a, b)).toEqual({ deckId: 'd', completed: ['s3', 's0', 's1'], currentLessonId: 's4', updatedAt: 20 });
    expect(mergeOnboarding(b, a)).toEqual(mergeOnboarding(a, b));
    expect(mergeOnboarding(undefined, a)).toBe(a);
  });

  it('the checksum ignores key order but not values', () => {
    const e = entry('x');
    const reordered = Object.fromEntries(Object.entries(e).reverse()) as unknown as BackupReviewEntry;
    const c = (r: BackupReviewEntry) => backupChecksum({ ...content, reviewLog: [r], exportedAt: 'x' });
    expect(c(reordered)).toBe(c(e));
    expect(c({ ...e, rating: 4 })).not.toBe(c(e));
  });

  it('union by id is commutative, associative and idempotent, conflicts included (property)', () => {
    const arbEntry = fc
      .record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), t: fc.integer({ min: 0, max: 5 }), card: fc.constantFrom('c1', 'c2') })
      .map(({ id, t, card }) => entry(id, card, NOW + t));
    const norm = (xs: BackupReviewEntry[]) => xs.map(stableStringify).sort();
    const uniq = (xs: BackupReviewEntry[]) => unionById([], xs);
    fc.assert(
      fc.property(fc.array(arbEntry), fc.array(arbEntry), fc.array(arbEntry), (x, y, z) => {
        const [a, b, c] = [uniq(x), uniq(y), uniq(z)];
        expect(norm(unionById(a, b))).toEqual(norm(unionById(b, a)));
        expect(norm(unionById(unionById(a, b), c))).toEqual(norm(unionById(a, unionById(b, c))));
        expect(norm(unionById(unionById(a, b), b))).toEqual(norm(unionById(a, b)));
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
