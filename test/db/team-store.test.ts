// What the team summary reads of this device (src/db/team-store.ts): how many of the learner's
// events it holds, a count that only grows (an undo is one more event, never one less), so a
// summary from a device that holds less of the history never replaces one that holds more (issue 26).
import { describe, expect, it } from 'vitest';
import { rateCard, undoLastRating } from '../../src/db/reviews';
import { readSummarySource } from '../../src/db/team-store';
import { summarize } from '../../src/domain/team/summarize';
import { createSeededTestDb } from './helpers';

const NOW = Date.UTC(2026, 10, 10, 12, 0, 0);

describe('readSummarySource', () => {
  it('counts the events this device holds: ratings, and an undo as one more', async () => {
    const { db, deck } = await createSeededTestDb(2, NOW);
    const before = (await readSummarySource(db, [deck.id], NOW + 180_000)).events;
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 4000);
    await rateCard(db, deck.cards[1]!.id, 1, NOW + 60_000, 4000);
    expect((await readSummarySource(db, [deck.id], NOW + 180_000)).events).toBe(before + 2);
    await undoLastRating(db, NOW + 120_000);
    const after = await readSummarySource(db, [deck.id], NOW + 180_000);
    expect(after.log).toHaveLength(1);
    expect(after.events).toBe(before + 3);
    db.close();
  });

  it('reads the ratings of the last weeks, and the whole log only when none is in the 30 days', async () => {
    const { db, deck } = await createSeededTestDb(3, NOW);
    const [a, b, c] = deck.cards.map((card) => card.id);
    const DAY = 86_400_000;
    await rateCard(db, a!, 3, NOW - 200 * DAY, 4000);
    await rateCard(db, b!, 3, NOW - 40 * DAY, 4000);
    await rateCard(db, c!, 1, NOW - 2 * DAY, 4000);
    const active = await readSummarySource(db, [deck.id], NOW);
    expect(active.log.map((e) => e.cardId)).toEqual([c]);
    expect(summarize({ member: 'ana', now: NOW, day: active.day, decks: [{ deck, lessonsPassed: [] }], states: active.states, log: active.log, events: active.events })).toMatchObject({
      lastActiveAt: NOW - 2 * DAY,
      reviews30: 1,
    });
    // 45 days later nothing is in the 30 days: "last active" is the latest rating, read from the whole log.
    const later = NOW + 45 * DAY;
    const inactive = await readSummarySource(db, [deck.id], later);
    expect(inactive.log.map((e) => e.cardId).sort()).toEqual([a, b, c].sort());
    expect(summarize({ member: 'ana', now: later, day: inactive.day, decks: [{ deck, lessonsPassed: [] }], states: inactive.states, log: inactive.log, events: inactive.events })).toMatchObject({
      lastActiveAt: NOW - 2 * DAY,
      reviews30: 0,
    });
    db.close();
  });
});
