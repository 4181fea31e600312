// Deck sync: add, change, retire, re-add, and no work at all when the hash is unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { installDecks } from '../../src/db/install-decks';
import { rateCard, rebuildAllStates } from '../../src/db/reviews';
import { cardId } from '../../src/domain/deck/card-id';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import type { Deck } from '../../src/domain/deck/types';
import { getTodayQueue } from '../../src/db/queue';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import type { KujiraDB } from '../../src/db/schema';
import { createDeck } from '../factories';
import { createTestDb, writeSpy } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
let db: KujiraDB;
afterEach(() => db?.close());

describe('installDecks', () => {
  it('adds every card of a new deck with a new state', async () => {
    db = createTestDb();
    const deck = createDeck({ commands: 3 });
    const [r] = await installDecks(db, [deck], NOW);
    expect(r).toMatchObject({ unchanged: false, added: 6, changed: 0, retired: 0, restored: 0 });
    expect(await db.cards.count()).toBe(6);
    const states = await db.cardStates.toArray();
    expect(states.every((s) => s.state === 'new' && s.queue === 0)).toBe(true);
    expect(await db.decks.get(deck.id)).toMatchObject({ hash: deck.hash, version: 1, syncedAt: NOW });
  });

  it('does no write at all when the hash is unchanged', async () => {
    db = createTestDb();
    const spy = writeSpy();
    db.use(spy);
    const deck = createDeck();
    await installDecks(db, [deck], NOW);
    const before = spy.writes.length;
    expect(before).toBeGreaterThan(0);
    const [r] = await installDecks(db, [deck], NOW + 1000);
    expect(r?.unchanged).toBe(true);
    expect(spy.writes.length).toBe(before);
  });

  it('keeps the history of a changed card, retires a removed one and restores it with its history', async () => {
    db = createTestDb();
    const deck = createDeck({ commands: 2, hash: 'v1' });
    await installDecks(db, [deck], NOW);
    const [c0, c1] = deck.cards;
    await rateCard(db, c0!.id, 3, NOW, 5000, { settings });
    await rateCard(db, c1!.id, 4, NOW + 1000, 5000, { settings });
    const ratedState = await db.cardStates.get(c1!.id);

    // v2: card 0 reworded, card 1 removed.
    const v2 = { ...deck, hash: 'v2', cards: [{ ...c0!, back: { en: 'Reworded' } }, ...deck.cards.slice(2)] };
    const [r2] = await installDecks(db, [v2], NOW + 2000);
    expect(r2).toMatchObject({ added: 0, changed: 1, retired: 1, restored: 0 });
    expect((await db.cards.get(c0!.id))?.content.back).toEqual({ en: 'Reworded' });
    expect((await db.cardStates.get(c0!.id))?.reps).toBe(1);
    expect(await db.cardStates.get(c1!.id)).toMatchObject({ retired: true, queue: -1, reps: 1 });
    expect((await db.cards.get(c1!.id))?.retired).toBe(1);
    expect(await db.reviewLog.where('cardId').equals(c1!.id).count()).toBe(1);
    const q = await getTodayQueue(db, NOW + 400 * 86_400_000, settings);
    expect(q.items.map((i) => i.cardId)).not.toContain(c1!.id);

    // v3: card 1 comes back with its schedule.
    const v3 = { ...deck, hash: 'v3' };
    const [r3] = await installDecks(db, [v3], NOW + 3000);
    expect(r3).toMatchObject({ added: 0, restored: 1, retired: 0 });
    const back = await db.cardStates.get(c1!.id);
    expect(back).toEqual({ ...ratedState, retired: false });
    expect((await db.decks.get(deck.id))?.version).toBe(3);
  });

  it('gives a card that arrives after its reviews (imported first) the replayed state', async () => {
    // Device A rates a card; its log reaches device B before B has the deck.
    const deck = createDeck({ commands: 1 });
    const a = createTestDb('device-a');
    await installDecks(a, [deck], NOW);
    const cardId = deck.cards[0]!.id;
    await rateCard(a, cardId, 3, NOW + 1000, 5000, { settings });
    await rateCard(a, cardId, 3, NOW + 700_000, 5000, { settings });
    const log = await a.reviewLog.toArray();
    const stateOnA = await a.cardStates.get(cardId);
    a.close();

    db = createTestDb('device-b');
    await db.reviewLog.bulkAdd(log);
    await installDecks(db, [deck], NOW + 800_000);
    const stateOnB = await db.cardStates.get(cardId);
    expect(stateOnB).toMatchObject({ state: stateOnA!.state, reps: 2, due: stateOnA!.due, stability: stateOnA!.stability });
    expect((await db.cardStates.get(deck.cards[1]!.id))?.state).toBe('new');
  });
});

