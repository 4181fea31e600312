// The app's own event store (IndexedDB, src/db/sync-store.ts) under the replication engine,
// through the dev server: two devices rate, suspend and undo, and end with the same events and the
// same card states; an import's foreign events travel; a bad or conflicting event from the server
// is quarantined and the rest of its batch applied.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rateCard, suspendCard, undoLastRating } from '../../src/db/reviews';
import { syncEventStore } from '../../src/db/sync-store';
import { readAllEvents } from '../../src/db/events';
import { exportBackup } from '../../src/db/backup/export';
import { importBackup } from '../../src/db/backup/import';
import type { KujiraDB } from '../../src/db/schema';
import { checkEventLikeImport } from '../../src/domain/backup/event-check';
import { validate, validateV1 } from '../../src/domain/backup/validator.generated.js';
import type { Deck } from '../../src/domain/deck/types';
import type { RatingEvent } from '../../src/domain/events/types';
import { Replicator } from '../../src/sync/replicator';
import { deckToDoc, eventToDoc } from '../../src/sync/event-docs';
import { saveStoredDeck } from '../../src/db/stored-decks';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { installDecks } from '../../src/db/install-decks';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { createSeededTestDb, createTestDb } from '../db/helpers';
import { adminAllDocs, adminPut, createDatabase, DeviceNetwork, startTestServer, until, type SyncServer } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const MIN = 60_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const validators = { v1: validateV1, v2: validate };
let server: SyncServer;
let dbCount = 0;
const open: { db: KujiraDB; rep: Replicator }[] = [];

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const d of open.splice(0)) {
    await d.rep.stop();
    d.db.close();
  }
});

async function device(dbUrl: string, deck?: Deck) {
  let db: KujiraDB;
  if (deck) {
    db = createTestDb(`kujira-sync-${++dbCount}`);
    await installDecks(db, [deck], NOW);
  } else {
    ({ db, deck } = await createSeededTestDb(4, NOW));
  }
  const net = new DeviceNetwork();
  const rep = new Replicator({
    dbUrl,
    store: syncEventStore(db),
    check: (raw) => checkEventLikeImport(raw, validators, NOW + 86_400_000),
    deviceId: `device-${dbCount}-${Math.random().toString(36).slice(2)}`,
    fetch: net.fetch,
    longpollMs: 1_000,
    backoff: { baseMs: 20, maxMs: 200 },
  });
  open.push({ db, rep });
  return { db, rep, net, deck: deck! };
}

const start = (d: { rep: Replicator }) => d.rep.start({ name: server.user.name, password: server.user.password });
const ids = async (db: KujiraDB) => (await readAllEvents(db)).map((e) => e.id).sort();
const states = async (db: KujiraDB) => (await db.cardStates.toArray()).sort((a, b) => (a.cardId < b.cardId ? -1 : 1));
const freshDb = () => createDatabase(server, `kujira-idb-${++dbCount}`);

