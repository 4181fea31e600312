// Shared set-up for the backup tests: a database with decks, ratings, quiz results, onboarding
// and settings, and a comparable view of the progress in it.
import { completeLesson } from '../../src/db/onboarding';
import { saveQuizResult } from '../../src/db/quiz-results';
import { rateCard, suspendCard } from '../../src/db/reviews';
import { updateSettings } from '../../src/db/settings';
import type { AnswerRecord } from '../../src/domain/quiz/answer-record';
import { installDecks } from '../../src/db/install-decks';
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
  await installDecks(db, [testDeck()], NOW);
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

/** One answered question as the quiz feature records it. */
export function answerRecord(overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    questionId: 'q-1', cardId: testDeck().cards[0]!.id, questionType: 'choice', prompt: 'docker ps?', response: 1,
    yourAnswer: 'list containers', rightAnswer: 'list containers', correct: true, markedRightByUser: false, timedOut: false,
    shownAt: 1000, answeredAt: 4000, elapsedMs: 3000, typed: null, ...overrides,
  };
}

/** A database with some of everything, every piece made through the app's own writes. */
export async function populatedDb(name = 'kujira-a'): Promise<KujiraDB> {
  const db = await freshDb(name);
  await updateSettings(db, { ...TOKYO, theme: 'dark' }, NOW - 30 * DAY);
  await rateSeries(db, 0, [3, 3, 1, 3], NOW - 20 * DAY, 'a0');
  await rateSeries(db, 3, [4, 3], NOW - 10 * DAY, 'a3');
  await saveQuizResult(db, { id: 'q1', mode: 'sprint', deckId: 'deck', finishedAt: NOW - 5 * DAY + 60_000, durationMs: 60_000, score: 1, items: [answerRecord()] });
  await saveQuizResult(db, { id: 'q2', mode: 'exam', deckId: 'deck', finishedAt: NOW - DAY, durationMs: 0, score: 0, items: [] });
  await completeLesson(db, 'deck', 'sec-0', { score: 3, total: 4, durationMs: 90_000, attempts: 1, grades: [], nextLessonId: 'sec-1' }, NOW - DAY);
  await suspendCard(db, testDeck().cards[5]!.id, NOW - 2 * DAY);
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
    // The resume point is this device's place in the path, not part of the merged record.
    onboarding: sortBy('deckId')(d.onboarding!).map((r) => ({ ...(r as object), currentLessonId: null })),
    events: sortBy('id')(d.events!),
    voidedRatings: sortBy('id')(d.voidedRatings!),
    settings: d.settings,
  };
}
