// Export and import against fake-indexeddb: round trip, merge of two diverged devices both ways,
// idempotence, rejection with the bad field's path, chunked writes that stay consistent when a
// chunk fails, the settings rule, and reset.
import Ajv from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImport, exportBackup, importBackup, prepareImport, resetProgress } from '../../src/db/backup';
import { rateCard, rebuildAllStates } from '../../src/db/reviews';
import { getSettings } from '../../src/db/settings';
import type { KujiraDB } from '../../src/db/schema';
import { buildBackup, type Backup } from '../../src/domain/backup/format';
import { BACKUP_SCHEMA } from '../../src/domain/backup/schema';
import { BackupValidationError } from '../../src/domain/backup/validate';
import { replay } from '../../src/domain/scheduler/scheduler';
import { DAY, MIN, NOW, TOKYO, freshDb, populatedDb, progressOf, rateSeries, testDeck } from './backup-fixtures';
import { dump, writeSpy } from './helpers';

const open: KujiraDB[] = [];
const track = (db: KujiraDB) => (open.push(db), db);
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Install a write spy (middleware takes effect when the database opens). */
async function spyOn(db: KujiraDB, spy: ReturnType<typeof writeSpy>): Promise<void> {
  db.close();
  db.use(spy);
  await db.open();
}

async function rejection(p: Promise<unknown>): Promise<BackupValidationError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupValidationError);
  return e as BackupValidationError;
}