/** Waits until both devices hold the same (non-empty) set of events. */
async function converged(a: KujiraDB, b: KujiraDB, what: string) {
  const end = Date.now() + 20_000;
  for (;;) {
    const [x, y] = await Promise.all([ids(a), ids(b)]);
    if (x.length > 0 && JSON.stringify(x) === JSON.stringify(y)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${x.length} vs ${y.length} events`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the IndexedDB event store under live sync', () => {
  it('two devices rate, suspend and undo, and end with the same events and card states', async () => {
    const url = await freshDb();
    const a = await device(url);
    const b = await device(url, a.deck);
    const [c0, c1, c2] = a.deck.cards.map((c) => c.id);
    await rateCard(a.db, c0!, 3, NOW, 1000, { settings });
    await rateCard(b.db, c1!, 1, NOW + MIN, 1000, { settings });
    await suspendCard(a.db, c2!, NOW + 2 * MIN);
    start(a);
    start(b);
    await converged(a.db, b.db, 'both hold both devices’ events');
    // Live: a rating and its undo on one device reach the other without a restart.
    await rateCard(b.db, c0!, 4, NOW + 20 * MIN, 1000, { settings });
    const before = a.rep.totals.pulled;
    await until(() => a.rep.totals.pulled > before, 20_000, 'the new rating pulled');
    const undone = await undoLastRating(b.db, NOW + 21 * MIN);
    expect(undone?.entry.cardId).toBe(c0);
    await until(() => a.rep.totals.pulled > before + 1, 20_000, 'the undo pulled');
    await converged(a.db, b.db, 'the undo everywhere');
    expect(await states(a.db)).toEqual(await states(b.db));
    expect((await a.db.cardStates.get(c0!))?.reps).toBe(1);
    expect((await a.db.cardStates.get(c2!))?.suspended).toBe(true);
    expect((await a.db.voidedRatings.toArray()).map((r) => r.id)).toEqual([undone!.entry.id]);
    // Nothing was sent twice: the server holds each event once.
    const docs = (await adminAllDocs(server, url)).filter((d) => !d.id.startsWith('_'));
    expect(docs).toHaveLength((await ids(a.db)).length);
  }, 60_000);

  it('sends an imported backup of a third device to a database it already syncs with', async () => {
    const url = await freshDb();
    const a = await device(url);
    const b = await device(url, a.deck);
    const c = await device(url, a.deck);
    await rateCard(c.db, a.deck.cards[3]!.id, 3, NOW, 1000, { settings });
    const file = await exportBackup(c.db, NOW + MIN);
    await rateCard(a.db, a.deck.cards[0]!.id, 3, NOW, 1000, { settings });
    start(a);
    start(b);
    await converged(a.db, b.db, 'a and b in step');
    // c never syncs; its backup is imported on a while sync runs: the sweep sends its events.
    await importBackup(a.db, file.text, NOW + 2 * MIN);
    await until(() => b.rep.totals.pulled >= 2, 20_000, 'the imported rating reaches b');
    expect((await ids(b.db)).sort()).toEqual(await ids(a.db));
    expect((await b.db.cardStates.get(a.deck.cards[3]!.id))?.reps).toBe(1);
  }, 60_000);

  it('quarantines an impossible event from the server and applies the rest of the batch', async () => {
    const url = await freshDb();
    const a = await device(url);
    const good = await rateCard(a.db, a.deck.cards[0]!.id, 3, NOW, 1000, { settings });
    const [rating] = (await readAllEvents(a.db)).filter((e): e is RatingEvent => e.type === 'rating');
    // A well-formed document whose event is impossible (a study day years from its review)...
    const bad: RatingEvent = { ...rating!, id: 'bad-day', dayKey: '2030-01-01' };
    await adminPut(server, url, eventToDoc(bad) as unknown as Record<string, unknown>, false);
    // ...and a good rating of another device.
    const other: RatingEvent = { ...rating!, id: 'other-device-rating', device: 'other', seq: 1, cardId: a.deck.cards[1]!.id };
    await adminPut(server, url, eventToDoc(other) as unknown as Record<string, unknown>, false);
    start(a);
    await until(() => a.rep.status.kind === 'synced' && a.rep.totals.pulled >= 1, 20_000, 'synced');
    const q = await a.db.syncQuarantine.toArray();
    expect(q.map((x) => [x.docId, x.path, x.reason])).toEqual([['bad-day', '$.event.dayKey', expect.stringContaining('not the study day')]]);
    expect(a.rep.totals.quarantined).toBe(1);
    expect(await a.db.reviewLog.get('bad-day')).toBeUndefined();
    expect((await a.db.reviewLog.get(good.entry.id))?.durationMs).toBe(1000);
    expect((await a.db.cardStates.get(a.deck.cards[1]!.id))?.reps).toBe(1);
  }, 60_000);
});

const TEAM_MEMO = `# Team tools

## Commands

| Command | Description | Note |
| --- | --- | --- |
| \`deploy-app\` | Deploys the app | Run from main |
| \`rollback-app\` | Rolls back the last deploy | |
`;

describe('decks added in the app travel with sync', () => {
  it('a deck added on one device appears on the other; a newer version replaces it; a broken one is refused', async () => {
    const url = await freshDb();
    const a = await device(url);
    const b = await device(url, a.deck);
    const files = [{ path: 'team.en.md', text: TEAM_MEMO, role: 'memo' as const, lang: 'en' as const }];
    const compiled = compileDeck({ id: 'team', files });
    expect(compiled.errors).toEqual([]);
    await saveStoredDeck(a.db, compiled.deck!, files, NOW);
    start(a);
    start(b);
    await until(() => b.rep.status.kind === 'synced', 20_000, 'b synced');
    const arrived = async () => (await b.db.storedDecks.get('team'))?.updatedAt ?? null;
    const end = Date.now() + 20_000;
    while ((await arrived()) !== NOW && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect((await b.db.storedDecks.get('team'))?.files).toEqual(files);
    expect(await b.db.cards.where('deckId').equals('team').count()).toBe(compiled.deck!.cards.length);
    // b updates the memo: a gets the newer version (history matched by the same update path).
    const v2 = [{ ...files[0]!, text: TEAM_MEMO.replace('| `rollback-app` | Rolls back the last deploy | |\n', '| `rollback-app` | Rolls back the last deploy | |\n| `status-app` | Shows the app status | |\n') }];
    const compiled2 = compileDeck({ id: 'team', files: v2 });
    await saveStoredDeck(b.db, compiled2.deck!, v2, NOW + MIN);
    const end2 = Date.now() + 20_000;
    while ((await a.db.storedDecks.get('team'))?.updatedAt !== NOW + MIN && Date.now() < end2) await new Promise((r) => setTimeout(r, 20));
    expect((await a.db.storedDecks.get('team'))?.files).toEqual(v2);
    expect(await a.db.cards.where('deckId').equals('team').count()).toBe(compiled2.deck!.cards.length);
    // A deck document whose memo does not compile is refused, with the compiler's FILE:LINE.
    const broken = { id: 'broken', at: NOW, files: [{ path: 'broken.en.md', text: 'no title here', role: 'memo', lang: 'en' }] };
    await adminPut(server, url, deckToDoc(broken) as unknown as Record<string, unknown>, false);
    const end3 = Date.now() + 20_000;
    while ((await a.db.syncQuarantine.count()) === 0 && Date.now() < end3) await new Promise((r) => setTimeout(r, 20));
    const [q] = await a.db.syncQuarantine.toArray();
    expect(q).toMatchObject({ docId: expect.stringMatching(/^deck:broken:/), path: '$.deck', reason: expect.stringMatching(/^broken\.en\.md:\d+: /) });
    expect(await a.db.storedDecks.get('broken')).toBeUndefined();
  }, 60_000);
});

describe('the IndexedDB event store', () => {
  it('refuses a pulled event whose id is here with other content, and adds the rest of the batch', async () => {
    const { db, deck } = await createSeededTestDb(3, NOW);
    const store = syncEventStore(db);
    await rateCard(db, deck.cards[0]!.id, 3, NOW, 1000, { settings });
    const [mine] = (await readAllEvents(db)).filter((e): e is RatingEvent => e.type === 'rating');
    const other: RatingEvent = { ...mine!, id: 'from-elsewhere', device: 'other', seq: 1, cardId: deck.cards[1]!.id };
    const result = await store.addPulled([{ ...mine!, durationMs: 9 }, other], 'http://127.0.0.1:1/db');
    expect(result.added).toBe(1);
    expect(result.rejected).toEqual([{ id: mine!.id, reason: expect.stringContaining('different content') }]);
    expect((await db.reviewLog.get(mine!.id))?.durationMs).toBe(1000);
    expect((await db.cardStates.get(deck.cards[1]!.id))?.reps).toBe(1);
    // Only this device's own events are read by counter; the pulled one is not.
    const own = await store.readSince(0, 10);
    expect(own.events.map((e) => e.event.id)).toEqual([mine!.id]);
    // The sweep reads everything, page by page.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { events: { id: string }[]; next: string | null } = await store.readAll(cursor, 1);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.next;
    } while (cursor !== null);
    expect(seen.sort()).toEqual([mine!.id, 'from-elsewhere'].sort());
    // An import that adds events changes the sweep token; pulled events do not.
    expect(await store.sweepToken()).toBe('imports:0');
    db.close();
  });
});
