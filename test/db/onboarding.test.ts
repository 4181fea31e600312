// Onboarding progress in IndexedDB: completing a lesson is one transaction (result and first
// ratings together, or nothing), after which the lesson's cards are in today's review; resume
// point, unlock-all and the welcome flag persist.
import { afterEach, describe, expect, it } from 'vitest';
import {
  completeLesson,
  getOnboardingProgress,
  getWelcomeSeen,
  saveResumePoint,
  setUnlockAll,
  setWelcomeSeen,
  type LessonCompletion,
} from '../../src/db/onboarding';
import { getTodayQueue } from '../../src/db/queue';
import { rateCard } from '../../src/db/reviews';
import { updateSettings } from '../../src/db/settings';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { installDecks } from '../../src/db/install-decks';
import { progressFromRow } from '../../src/db/onboarding-mappers';
import type { KujiraDB } from '../../src/db/schema';
import type { Deck } from '../../src/domain/deck/types';
import { buildLessons, type Lesson } from '../../src/domain/onboarding/lessons';
import { createDeck } from '../factories';
import { createTestDb, dump, writeSpy } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const MIN = 60_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
let db: KujiraDB;
afterEach(() => db?.close());

async function seeded(): Promise<{ deck: Deck; lesson: Lesson }> {
  const deck = createDeck({ commands: 6, sectionCount: 2 });
  await installDecks(db, [deck], NOW);
  await updateSettings(db, { timeZone: 'UTC' }, NOW);
  return { deck, lesson: buildLessons(deck)[0] as Lesson };
}

function completionOf(lesson: Lesson, wrongCardId?: string): LessonCompletion {
  return {
    score: 3,
    total: 3,
    durationMs: 90_000,
    attempts: 1,
    grades: lesson.cards.map((c) => ({ cardId: c.id, grade: c.key === lesson.cards.find((x) => x.id === wrongCardId)?.key ? 1 : 3, durationMs: 0 })),
    nextLessonId: 'sec-1',
  };
}

describe('completeLesson', () => {
  it('records the result, moves the path on and rates every new card of the lesson', async () => {
    db = createTestDb();
    const { lesson } = await seeded();
    const { progress, introduced } = await completeLesson(db, 'deck', lesson.id, completionOf(lesson, lesson.cards[0]?.id), NOW);
    expect(introduced).toBe(lesson.cards.length);
    expect(progress).toMatchObject({ completed: ['sec-0'], currentLessonId: 'sec-1', cardIndex: 0, startedAt: NOW });
    expect(await getOnboardingProgress(db, 'deck')).toEqual(progress);
    expect(progress.results['sec-0']).toEqual({ lessonId: 'sec-0', score: 3, total: 3, durationMs: 90_000, completedAt: NOW, attempts: 1 });

    const log = await db.reviewLog.toArray();
    expect(log.map((e) => e.cardId).sort()).toEqual(lesson.cards.map((c) => c.id).sort());
    const wrongKey = lesson.cards[0]?.key;
    for (const e of log) {
      expect(e.prevState).toBe('new');
      expect(e.rating).toBe(lesson.cards.find((c) => c.id === e.cardId)?.key === wrongKey ? 1 : 3);
    }
  });

  it('puts the lesson cards in today\'s review at once: learning cards within the learn-ahead window', async () => {
    db = createTestDb();
    const { lesson } = await seeded();
    await completeLesson(db, 'deck', lesson.id, completionOf(lesson), NOW);
    const lessonIds = lesson.cards.map((c) => c.id).sort();

    const rightAway = await getTodayQueue(db, NOW, settings, { deckId: 'deck' });
    // Due within ten minutes, so counted in today's review right away (as learning, not new).
    expect(rightAway.items.filter((i) => lessonIds.includes(i.cardId)).map((i) => i.state)).toEqual(lessonIds.map(() => 'learning'));
    expect(rightAway.counts.learning).toBe(lesson.cards.length);

    const later = await getTodayQueue(db, NOW + 10 * MIN, settings, { deckId: 'deck' });
    expect(later.items.filter((i) => i.state === 'learning').map((i) => i.cardId).sort()).toEqual(lessonIds);
    expect(later.counts.learning).toBe(lesson.cards.length);
    expect(later.dayKey).toBe(rightAway.dayKey);
  });

  it('writes nothing when a write of the transaction throws', async () => {
    db = createTestDb();
    let fail = false;
    db.use(writeSpy((table) => {
      if (fail && table === 'onboarding') throw new Error('disk on fire');
    }));
    const { lesson } = await seeded();
    await saveResumePoint(db, 'deck', lesson.id, 2, NOW - MIN);
    const before = await dump(db);
    fail = true;
    await expect(completeLesson(db, 'deck', lesson.id, completionOf(lesson), NOW)).rejects.toThrow('disk on fire');
    fail = false;
    expect(await dump(db)).toEqual(before);
    expect(await db.reviewLog.count()).toBe(0);
  });

  it('leaves cards already met in the review alone and keeps the first result', async () => {
    db = createTestDb();
    const { lesson } = await seeded();
    const met = lesson.cards[0]?.id as string;
    await rateCard(db, met, 4, NOW - 60 * MIN, 1000, { settings });
    const first = await completeLesson(db, 'deck', lesson.id, completionOf(lesson), NOW);
    expect(first.introduced).toBe(lesson.cards.length - 1);
    const again = await completeLesson(db, 'deck', lesson.id, { ...completionOf(lesson), score: 2 }, NOW + MIN);
    expect(again.introduced).toBe(0);
    expect(again.progress.completed).toEqual(['sec-0']);
    expect(again.progress.results['sec-0']?.score).toBe(3);
    expect(await db.reviewLog.count()).toBe(lesson.cards.length);
  });
});

describe('progress rows', () => {
  it('persist the resume point and unlock-all', async () => {
    db = createTestDb();
    expect(await getOnboardingProgress(db, 'deck')).toMatchObject({ completed: [], currentLessonId: null, cardIndex: 0, unlockAll: false });
    await saveResumePoint(db, 'deck', 'sec-1', 3, NOW);
    await setUnlockAll(db, 'deck', true, NOW + 1);
    expect(await getOnboardingProgress(db, 'deck')).toMatchObject({ currentLessonId: 'sec-1', cardIndex: 3, unlockAll: true, startedAt: NOW, updatedAt: NOW + 1 });
  });

  it('reads a row holding only the schema fields (an older build or a backup)', () => {
    expect(progressFromRow('docker', { deckId: 'docker', completed: ['uses'], currentLessonId: 'memo', updatedAt: 5 })).toEqual({
      deckId: 'docker', completed: ['uses'], results: {}, currentLessonId: 'memo', cardIndex: 0, unlockAll: false, startedAt: null, updatedAt: 5,
    });
  });

  it('keep the welcome flag as an app flag, not as a deck row', async () => {
    db = createTestDb();
    expect(await getWelcomeSeen(db)).toBe(false);
    await setWelcomeSeen(db, true, NOW);
    expect(await getWelcomeSeen(db)).toBe(true);
    expect(await db.appFlags.get('welcomeSeen')).toEqual({ id: 'welcomeSeen', value: true, updatedAt: NOW });
    expect(await db.onboarding.count()).toBe(0);
    await setWelcomeSeen(db, false, NOW + 1);
    expect(await getWelcomeSeen(db)).toBe(false);
  });
});
