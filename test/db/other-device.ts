// Two devices for the merge tests (append-merge, deferred-states): a seeded database with three
// cards, and another device's ratings of them to pull. Each test file passes its own list of open
// databases, closed after each test.
import { readAllEvents } from '../../src/db/events';
import { rateCard } from '../../src/db/reviews';
import type { KujiraDB } from '../../src/db/schema';
import type { RatingEvent } from '../../src/domain/events/types';
import type { Grade } from '../../src/domain/scheduler/types';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { createSeededTestDb } from './helpers';

export const NOW = Date.parse('2026-11-27T12:00:00Z');
export const HOUR = 3_600_000;
export const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
export const SOURCE = 'https://couch.example.org/kujira-alice';

/** A device with the seeded deck's three cards, added to `open`. */
export async function device(open: KujiraDB[]) {
  const { db, deck } = await createSeededTestDb(3, NOW);
  open.push(db);
  return { db, cards: deck.cards.map((c) => c.id) };
}

/** Another device's log: `rounds` ratings of each of its three cards, one hour apart, in time order. */
export async function otherDevicesRatings(open: KujiraDB[], rounds: number): Promise<{ events: RatingEvent[]; cards: string[] }> {
  const { db, cards } = await device(open);
  let t = NOW;
  for (let k = 0; k < rounds; k++) {
    for (const id of cards.slice(0, 3)) {
      t += HOUR;
      await rateCard(db, id, (((k * 3) % 4) + 1) as Grade, t, 2000, { settings });
    }
  }
  const events = (await readAllEvents(db)).filter((e): e is RatingEvent => e.type === 'rating');
  return { events: events.sort((a, b) => a.reviewedAt - b.reviewedAt), cards };
}
