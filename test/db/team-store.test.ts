// What the team summary reads of this device (src/db/team-store.ts): how many of the learner's
// events it holds, a count that only grows (an undo is one more event, never one less), so a
// summary from a device that holds less of the history never replaces one that holds more (issue 26).
import { describe, expect, it } from 'vitest';
import { rateCard, undoLastRating } from '../../src/db/reviews';
import { readSummarySource } from '../../src/db/team-store';
import { createSeededTestDb } from './helpers';

const NOW = Date.UTC(2026, 10, 10, 12, 0, 0);

describe('readSummarySource', () => {
  it('counts the events this device holds: ratings, and an undo as one more', async () => {
    const { db, deck } = await createSeededTestDb(2, NOW);
    const before = (await readSummarySource(db, [deck.id])).events;
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 4000);
    await rateCard(db, deck.cards[1]!.id, 1, NOW + 60_000, 4000);
    expect((await readSummarySource(db, [deck.id])).events).toBe(before + 2);
    await undoLastRating(db, NOW + 120_000);
    const after = await readSummarySource(db, [deck.id]);
    expect(after.log).toHaveLength(1);
    expect(after.events).toBe(before + 3);
    db.close();
  });
});
