// Personal parameters in the database: adopting them is one settings event; ratings made after it
// carry the weights (and the deck's own retention), ratings made before keep theirs, and a rebuild
// replays each with what was in force; the optimizer's snapshot leaves out what was undone.
import { afterEach, describe, expect, it } from 'vitest';
import { readOptimizerSnapshot } from '../../src/db/optimizer';
import { rateCard, rebuildAllStates, suspendCard, undoLastRating } from '../../src/db/reviews';
import { getSettings, updateSettings } from '../../src/db/settings';
import { loadBackupValidators } from '../../src/db/backup/import';
import type { KujiraDB } from '../../src/db/schema';
import { buildBackup } from '../../src/domain/backup/format';
import { BackupValidationError, checkBackup } from '../../src/domain/backup/validate';
import { eventProblem } from '../../src/domain/events/check';
import type { SettingsEvent } from '../../src/domain/events/types';
import { FSRS_MODEL } from '../../src/domain/optimizer/fitted-params';
import { TRUE_WEIGHTS } from '../fixtures/synthetic-history';
import { createSeededTestDb } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const weights = [...TRUE_WEIGHTS];
let db: KujiraDB;
afterEach(() => db?.close());

const settingsEvents = async () => (await db.events.toArray()).filter((e): e is SettingsEvent => e.type === 'settings').sort((x, y) => x.at - y.at);

describe('personal parameters', () => {
  it('adopting is one settings event; later changes do not record the parameters again', async () => {
    ({ db } = await createSeededTestDb(2, NOW));
    await updateSettings(db, { timeZone: 'UTC' }, NOW);
    await updateSettings(db, { fsrsParams: { model: FSRS_MODEL, weights } }, NOW + 1);
    await updateSettings(db, { newPerDay: 5 }, NOW + 2);
    await updateSettings(db, { fsrsParams: { model: FSRS_MODEL, weights: [...weights] } }, NOW + 3);
    const events = await settingsEvents();
    expect(events.map((e) => Object.keys(e.changes))).toEqual([['timeZone'], ['fsrsParams'], ['newPerDay']]);
    expect((await getSettings(db)).fsrsParams).toEqual({ model: FSRS_MODEL, weights });
  });

  it('ratings carry the parameters in force; a rebuild replays each review with its own', async () => {
    const { deck } = await (async () => {
      const r = await createSeededTestDb(2, NOW);
      db = r.db;
      return r;
    })();
    const [a, b] = [deck.cards[0]!.id, deck.cards[1]!.id];
    await updateSettings(db, { timeZone: 'UTC' }, NOW);
    await rateCard(db, a, 3, NOW, 3000);
    const before = await db.cardStates.get(a);
    await updateSettings(db, { fsrsParams: { model: FSRS_MODEL, weights }, deckRetention: { [deck.id]: 0.8 } }, NOW + 1000);
    await rateCard(db, b, 3, NOW + 2000, 3000);
    await rateCard(db, b, 3, NOW + 2 * DAY, 3000);
    const log = await db.reviewLog.toCollection().sortBy('reviewedAt');
    expect(log[0]!.params.weights).toBeUndefined();
    expect(log[0]!.params.desiredRetention).toBe(0.9);
    expect(log[1]!.params.weights).toEqual(weights);
    expect(log[1]!.params.desiredRetention).toBe(0.8);
    // The earlier card keeps its state; a full rebuild changes nothing.
    expect(await db.cardStates.get(a)).toEqual(before);
    const states = await db.cardStates.toArray();
    await rebuildAllStates(db);
    expect(await db.cardStates.toArray()).toEqual(states);
  });

  it('the snapshot holds live ratings, voids and suspensions', async () => {
    const r = await createSeededTestDb(2, NOW);
    db = r.db;
    const [a, b] = [r.deck.cards[0]!.id, r.deck.cards[1]!.id];
    await rateCard(db, a, 3, NOW, 3000);
    await rateCard(db, b, 1, NOW + 1000, 3000);
    await undoLastRating(db, NOW + 2000);
    await suspendCard(db, a, NOW + 3000);
    const snap = await readOptimizerSnapshot(db);
    expect(snap.ratings.map((x) => x.cardId)).toEqual([a]);
    expect(snap.voided.size).toBe(1);
    expect(snap.cards.find((c) => c.cardId === a)!.suspended).toBe(true);
    expect(snap.settings.fsrsParams).toBeNull();
  });
});

describe('the parameters in a backup', () => {
  const stamp = { id: 's1', at: NOW, device: 'dev', seq: 1 };
  const event = (changes: SettingsEvent['changes']): SettingsEvent => ({ ...stamp, type: 'settings', changes });

  it('a settings event with weights and per-deck retention passes the schema and the checks', async () => {
    const e = event({ fsrsParams: { model: FSRS_MODEL, weights }, deckRetention: { docker: 0.85 } });
    const file = checkBackup(buildBackup([e], { device: 'dev', deckVersions: {} }, NOW), await loadBackupValidators(), NOW);
    expect(file.events).toHaveLength(1);
    expect(eventProblem(e, NOW)).toBeNull();
    expect(eventProblem(event({ fsrsParams: null }), NOW)).toBeNull();
    // Another model's weights are kept (not used): a later FSRS's vector may have another length.
    expect(eventProblem(event({ fsrsParams: { model: 'FSRS-7', weights: [1, 2, 3] } }), NOW)).toBeNull();
  });

  it('refuses FSRS-6 weights ts-fsrs would clip, and a retention out of range', async () => {
    const bad = [...weights];
    bad[0] = 500;
    expect(eventProblem(event({ fsrsParams: { model: FSRS_MODEL, weights: bad } }), NOW)?.field).toBe('changes.fsrsParams.weights');
    expect(eventProblem(event({ deckRetention: { docker: 0.5 } }), NOW)?.field).toBe('changes.deckRetention.docker');
    const schemaBad = event({ fsrsParams: { model: FSRS_MODEL, weights: ['x' as unknown as number] } });
    const validators = await loadBackupValidators();
    expect(() => checkBackup(buildBackup([schemaBad], { device: 'dev', deckVersions: {} }, NOW), validators, NOW)).toThrow(BackupValidationError);
  });
});
