// Shared set-up for the backup tests: a database with decks, ratings, quiz results, onboarding
// and settings, and a comparable view of the progress in it.
import { rateCard } from '../../src/db/reviews';
import { syncDecks } from '../../src/db/sync-decks';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings/settings';
import type { KujiraDB } from '../../src/db/schema';
import type { Deck } from '../../src/domain/deck/types';
import type { Grade } from '../../src/domain/scheduler/types';
import { createDeck } from '../factories';
import { createTestDb, dump } from './helpers';

export const NOW = Date.parse('2026-11-27T12:00:00Z');
export const MIN = 60_000;
export const DAY = 86_400_000;
export const TOKYO: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };

export function testDeck(): Deck {
  return createDeck({ commands: 6, sectionCount: 2 });
}

/** A fresh database holding the test deck (synced at NOW). */
export async function freshDb(name = 'kujira-test'): Promise<KujiraDB> {
  const db = createTestDb(name);
  await syncDecks(db, [testDeck()], NOW);
  return db;
}

/** Rate `cardIndex` with each rating, a day apart from `start`. Entry ids are `${prefix}-n`. */
export async function rateSeries(db: KujiraDB, cardIndex: number, ratings: Grade[], start: number, prefix: string, settings: Settings = TOKYO) {
  const id = testDeck().cards[cardIndex]!.id;
  let t = start;
  for (let i = 0; i < ratings.length; i++) {
    await rateCard(db, id, ratings[i]!, t, 3000, { id: `${prefix}-${i}`, settings });
    t += ratings[i] === 1 ? 10 * MIN : 2 * DAY;
  }
}

/** A database with some of everything. */
export async function populatedDb(name = 'kujira-a'): Promise<KujiraDB> {
  const db = await freshDb(name);
  await db.settings.put({ id: 'settings', ...TOKYO, theme: 'dark' });
  await rateSeries(db, 0, [3, 3, 1, 3], NOW - 20 * DAY, 'a0');
  await rateSeries(db, 3, [4, 3], NOW - 10 * DAY, 'a3');
  await db.quizResults.bulkPut([
    { id: 'q1', mode: 'sprint', deckId: 'deck', startedAt: NOW - 5 * DAY, finishedAt: NOW - 5 * DAY + 60_000, score: 7, total: 10, questions: [{ q: 'x', a: ['y'] }] },
    { id: 'q2', mode: 'exam', deckId: 'deck', startedAt: NOW - DAY, finishedAt: null, score: 0, total: 0, questions: [] },
  ]);
  await db.onboarding.put({ deckId: 'deck', completed: ['sec-0'], currentLessonId: 'sec-1', updatedAt: NOW - DAY });
  const suspendId = testDeck().cards[5]!.id;
  const row = (await db.cardStates.get(suspendId))!;
  await db.cardStates.put({ ...row, suspended: true, queue: -1 });
  return db;
}

/** The progress tables, each sorted by key, for deep comparisons. */
export async function progressOf(db: KujiraDB) {
  const d = await dump(db);
  const sortBy = (k: string) => (rows: unknown[]) =>
    [...rows].sort((a, b) => String((a as Record<string, unknown>)[k]).localeCompare(String((b as Record<string, unknown>)[k])));
  return {
    reviewLog: sortBy('id')(d.reviewLog!),
    cardStates: sortBy('cardId')(d.cardStates!),
    quizResults: sortBy('id')(d.quizResults!),
    onboarding: sortBy('deckId')(d.onboarding!),
  };
}
