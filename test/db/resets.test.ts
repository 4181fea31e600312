// Sending cards back to learning (a memo update changed what they teach): a reset event, the card
// new again, its ratings kept; every replay (rebuild, undo, import, a deck re-sync) starts after
// the reset; a backup carries the reset, and a file without resets is the file it always was.
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../src/db/backup/export';
import { importBackup } from '../../src/db/backup/import';
import { readAllEvents } from '../../src/db/events';
import { rateCard, rebuildAllStates, resetCards, undoLastRating } from '../../src/db/reviews';
import type { KujiraDB } from '../../src/db/schema';
import { installDecks } from '../../src/db/install-decks';
import { BACKUP_FORMAT, buildBackup } from '../../src/domain/backup/format';
import { Hasher } from '../../src/domain/backup/hasher';
import { canonicalEvent, stableStringify } from '../../src/domain/events/canonical';
import { foldEvents } from '../../src/domain/events/fold';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { createSeededTestDb, createTestDb } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const dbs: KujiraDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function studied() {
  const { db, deck } = await createSeededTestDb(3, NOW);
  dbs.push(db);
  const id = deck.cards[0]!.id;
  await rateCard(db, id, 3, NOW, 1000, { settings });
  await rateCard(db, id, 3, NOW + DAY, 1000, { settings });
  await rateCard(db, id, 3, NOW + 4 * DAY, 1000, { settings });
  return { db, deck, id };
}

describe('resetCards', () => {
  it('makes the card new again and keeps its ratings; rebuild, a new rating and undo start from the reset', async () => {
    const { db, id } = await studied();
    expect((await db.cardStates.get(id))?.state).toBe('review');
    expect(await resetCards(db, [id], NOW + 5 * DAY)).toBe(1);
    expect(await db.cardStates.get(id)).toMatchObject({ state: 'new', reps: 0, queue: 0 });
    expect(await db.reviewLog.where('cardId').equals(id).count()).toBe(3);
    expect((await db.events.where('type').equals('reset').toArray()).map((e) => (e as { cardId: string }).cardId)).toEqual([id]);
    // A rebuild from the log keeps the reset.
    expect(await rebuildAllStates(db)).toBe(0);
    // Rated after the reset: a first rating, as for a new card.
    const r = await rateCard(db, id, 3, NOW + 5 * DAY + 1000, 1000, { settings });
    expect(r.state).toMatchObject({ state: 'learning', reps: 1 });
    // Undo goes back to the reset card, not to its state before the reset.
    await undoLastRating(db, NOW + 5 * DAY + 2000);
    expect(await db.cardStates.get(id)).toMatchObject({ state: 'new', reps: 0 });
  });

  it('skips a card never studied: nothing to learn again', async () => {
    const { db, deck } = await studied();
    expect(await resetCards(db, [deck.cards[1]!.id], NOW)).toBe(0);
    expect(await db.events.where('type').equals('reset').count()).toBe(0);
  });

  it('travels in a backup: the importing device starts the card again too', async () => {
    const { db, deck, id } = await studied();
    await resetCards(db, [id], NOW + 5 * DAY);
    await rateCard(db, id, 4, NOW + 6 * DAY, 1000, { settings });
    const file = await exportBackup(db, NOW + 7 * DAY);
    expect(file.backup.resets?.map((e) => e.cardId)).toEqual([id]);
    const other = createTestDb('other-device');
    dbs.push(other);
    await installDecks(other, [deck], NOW);
    await importBackup(other, file.text, NOW + 7 * DAY);
    expect(await other.cardStates.get(id)).toEqual(await db.cardStates.get(id));
    expect((await other.cardStates.get(id))?.reps).toBe(1);
    // The fold of the events agrees with the stored states.
    expect(foldEvents(await readAllEvents(other)).cards.get(id)?.reps).toBe(1);
  });

  it('leaves a file without resets as it was before resets existed (no list, the same checksum)', async () => {
    const { db } = await studied();
    const file = buildBackup(await readAllEvents(db), { device: 'd', deckVersions: {} }, NOW);
    expect('resets' in file).toBe(false);
    // The checksum as format 2 computed it before resets existed: the seven lists, nothing more.
    const h = new Hasher();
    h.update(`${BACKUP_FORMAT}|2|${file.exportedAt}|${JSON.stringify(file.device)}|`);
    for (const k of ['ratings', 'voids', 'suspensions', 'lessons', 'quizResults', 'settings', 'flags'] as const) {
      h.update(`|${k}:`);
      for (const e of file[k]) h.update(canonicalEvent(e)).update('\n');
    }
    h.update('|decks:').update(stableStringify(file.deckVersions));
    expect(file.checksum).toBe(h.hex());
  });
});
