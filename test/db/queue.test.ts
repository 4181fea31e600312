// Today's queue from the database, the next due time, the streak, and settings.
import { afterEach, describe, expect, it } from 'vitest';
import { getNextDue, getStreak, getTodayQueue } from '../../src/db/queue';
import { rateCard, suspendCard } from '../../src/db/reviews';
import { installDecks } from '../../src/db/install-decks';
import { getSettings, updateSettings } from '../../src/db/settings';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import type { KujiraDB } from '../../src/db/schema';
import { createDeck } from '../factories';
import { createTestDb } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
let db: KujiraDB;
afterEach(() => db?.close());

describe('getTodayQueue', () => {
  it('offers new cards in section order, one direction per command, up to the daily limit', async () => {
    db = createTestDb();
    const deck = createDeck({ commands: 30, sectionCount: 3 });
    // Shuffle section orders: sec-2 comes first in the memo.
    deck.sections = deck.sections.map((s) => ({ ...s, order: s.id === 'sec-2' ? -1 : s.order }));
    await installDecks(db, [deck], NOW);
    const q = await getTodayQueue(db, NOW, settings);
    expect(q.counts).toEqual({ new: 20, learning: 0, review: 0 });
    const cards = new Map(deck.cards.map((c) => [c.id, c]));
    const keys = q.items.map((i) => cards.get(i.cardId)!.key);
    expect(new Set(keys).size).toBe(20);
    expect(q.items.slice(0, 10).every((i) => cards.get(i.cardId)!.sectionId === 'sec-2')).toBe(true);
    expect(q.dayKey).toBe('2026-11-27');
    expect(q.endOfDay).toBe(Date.parse('2026-11-28T04:00:00Z'));
  });

  it('counts what was done today against the limits, and skips siblings of cards introduced today', async () => {
    db = createTestDb();
    const deck = createDeck({ commands: 5, sectionCount: 1 });
    await installDecks(db, [deck], NOW);
    const s = { ...settings, newPerDay: 3 };
    const first = deck.cards[0]!; // cmd-0, command-meaning
    await rateCard(db, first.id, 3, NOW, 1, { settings: s });
    const q = await getTodayQueue(db, NOW + MIN, s);
    expect(q.counts.new).toBe(2);
    const newIds = q.items.filter((i) => i.state === 'new').map((i) => i.cardId);
    expect(newIds).not.toContain(deck.cards[1]!.id); // cmd-0, meaning-command
    // The learning card (10-minute step) is within the learn-ahead window: counted, shown last.
    expect(q.counts.learning).toBe(1);
    expect(q.items.at(-1)!.cardId).toBe(first.id);
    expect(q.nextLearningDue).toBeNull();
    const later = await getTodayQueue(db, NOW + 10 * MIN, s);
    expect(later.items[0]!.cardId).toBe(first.id);
    expect(later.counts.learning).toBe(1);
    // Next study day: the sibling may come as new.
    const tomorrow = await getTodayQueue(db, NOW + DAY, s);
    expect(tomorrow.items.map((i) => i.cardId)).toContain(deck.cards[1]!.id);
  });

  it('shows reviews due today, up to the review limit, before new cards', async () => {
    db = createTestDb();
    const deck = createDeck({ commands: 6, sectionCount: 1 });
    await installDecks(db, [deck], NOW);
    const even = deck.cards.filter((_, i) => i % 2 === 0);
    for (const c of even) await rateCard(db, c.id, 4, NOW, 1, { settings }); // Easy: straight to review
    const far = NOW + 30 * DAY;
    const q = await getTodayQueue(db, far, { ...settings, maxReviewsPerDay: 2, newPerDay: 1 });
    expect(q.counts).toEqual({ new: 1, learning: 0, review: 2 });
    expect(q.items.slice(0, 2).every((i) => i.state === 'review')).toBe(true);
    expect(q.items[2]!.state).toBe('new');
  });

  it('uses the stored settings and the local study day when none are passed', async () => {
    db = createTestDb();
    await installDecks(db, [createDeck({ commands: 3 })], NOW);
    await updateSettings(db, { timeZone: 'Asia/Tokyo', newPerDay: 2 }, NOW);
    const q = await getTodayQueue(db, Date.parse('2026-11-27T18:59:00Z'));
    expect(q.dayKey).toBe('2026-11-27');
    expect(q.counts.new).toBe(2);
    expect(q.endOfDay).toBe(Date.parse('2026-11-27T19:00:00Z'));
  });

  it('can be limited to one deck', async () => {
    db = createTestDb();
    await installDecks(db, [createDeck({ id: 'a', commands: 2 }), createDeck({ id: 'b', commands: 2 })], NOW);
    const q = await getTodayQueue(db, NOW, settings, { deckId: 'b' });
    expect(q.items.every((i) => i.deckId === 'b')).toBe(true);
    expect(q.counts.new).toBe(2);
  });
});

describe('getNextDue', () => {
  it('is the earliest learning or review due, ignoring suspended cards', async () => {
    db = createTestDb();
    const deck = createDeck({ commands: 2 });
    await installDecks(db, [deck], NOW);
    expect(await getNextDue(db)).toBeNull();
    await rateCard(db, deck.cards[0]!.id, 4, NOW, 1, { settings });
    const review = (await db.cardStates.get(deck.cards[0]!.id))!.due;
    expect(await getNextDue(db)).toBe(review);
    await rateCard(db, deck.cards[2]!.id, 1, NOW, 1, { settings });
    expect(await getNextDue(db)).toBe(NOW + MIN);
    await suspendCard(db, deck.cards[2]!.id, NOW);
    expect(await getNextDue(db)).toBe(review);
  });
});

describe('getStreak', () => {
  it('counts local study days in a row with reviews, still running until today ends', async () => {
    db = createTestDb();
    const deck = createDeck({ commands: 4 });
    await installDecks(db, [deck], NOW);
    const tz = 'Asia/Tokyo';
    const s = { ...settings, timeZone: tz };
    expect(await getStreak(db, NOW, tz, 4)).toBe(0);
    // Study days 11-25, 11-26 (at 02:00 JST on 11-27, still day 11-26) and 11-27.
    await rateCard(db, deck.cards[0]!.id, 3, Date.parse('2026-11-25T03:00:00Z'), 1, { settings: s });
    await rateCard(db, deck.cards[1]!.id, 3, Date.parse('2026-11-26T17:00:00Z'), 1, { settings: s });
    expect(await getStreak(db, Date.parse('2026-11-27T03:00:00Z'), tz, 4)).toBe(2); // today not yet studied
    await rateCard(db, deck.cards[2]!.id, 3, Date.parse('2026-11-27T03:00:00Z'), 1, { settings: s });
    expect(await getStreak(db, Date.parse('2026-11-27T04:00:00Z'), tz, 4)).toBe(3);
    expect(await getStreak(db, Date.parse('2026-11-29T04:00:00Z'), tz, 4)).toBe(0);
  });
});

describe('settings', () => {
  it('defaults, persists and clamps', async () => {
    db = createTestDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    const s = await updateSettings(db, { language: 'ja', desiredRetention: 0.99, dayStartHour: 30, theme: 'dark', timeZone: 'Bogus/Zone' }, NOW);
    expect(s).toMatchObject({ language: 'ja', desiredRetention: 0.97, dayStartHour: 23, theme: 'dark', timeZone: null });
    expect(await getSettings(db)).toEqual(s);
    expect((await updateSettings(db, { timeZone: 'Europe/London', showBothLanguages: true }, NOW)).timeZone).toBe('Europe/London');
    expect((await getSettings(db)).language).toBe('ja');
  });
});