describe('exportBackup', () => {
  it('writes format version 1 with every piece of progress, valid against the JSON Schema', async () => {
    const db = track(await populatedDb());
    const { backup, text, fileName } = await exportBackup(db, NOW);
    expect(fileName).toBe('kujira-backup-2026-11-27.json');
    expect(backup).toMatchObject({ format: 'kujira-backup', version: 1, exportedAt: '2026-11-27T12:00:00.000Z' });
    expect(backup.reviewLog).toHaveLength(6);
    expect(backup.quizResults.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(backup.onboarding).toEqual([{ deckId: 'deck', completed: ['sec-0'], currentLessonId: 'sec-1', updatedAt: NOW - DAY }]);
    expect(backup.suspended).toEqual([testDeck().cards[5]!.id]);
    expect(backup.deckVersions).toEqual({ deck: { version: 1, hash: testDeck().hash } });
    expect(backup.settings).toMatchObject({ theme: 'dark', timeZone: 'Asia/Tokyo' });
    const validate = new Ajv({ allowUnionTypes: true }).compile(BACKUP_SCHEMA);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names the file by the local date (Tokyo is already on the 28th at 20:00 UTC)', async () => {
    const db = track(await populatedDb());
    expect((await exportBackup(db, Date.parse('2026-11-27T20:00:00Z'))).fileName).toBe('kujira-backup-2026-11-28.json');
  });

  it('exports settings as null when none were ever saved', async () => {
    const db = track(await freshDb());
    expect((await exportBackup(db, NOW)).backup.settings).toBeNull();
  });
});

describe('importBackup', () => {
  it('round trip: export, wipe, import gives the same progress and settings', async () => {
    const a = track(await populatedDb('a'));
    const { text } = await exportBackup(a, NOW);
    const b = track(await freshDb('b'));
    const r = await importBackup(b, new Blob([text], { type: 'application/json' }));
    expect(r.plan).toMatchObject({ addedReviews: 6, addedQuizResults: 2, toSuspend: [testDeck().cards[5]!.id] });
    expect(await progressOf(b)).toEqual(await progressOf(a));
    expect(await dump(b)).toEqual(await dump(a));
    expect(await getSettings(b)).toEqual({ ...TOKYO, theme: 'dark' });
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const a = track(await populatedDb('a'));
    const { text } = await exportBackup(a, NOW);
    const b = track(await freshDb('b'));
    await rateSeries(b, 1, [3, 3], NOW - 3 * DAY, 'b1');
    await importBackup(b, text);
    const once = await dump(b);
    const spy = writeSpy();
    await spyOn(b, spy);
    const prepared = await prepareImport(b, text);
    expect(prepared.plan.isEmpty).toBe(true);
    expect(prepared.plan.knownReviews).toBe(6);
    await applyImport(b, prepared);
    expect(spy.writes).toEqual([]);
    expect(await dump(b)).toEqual(once);
    // Importing a device's own backup into itself is a no-op as well.
    const own = (await exportBackup(a, NOW)).text;
    const before = await dump(a);
    await importBackup(a, own);
    expect(await dump(a)).toEqual(before);
  });

  it('two diverged devices that import each other end with the same log and states', async () => {
    const phone = track(await populatedDb('phone'));
    const laptop = track(await freshDb('laptop'));
    await laptop.settings.put({ id: 'settings', ...TOKYO, timeZone: 'America/New_York' });
    // Different cards, and the same card 0 rated on the laptop at other times.
    await rateSeries(laptop, 0, [3, 2], NOW - 19 * DAY + 5 * 3_600_000, 'l0', { ...TOKYO, timeZone: 'America/New_York' });
    await rateSeries(laptop, 7, [1, 3, 3], NOW - 6 * DAY, 'l7', { ...TOKYO, timeZone: 'America/New_York' });
    await laptop.quizResults.put({ id: 'q9', mode: 'sprint', deckId: 'deck', startedAt: NOW - 2 * DAY, finishedAt: NOW - 2 * DAY + 1, score: 3, total: 5, questions: [] });
    await laptop.onboarding.put({ deckId: 'deck', completed: ['sec-1'], currentLessonId: null, updatedAt: NOW });

    const fromPhone = (await exportBackup(phone, NOW)).text;
    const fromLaptop = (await exportBackup(laptop, NOW)).text;
    await importBackup(phone, fromLaptop);
    await importBackup(laptop, fromPhone);

    const p = await progressOf(phone);
    const l = await progressOf(laptop);
    expect(p).toEqual(l);
    expect(p.reviewLog).toHaveLength(6 + 5);
    expect(p.quizResults.map((q) => (q as { id: string }).id)).toEqual(['q1', 'q2', 'q9']);
    expect(p.onboarding).toEqual([{ deckId: 'deck', completed: ['sec-1', 'sec-0'], currentLessonId: null, updatedAt: NOW }]);
    // Card 0's state is the replay of both devices' ratings in time order.
    const card0 = testDeck().cards[0]!.id;
    const log0 = (await phone.reviewLog.where('cardId').equals(card0).toArray());
    expect(log0).toHaveLength(6);
    expect(await phone.cardStates.get(card0)).toMatchObject({ reps: replay(log0).reps, stability: replay(log0).stability });
    // States equal a full rebuild: nothing left stale by the chunked writes.
    expect(await rebuildAllStates(phone)).toBe(0);
    // Settings are per device: each keeps its own.
    expect((await getSettings(phone)).timeZone).toBe('Asia/Tokyo');
    expect((await getSettings(laptop)).timeZone).toBe('America/New_York');
    // And a second exchange changes nothing.
    const again = await dump(phone);
    await importBackup(phone, (await exportBackup(laptop, NOW + MIN)).text);
    expect(await dump(phone)).toEqual(again);
  });

  it('writes a large log in chunks with progress, each chunk keeping log and states consistent', async () => {
    const a = track(await freshDb('a'));
    for (let c = 0; c < 12; c++) await rateSeries(a, c, [3, 3, 3, 1, 3], NOW - 40 * DAY + c * MIN, `c${c}`);
    const { text } = await exportBackup(a, NOW);
    const b = track(await freshDb('b'));
    const progress: [string, number, number][] = [];
    const prepared = await prepareImport(b, text);
    const r = await applyImport(b, prepared, (p) => progress.push([p.phase, p.done, p.total]), { chunkSize: 20 });
    expect(r.chunks).toBe(3);
    expect(progress.filter(([phase]) => phase === 'writing')).toEqual([
      ['writing', 0, 60],
      ['writing', 20, 60],
      ['writing', 40, 60],
      ['writing', 60, 60],
    ]);
    expect(progress.at(-1)).toEqual(['done', 60, 60]);
    expect(await progressOf(b)).toEqual(await progressOf(a));
  });

  it('a chunk that fails leaves a smaller but consistent merge, and importing again completes it', async () => {
    const a = track(await freshDb('a'));
    for (let c = 0; c < 8; c++) await rateSeries(a, c, [3, 3, 3], NOW - 30 * DAY + c * MIN, `c${c}`);
    const { text } = await exportBackup(a, NOW);
    const b = track(await freshDb('b'));
    let puts = 0;
    await spyOn(
      b,
      writeSpy((table, req) => {
        if (table === 'reviewLog' && req.type === 'put' && ++puts === 3) throw new Error('storage full');
      }),
    );
    const prepared = await prepareImport(b, text);
    await expect(applyImport(b, prepared, () => {}, { chunkSize: 6 })).rejects.toThrow('storage full');
    const partial = await b.reviewLog.count();
    expect(partial).toBe(12);
    // Every state matches its (partial) log: a rebuild changes nothing.
    expect(await rebuildAllStates(b)).toBe(0);
    await importBackup(b, text);
    expect(await progressOf(b)).toEqual(await progressOf(a));
  });

  it('rejects a bad field with its path and changes nothing', async () => {
    const a = track(await populatedDb('a'));
    const backup = (await exportBackup(a, NOW)).backup;
    const b = track(await freshDb('b'));
    await rateSeries(b, 2, [3], NOW - DAY, 'b2');
    const before = await dump(b);
    const bad = JSON.parse(JSON.stringify(backup)) as Backup;
    (bad.reviewLog[3] as unknown as Record<string, unknown>).rating = 7;
    let e = await rejection(importBackup(b, JSON.stringify(bad)));
    expect(e.path).toBe('$.reviewLog[3].rating');
    expect(e.kind).toBe('schema');
    expect(e.message).toContain('$.reviewLog[3].rating');

    const missing = JSON.parse(JSON.stringify(backup)) as Record<string, unknown>;
    delete (missing.quizResults as Record<string, unknown>[])[1]!.score;
    e = await rejection(importBackup(b, JSON.stringify(missing)));
    expect(e.path).toBe('$.quizResults[1].score');

    e = await rejection(importBackup(b, JSON.stringify(backup).slice(0, 500)));
    expect(e).toMatchObject({ kind: 'not-json', path: '$' });

    const edited = JSON.parse(JSON.stringify(backup)) as Backup;
    edited.reviewLog[0]!.reviewedAt += 1;
    e = await rejection(importBackup(b, JSON.stringify(edited)));
    expect(e).toMatchObject({ kind: 'checksum', path: '$.checksum' });

    const zone = { ...backup, reviewLog: backup.reviewLog.map((x, i) => (i === 2 ? { ...x, timeZone: 'Mars/Olympus' } : x)) };
    e = await rejection(importBackup(b, JSON.stringify(buildBackup(zone, NOW))));
    expect(e).toMatchObject({ kind: 'bad-time-zone', path: '$.reviewLog[2].timeZone' });

    const dup = { ...backup, reviewLog: [...backup.reviewLog, backup.reviewLog[1]!] };
    e = await rejection(importBackup(b, JSON.stringify(buildBackup(dup, NOW))));
    expect(e).toMatchObject({ kind: 'duplicate-id', path: '$.reviewLog[6].id' });

    e = await rejection(importBackup(b, JSON.stringify({ ...backup, version: 2 })));
    expect(e).toMatchObject({ kind: 'newer-version', path: '$.version' });

    e = await rejection(importBackup(b, '{"hello": "world"}'));
    expect(e).toMatchObject({ kind: 'not-a-backup', path: '$.format' });

    expect(await dump(b)).toEqual(before);
  });

  it('keeps local settings when this device has saved some', async () => {
    const a = track(await populatedDb('a'));
    const b = track(await freshDb('b'));
    await b.settings.put({ id: 'settings', ...TOKYO, newPerDay: 5 });
    const prepared = await prepareImport(b, (await exportBackup(a, NOW)).text);
    expect(prepared.plan.settingsToPut).toBeNull();
    await applyImport(b, prepared);
    expect(await getSettings(b)).toEqual({ ...TOKYO, newPerDay: 5 });
  });

  it('keeps reviews of cards this device does not have, and counts them in the plan', async () => {
    const a = track(await populatedDb('a'));
    const backup = (await exportBackup(a, NOW)).backup;
    const foreign = { ...backup.reviewLog[0]!, id: 'foreign-1', cardId: 'other-deck-card', deckId: 'other' };
    const b = track(await freshDb('b'));
    const prepared = await prepareImport(b, JSON.stringify(buildBackup({ ...backup, reviewLog: [...backup.reviewLog, foreign] }, NOW)));
    expect(prepared.plan).toMatchObject({ addedReviews: 7, unknownCardReviews: 1 });
    await applyImport(b, prepared);
    expect(await b.reviewLog.get('foreign-1')).toMatchObject({ cardId: 'other-deck-card' });
  });
});

describe('resetProgress', () => {
  it('wipes reviews, quiz results and onboarding, makes every card new, keeps decks, cards and settings', async () => {
    const db = track(await populatedDb());
    const before = await dump(db);
    await resetProgress(db);
    const after = await dump(db);
    expect(after.reviewLog).toEqual([]);
    expect(after.quizResults).toEqual([]);
    expect(after.onboarding).toEqual([]);
    expect(after.decks).toEqual(before.decks);
    expect(after.cards).toEqual(before.cards);
    expect(after.settings).toEqual(before.settings);
    const fresh = await freshDb('fresh');
    track(fresh);
    const suspended = testDeck().cards[5]!.id;
    const expected = (await fresh.cardStates.toArray()).map((r) => (r.cardId === suspended ? { ...r, suspended: true, queue: -1 } : r));
    expect(after.cardStates).toEqual(expected);
  });

  it('is one transaction: a failing write leaves everything as it was', async () => {
    const db = track(await populatedDb());
    await spyOn(
      db,
      writeSpy((table) => {
        if (table === 'cardStates') throw new Error('disk on fire');
      }),
    );
    const before = await dump(db);
    await expect(resetProgress(db)).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
  });

  it('after a reset, importing the earlier export brings the history back', async () => {
    const db = track(await populatedDb());
    const { text } = await exportBackup(db, NOW);
    const before = await progressOf(db);
    await resetProgress(db);
    await importBackup(db, text);
    expect(await progressOf(db)).toEqual(before);
    await rateCard(db, testDeck().cards[0]!.id, 3, NOW, 1, { settings: TOKYO });
  });
});