describe('installDecks across memo edits (content ids and remaps)', () => {
  const memo = (bullets: string[]): string => `# Docker\n\n## Basics\n${bullets.map((b) => `* ${b}`).join('\n')}\n`;
  const compile = (text: string): Deck => {
    const r = compileDeck({ id: 'docker', files: [{ path: 'decks/docker/memo.en.md', text }] });
    expect(r.errors).toEqual([]);
    return r.deck as Deck;
  };
  const byBack = async (text: string) => {
    const rows = await db.cards.where('deckId').equals('docker').toArray();
    return rows.find((r) => r.retired === 0 && r.content.back.en === text);
  };

  it('moves history from the old positional ids to content ids, onto the same bullets', async () => {
    db = createTestDb();
    const current = compile(memo(['Docker runs on Linux', 'Containers share the host kernel']));
    // The same deck as the app stored it before content ids: fact keys were `<section>.<n>`.
    const positional: Deck = {
      ...current,
      hash: 'positional',
      cards: current.cards.map((c, i) => ({ ...c, key: `basics.${i + 1}`, id: cardId('docker', 'fact', `basics.${i + 1}`) })),
    };
    await installDecks(db, [positional], NOW);
    const kernelOld = positional.cards[1]!;
    for (let i = 0; i < 3; i++) await rateCard(db, kernelOld.id, 3, NOW + i * 86_400_000, 5000, { settings });

    const [r] = await installDecks(db, [current], NOW + 5 * 86_400_000);
    expect(r).toMatchObject({ remapped: 2, added: 2, retired: 2 });
    const kernel = await byBack('Containers share the host kernel');
    expect((await db.cardStates.get(kernel!.id))?.reps).toBe(3);
    expect((await db.cardStates.get((await byBack('Docker runs on Linux'))!.id))?.reps).toBe(0);
    expect(await db.cardRemaps.count()).toBe(2);
    // The log is untouched, and a rebuild from it lands on the same cards.
    expect(await db.reviewLog.where('cardId').equals(kernelOld.id).count()).toBe(3);
    await rebuildAllStates(db);
    expect((await db.cardStates.get(kernel!.id))?.reps).toBe(3);
    expect((await db.cardStates.get(kernelOld.id))?.reps).toBe(0);
  });

  it('keeps history on its bullet when a bullet is inserted above and another reworded', async () => {
    db = createTestDb();
    const v1 = compile(memo(['Containers share the host kernel', 'Images are built in layers']));
    await installDecks(db, [v1], NOW);
    const kernel = (await byBack('Containers share the host kernel'))!;
    const layers = (await byBack('Images are built in layers'))!;
    await rateCard(db, kernel.id, 3, NOW, 5000, { settings });
    await rateCard(db, layers.id, 4, NOW + 1000, 5000, { settings });
    await rateCard(db, layers.id, 3, NOW + 86_400_000, 5000, { settings });

    const v2 = compile(memo(['Docker runs on Linux', 'Containers share the host kernel', 'Images are built from layers']));
    const [r] = await installDecks(db, [v2], NOW + 2 * 86_400_000);
    expect(r).toMatchObject({ added: 2, remapped: 1, retired: 1 });
    expect((await db.cardStates.get(kernel.id))?.reps).toBe(1);
    const reworded = (await byBack('Images are built from layers'))!;
    expect((await db.cardStates.get(reworded.id))?.reps).toBe(2);
    expect((await db.cardStates.get((await byBack('Docker runs on Linux'))!.id))?.reps).toBe(0);
    await rebuildAllStates(db);
    expect((await db.cardStates.get(reworded.id))?.reps).toBe(2);
    expect((await db.cardStates.get(kernel.id))?.reps).toBe(1);
  });
});
