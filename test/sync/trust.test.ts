// Issue 22, "Trust between devices and people": each numbered reproduction of the issue, run
// against the dev server as a team would, becomes a test here. A peer's mistake, clock or bad
// document must not change what every other device shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { compileDeckFolders } from '../../scripts/read-decks';
import { createTeamDatabase } from '../../scripts/team-setup';
import { setDb } from '../../src/db/database';
import { rateCard } from '../../src/db/reviews';
import { saveStoredDeck } from '../../src/db/stored-decks';
import { installDecks } from '../../src/db/install-decks';
import { syncEventStore } from '../../src/db/sync-store';
import { applyTeamDeck } from '../../src/db/team-store';
import { checkEventLikeImport } from '../../src/domain/backup/event-check';
import { validate, validateV1 } from '../../src/domain/backup/validator.generated.js';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { DeckOwnerError } from '../../src/domain/deck/deck-owner';
import type { Deck } from '../../src/domain/deck/types';
import { nextDeckDoc } from '../../src/domain/team/documents';
import { buildDashboard } from '../../src/domain/team/dashboard';
import { summaryDocId, type SummaryDoc } from '../../src/domain/team/types';
import { pullLatestSummaries, pushSummary } from '../../src/sync/team';
import { SyncError } from '../../src/sync/errors';
import { dashboardDeck, fixture, NOW as TEAM_NOW } from '../team/fixture';
import { DEFAULT_SETTINGS, normalizeDeckRetention } from '../../src/domain/settings/settings';
import { retentionOf } from '../../src/domain/settings/scheduler-settings';
import { backupChecksum, buildBackup, type Backup } from '../../src/domain/backup/format';
import { BackupValidationError, checkBackup } from '../../src/domain/backup/validate';
import { joinTeam, refreshTeam } from '../../src/features/team/team-service';
import { readDeckFiles } from '../../src/domain/deck/read-deck-files';
import { CouchClient, dbUrlProblem, splitDbUrl } from '../../src/sync/couch-client';
import { deckToDoc } from '../../src/sync/event-docs';
import { Replicator } from '../../src/sync/replicator';
import { createTestDb } from '../db/helpers';
import { getSettings, updateSettings } from '../../src/db/settings';
import { importBackup } from '../../src/db/backup/import';
import { CLOCK_TOLERANCE_MS } from '../../src/domain/events/clock-bounds';
import type { SettingsEvent } from '../../src/domain/events/types';
import { realClock } from '../../src/sync/types';
import { adminPut, createDatabase, DeviceNetwork, MemoryEventStore, startTestServer, until, type SyncServer } from './helpers';
import { checkTestEvent, ratingEvent } from './events';
import { eventToDoc } from '../../src/sync/event-docs';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const MIN = 60_000;
const validators = { v1: validateV1, v2: validate };
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };

/** The built-in Docker deck, compiled from decks/ as the app's build does. */
const builtIn: Deck = (() => {
  const { decks, errors } = compileDeckFolders(resolve(__dirname, '../../decks'), resolve(__dirname, '../..'));
  if (errors.length > 0) throw new Error('decks/ does not compile');
  return decks.find((d) => d.id === 'docker')!;
})();

/** The team's own Docker memo, as a lead would write it first: its title makes its id `docker`. */
const TEAM_DOCKER = `# Docker

## Our registry

| Command | Description | Note |
| --- | --- | --- |
| \`docker login registry.example.org\` | Signs in to the team's registry | Use your SSO name |
| \`docker push registry.example.org/app\` | Pushes the app image | Only from CI |
`;

let server: SyncServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

/** A device that has the built-in Docker deck and has reviewed three of its cards. */
async function learnerWithDocker(name: string) {
  const db = createTestDb(`${name}-${Math.random()}`);
  await installDecks(db, [builtIn], NOW - 60 * MIN);
  for (let i = 0; i < 3; i++) await rateCard(db, builtIn.cards[i]!.id, 3, NOW - 30 * MIN + i * MIN, 3000, { settings });
  return db;
}

async function dockerIntact(db: Awaited<ReturnType<typeof learnerWithDocker>>) {
  const cards = await db.cards.where('deckId').equals('docker').toArray();
  expect(cards.filter((c) => c.retired === 0).map((c) => c.id).sort()).toEqual(builtIn.cards.map((c) => c.id).sort());
  expect(await db.reviewLog.count()).toBe(3);
  expect((await db.cardStates.get(builtIn.cards[0]!.id))?.reps).toBe(1);
  expect(await db.storedDecks.get('docker')).toBeUndefined();
}

describe('1. decks have owners: no team or synced deck takes a built-in deck\'s place', () => {
  it('a lead publishes a memo titled "# Docker": the member keeps the built-in deck and gets the team\'s beside it', async () => {
    const lead = { name: 'lead', password: 'lead-pass' };
    const ana = { name: 'ana', password: 'ana-pass' };
    const dbUrl = await createTeamDatabase(server.url, server.admin, { name: 'owners', lead, members: [ana] });
    const memo = readDeckFiles([{ name: 'docker.en.md', text: TEAM_DOCKER }]);
    expect(memo.deck?.id).toBe('docker'); // the title names it, as the issue reproduced
    const leadClient = new CouchClient(dbUrl, new DeviceNetwork().fetch);
    await leadClient.login(lead.name, lead.password);
    await leadClient.putDoc(nextDeckDoc([], 'docker', memo.files, lead.name, NOW));

    const db = await learnerWithDocker('member');
    setDb(db);
    try {
      const config = await joinTeam(dbUrl, ana.name, ana.password);
      const r = await refreshTeam(config, [builtIn], NOW);
      expect(r.problems).toEqual([]);
      expect(r.updated).toEqual(['team:kujira-team-owners:docker']);
      await dockerIntact(db);
      const team = await db.storedDecks.get('team:kujira-team-owners:docker');
      expect(team?.deck.cards.length).toBe(memo.deck!.cards.length);
      expect(await db.cards.where('deckId').equals('team:kujira-team-owners:docker').count()).toBe(memo.deck!.cards.length);
      // A second refresh changes nothing; the built-in deck is still whole.
      expect((await refreshTeam(config, [builtIn], NOW + MIN)).updated).toEqual([]);
      await dockerIntact(db);
    } finally {
      setDb(null);
      db.close();
    }
  }, 60_000);

  it('the store refuses a built-in id on every path: the Add path, a team\'s deck, a synced deck', async () => {
    const db = await learnerWithDocker('paths');
    const files = [{ path: 'docker.en.md', text: TEAM_DOCKER, role: 'memo' as const, lang: 'en' as const }];
    const deck = compileDeck({ id: 'docker', files }).deck!;
    await expect(saveStoredDeck(db, deck, files, NOW)).rejects.toThrow(DeckOwnerError);
    await expect(applyTeamDeck(db, deck, files, NOW, { team: 'kujira-team-x', version: 1 })).rejects.toMatchObject({ reason: 'built-in' });
    // A team stores only under its own ids, not another team's.
    const other = compileDeck({ id: 'team:kujira-team-y:docker', files }).deck!;
    await expect(applyTeamDeck(db, other, files, NOW, { team: 'kujira-team-x', version: 1 })).rejects.toMatchObject({ reason: 'other-owner' });
    const { rejected } = await syncEventStore(db).addDeckSources([{ id: 'docker', at: NOW, version: 1, files }]);
    expect(rejected).toEqual([{ id: 'docker', reason: expect.stringContaining("built-in deck's id") }]);
    await dockerIntact(db);
    db.close();
  });

  it('over live sync, a deck document with a built-in id is quarantined and the built-in deck stays whole', async () => {
    const url = await createDatabase(server, `kujira-owners-${Math.random().toString(36).slice(2)}`);
    const db = await learnerWithDocker('sync');
    const files = [{ path: 'docker.en.md', text: TEAM_DOCKER, role: 'memo', lang: 'en' }];
    await adminPut(server, url, deckToDoc({ id: 'docker', at: NOW, version: 1, files }) as unknown as Record<string, unknown>, false);
    const rep = new Replicator({
      dbUrl: url,
      store: syncEventStore(db),
      check: (raw) => checkEventLikeImport(raw, validators, NOW),
      deviceId: 'device-owners',
      fetch: new DeviceNetwork().fetch,
      longpollMs: 1_000,
    });
    rep.start({ name: server.user.name, password: server.user.password });
    try {
      await until(() => rep.status.kind === 'synced', 20_000, 'synced');
      const q = await db.syncQuarantine.toArray();
      expect(q).toEqual([expect.objectContaining({ docId: expect.stringMatching(/^deck:docker:1:/), path: '$.deck', reason: expect.stringContaining("built-in deck's id") })]);
      await dockerIntact(db);
    } finally {
      await rep.stop();
      db.close();
    }
  }, 60_000);
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncError) return e.kind;
    throw e;
  }
  return 'accepted';
}

describe('2. a member can neither hide from nor fake the lead\'s dashboard by dates', () => {
  const LEAD = { name: 'dlead', password: 'dlead-pass' };
  const MEMBERS = ['alice', 'bob', 'carol'].map((name) => ({ name, password: `${name}-pass` }));
  let dbUrl: string;
  const signIn = async (who: { name: string; password: string }) => {
    const c = new CouchClient(dbUrl, new DeviceNetwork().fetch);
    await c.login(who.name, who.password);
    return c;
  };
  beforeAll(async () => {
    dbUrl = await createTeamDatabase(server.url, server.admin, { name: 'dates', lead: LEAD, members: MEMBERS });
  }, 60_000);

  it('the write rule refuses a summary dated after the server\'s tomorrow, a day that is none, a day not its id\'s', async () => {
    const f = fixture();
    const bob = await signIn(MEMBERS[1]!);
    const carol = await signIn(MEMBERS[2]!);
    // The issue's reproductions: junk to hide, a well-formed one to fake.
    expect(await refusal(bob.putDoc({ _id: 'summary:bob:9999-12-31', type: 'summary', member: 'bob', day: '9999-12-31', junk: true }))).toBe('forbidden');
    expect(await refusal(carol.putDoc({ ...f.summaries.carol, _id: summaryDocId('carol', '9999-12-31'), day: '9999-12-31' }))).toBe('forbidden');
    // Two days ahead of the server's clock: refused; today: accepted.
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(await refusal(carol.putDoc({ ...f.summaries.carol, _id: summaryDocId('carol', inTwoDays), day: inTwoDays }))).toBe('forbidden');
    expect(await refusal(carol.putDoc({ ...f.summaries.carol, _id: summaryDocId('carol', '2026-02-31'), day: '2026-02-31' }))).toBe('forbidden');
    expect(await refusal(carol.putDoc({ ...f.summaries.carol, _id: summaryDocId('carol', '2026-11-08'), day: '2026-11-10' }))).toBe('forbidden');
    expect(await refusal(pushSummary(carol, f.summaries.carol, null))).toBe('accepted');
  });

  it('the lead ignores future-dated summaries, falls back to the newest valid one, and shows an unreadable one', async () => {
    const f = fixture();
    for (const [i, key] of (['alice', 'bob', 'carol'] as const).entries()) await pushSummary(await signIn(MEMBERS[i]!), f.summaries[key], null);
    const alice = await signIn(MEMBERS[0]!);
    await pushSummary(alice, f.summaries.aliceYesterday, null);
    // What the rule now refuses may already be in a database (written before it, or by an admin).
    const later: SummaryDoc = { ...f.summaries.carol, _id: summaryDocId('carol', '9999-12-31'), day: '9999-12-31', decks: [{ ...f.summaries.carol.decks[0]!, lessonsPassed: ['x', 'y', 'z'] }] };
    await adminPut(server, dbUrl, later as unknown as Record<string, unknown>);
    await adminPut(server, dbUrl, { _id: 'summary:bob:9999-12-31', junk: true });
    // alice's newest (the day after the fixture's) is malformed: she stays, marked, with her older one.
    await adminPut(server, dbUrl, { _id: 'summary:alice:2026-11-11', type: 'summary', member: 'alice' });
    // dora wrote only a malformed summary: she is listed as unreadable, not dropped.
    await adminPut(server, dbUrl, { _id: 'summary:dora:2026-11-10', type: 'summary', member: 'dora', day: 'soon' });

    const lead = await signIn(LEAD);
    const { summaries, unreadable } = await pullLatestSummaries(lead, TEAM_NOW);
    expect(summaries.map((s) => s._id).sort()).toEqual(['summary:alice:2026-11-10', 'summary:bob:2026-11-10', 'summary:carol:2026-11-10']);
    expect(unreadable).toEqual(['alice', 'dora']);
    const dash = buildDashboard(summaries, [f.assignment], [dashboardDeck(f.deck)]);
    expect(dash.members.map((m) => [m.member, m.day, m.assignments[0]!.ready])).toEqual([
      ['alice', '2026-11-10', true],
      ['bob', '2026-11-10', false],
      ['carol', '2026-11-10', false],
    ]);
  });
});

/** A test device: the in-memory store and the real engine, on the test event model. */
function memoryDevice(dbUrl: string, name: string, extra: Partial<ConstructorParameters<typeof Replicator>[0]> = {}) {
  const store = new MemoryEventStore();
  const rep = new Replicator({ dbUrl, store, check: checkTestEvent, deviceId: name, fetch: new DeviceNetwork().fetch, longpollMs: 1_000, backoff: { baseMs: 20, maxMs: 200 }, ...extra });
  return { store, rep };
}
const creds = () => ({ name: server.user.name, password: server.user.password });

describe('4. conflicts are visible on every device, fresh or not', () => {
  it('an event with a second, tampered first revision is quarantined with its path on both devices', async () => {
    const url = await createDatabase(server, `kujira-conflict-${Math.random().toString(36).slice(2)}`);
    const original = ratingEvent('conflict-1', 'card-a', 3, Date.UTC(2026, 10, 1, 3));
    const a = memoryDevice(url, 'a');
    a.store.append(original);
    a.rep.start(creds());
    try {
      await until(() => a.rep.status.kind === 'synced' && a.rep.totals.pushed === 1, 20_000, 'a pushed');
      // Someone with write access adds another first revision of the same id, its revision matching its content.
      const tampered = ratingEvent('conflict-1', 'card-a', 1, Date.UTC(2026, 10, 1, 3));
      await adminPut(server, url, eventToDoc(tampered) as unknown as Record<string, unknown>, false);
      const b = memoryDevice(url, 'b');
      b.rep.start(creds());
      try {
        await until(() => b.rep.status.kind === 'synced' && b.store.quarantined.length > 0, 20_000, 'b quarantined');
        expect(b.store.quarantined).toEqual([expect.objectContaining({ docId: 'conflict-1', path: '$._conflicts', reason: expect.stringContaining('versions of this document') })]);
        expect(b.store.byId.has('conflict-1')).toBe(false);
      } finally {
        await b.rep.stop();
      }
      await until(() => a.store.quarantined.length > 0, 20_000, 'a quarantined');
      expect(a.store.quarantined).toEqual([expect.objectContaining({ docId: 'conflict-1', path: '$._conflicts' })]);
      expect(a.store.byId.get('conflict-1')).toEqual(original);
    } finally {
      await a.rep.stop();
    }
  }, 60_000);
});

describe('5. the dev server is safe to demo', () => {
  const basic = (u: { name: string; password: string }) => ({ authorization: `Basic ${Buffer.from(`${u.name}:${u.password}`).toString('base64')}` });
  const json = { 'content-type': 'application/json' };

  it('refuses a 5,000-deep _bulk_docs with a clear 400, stays up, and every database keeps its data', async () => {
    const other = await createDatabase(server, `kujira-bystander-${Math.random().toString(36).slice(2)}`);
    await adminPut(server, other, { _id: 'kept', n: 1 });
    // Written as text: a 5,000-deep object is too deep for JSON.stringify itself.
    const body = `{"docs":[{"_id":"deep","kujira":1,"deep":${'{"x":'.repeat(5000)}{}${'}'.repeat(5000)}}]}`;
    const res = await fetch(`${server.dbUrl}/_bulk_docs`, { method: 'POST', headers: { ...json, ...basic(server.user) }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'bad_request', reason: 'a document is nested deeper than 64 levels' });
    // Up, and nothing lost.
    expect((await fetch(server.url)).status).toBe(200);
    const kept = await fetch(`${other}/kept`, { headers: basic(server.admin) });
    expect(await kept.json()).toMatchObject({ _id: 'kept', n: 1 });
    expect((await fetch(`${server.dbUrl}/deep`, { headers: basic(server.user) })).status).toBe(404);
  });

  it('refuses a document larger than 8 MB with a 400, before storing it', async () => {
    const res = await fetch(`${server.dbUrl}/big`, { method: 'PUT', headers: { ...json, ...basic(server.admin) }, body: JSON.stringify({ kujira: 1, text: 'x'.repeat(8_100_000) }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { reason: string }).reason).toMatch(/larger than 8000000 bytes/);
    expect((await fetch(`${server.dbUrl}/big`, { headers: basic(server.admin) })).status).toBe(404);
  });

  it('lists databases and users to server admins only; a user reads only their own user document', async () => {
    expect((await fetch(`${server.url}/_all_dbs`)).status).toBe(401);
    expect((await fetch(`${server.url}/_all_dbs`, { headers: basic(server.user) })).status).toBe(403);
    const asAdmin = await fetch(`${server.url}/_all_dbs`, { headers: basic(server.admin) });
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.json()).toContain(server.database);
    expect((await fetch(`${server.url}/_users/_all_docs`)).status).toBe(401);
    expect((await fetch(`${server.url}/_users/_all_docs`, { headers: basic(server.user) })).status).toBe(403);
    expect((await fetch(`${server.url}/_users/org.couchdb.user:${server.user.name}`, { headers: basic(server.user) })).status).toBe(200);
    expect((await fetch(`${server.url}/_users/org.couchdb.user:lead`, { headers: basic(server.user) })).status).toBe(403);
    // A session cookie counts as the user, as Basic does.
    const login = await fetch(`${server.url}/_session`, { method: 'POST', headers: json, body: JSON.stringify(server.user) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await fetch(`${server.url}/_all_dbs`, { headers: { cookie } })).status).toBe(403);
  });
});

describe('6. cleartext and oversized batches', () => {
  it('refuses http:// for any host but this computer, with the reason', () => {
    expect(() => splitDbUrl('http://couch.example.org/kujira-alice')).toThrow(expect.objectContaining({ kind: 'cleartext' }));
    expect(() => splitDbUrl('http://192.168.1.20:5984/kujira-alice')).toThrow(expect.objectContaining({ kind: 'cleartext' }));
    expect(() => new CouchClient('http://10.0.0.1/db', fetch, undefined, { cleartext: 'refuse' })).toThrow(/clear text/);
    expect(() => new Replicator({ dbUrl: 'http://couch.example.org/db', store: new MemoryEventStore(), check: checkTestEvent, deviceId: 'x', fetch })).toThrow(/clear text/);
    // The operator's Node tools on the server's private network (deploy/: http://couchdb:5984) may.
    expect(new CouchClient('http://couchdb:5984/kujira-team-a', fetch).dbUrl).toBe('http://couchdb:5984/kujira-team-a');
    expect(dbUrlProblem('http://couch.example.org/kujira-alice')).toBe('cleartext');
    expect(dbUrlProblem('not a url')).toBe('invalid');
    for (const ok of ['https://couch.example.org/kujira-alice', 'http://127.0.0.1:5984/kujira-alice', 'http://localhost:5984/db', 'http://[::1]:5984/db', 'http://app.localhost/db']) {
      expect(dbUrlProblem(ok)).toBeNull();
    }
  });

  it('caps a _changes batch in bytes: asks for fewer documents, and quarantines one too large to read', async () => {
    const url = await createDatabase(server, `kujira-bytes-${Math.random().toString(36).slice(2)}`);
    const good = Array.from({ length: 12 }, (_, i) => ratingEvent(`small-${i}`, `card-${i}`, 3, Date.UTC(2026, 10, 1, 3, i)));
    for (const e of good.slice(0, 6)) await adminPut(server, url, eventToDoc(e) as unknown as Record<string, unknown>, false);
    await adminPut(server, url, { _id: 'huge', _rev: '1-00000000000000000000000000000000', kujira: 1, event: { id: 'huge', type: 'void', target: 'x', at: 1, pad: 'x'.repeat(300_000) } }, false);
    for (const e of good.slice(6)) await adminPut(server, url, eventToDoc(e) as unknown as Record<string, unknown>, false);
    const sizes: number[] = [];
    const net = new DeviceNetwork();
    const measured: typeof net.fetch = async (input, init) => {
      const res = await net.fetch(input, init);
      if (!input.includes('/_changes') || !input.includes('include_docs')) return res;
      const text = await res.text();
      sizes.push(text.length);
      return new Response(text, { status: res.status, headers: res.headers });
    };
    const d = memoryDevice(url, 'capped', { fetch: measured, maxBatchBytes: 64 * 1024 });
    d.rep.start(creds());
    try {
      await until(() => d.rep.status.kind === 'synced', 20_000, 'synced');
      expect([...d.store.byId.keys()].sort()).toEqual(good.map((e) => e.id).sort());
      expect(d.store.quarantined).toEqual([expect.objectContaining({ docId: 'huge', path: '$', reason: 'larger than 65536 bytes: not read', sample: '' })]);
      // The engine read past the cap only to find it was over; it then asked for fewer documents.
      expect(sizes.filter((n) => n <= 64 * 1024).length).toBeGreaterThan(0);
    } finally {
      await d.rep.stop();
    }
  }, 60_000);
});

describe('7. the smaller items', () => {
  /** A valid backup whose text is then edited (and its checksum made right again), as a forger would. */
  function forged(edit: (text: string) => string): unknown {
    const b = buildBackup([], { device: 'd', deckVersions: {} }, NOW);
    const parsed = JSON.parse(edit(JSON.stringify(b))) as Backup;
    parsed.checksum = backupChecksum(parsed);
    return parsed;
  }
  const refusedAt = (data: unknown): string => {
    try {
      checkBackup(data, validators, NOW);
    } catch (e) {
      if (e instanceof BackupValidationError) return e.path;
      throw e;
    }
    return 'accepted';
  };

  it('the backup check refuses a __proto__ key in deckVersions', () => {
    expect(refusedAt(forged((t) => t))).toBe('accepted');
    expect(refusedAt(forged((t) => t.replace('"deckVersions":{}', '"deckVersions":{"__proto__":{"version":1,"hash":"x"}}')))).toBe('$.deckVersions');
    expect(refusedAt(forged((t) => t.replace('"deckVersions":{}', '"deckVersions":{"team:kujira-team-a:docker":{"version":1,"hash":"x"}}')))).toBe('accepted');
  });

  it('the backup check (and so sync) refuses a __proto__ key in settings.deckRetention', () => {
    const text = `{"id":"s-proto","at":${NOW - MIN},"device":"d","seq":1,"type":"settings","changes":{"deckRetention":{"__proto__":0.95}}}`;
    const viaSync = checkEventLikeImport(JSON.parse(text), validators, NOW);
    expect(viaSync).toEqual({ ok: false, path: '$.changes.deckRetention', reason: '"__proto__" is not a deck id' });
    const ok = checkEventLikeImport(JSON.parse(text.replace('__proto__', 'docker')), validators, NOW);
    expect(ok.ok).toBe(true);
  });

  it("retentionOf(settings, 'constructor') is the global retention, not a function", () => {
    expect(retentionOf(DEFAULT_SETTINGS, 'constructor')).toBe(DEFAULT_SETTINGS.desiredRetention);
    expect(retentionOf(DEFAULT_SETTINGS, 'toString')).toBe(DEFAULT_SETTINGS.desiredRetention);
    expect(retentionOf({ ...DEFAULT_SETTINGS, deckRetention: { constructor: 0.8 } }, 'constructor')).toBe(0.8);
    const normalized = normalizeDeckRetention(JSON.parse('{"__proto__":0.8,"docker":0.85}'));
    expect(Object.getPrototypeOf(normalized)).toBe(Object.prototype);
    expect(normalized).toEqual({ docker: 0.85 });
  });
});

describe('3. last writer wins trusts no clock: stamps past the tolerance wait, deck versions count', () => {
  const HOUR = 3_600_000;
  const skewedSettings = (at: number): SettingsEvent => ({ id: `skewed-settings-${at}`, at, device: 'phone-with-a-wrong-clock', seq: 1, type: 'settings', changes: { newPerDay: 0 } });

  it('a backup with a settings event stamped now + 23 h is refused, at its path', async () => {
    const db = createTestDb(`backup-skew-${Math.random()}`);
    const text = JSON.stringify(buildBackup([skewedSettings(NOW + 23 * HOUR)], { device: 'phone', deckVersions: {} }, NOW));
    await expect(importBackup(db, text, NOW)).rejects.toMatchObject({ path: '$.settings[0].at' });
    // Within the tolerance it is taken.
    const near = JSON.stringify(buildBackup([skewedSettings(NOW + CLOCK_TOLERANCE_MS - 1)], { device: 'phone', deckVersions: {} }, NOW));
    await importBackup(db, near, NOW);
    expect((await getSettings(db)).newPerDay).toBe(0);
    db.close();
  });

  it('over sync, that event waits in the quarantine list and applies when its time comes; a change made now stands until then', async () => {
    const url = await createDatabase(server, `kujira-clock-${Math.random().toString(36).slice(2)}`);
    await adminPut(server, url, eventToDoc(skewedSettings(NOW + 23 * HOUR)) as unknown as Record<string, unknown>, false);
    const db = createTestDb(`settings-skew-${Math.random()}`);
    await updateSettings(db, { newPerDay: 25 }, NOW);
    let now = NOW;
    const rep = new Replicator({
      dbUrl: url,
      store: syncEventStore(db),
      check: (raw) => checkEventLikeImport(raw, validators, now),
      deviceId: 'device-clock',
      fetch: new DeviceNetwork().fetch,
      clock: { ...realClock, now: () => now },
      longpollMs: 1_000,
    });
    rep.start(creds());
    try {
      await until(() => rep.status.kind === 'synced', 20_000, 'synced');
      expect((await getSettings(db)).newPerDay).toBe(25);
      expect(await db.syncQuarantine.toArray()).toEqual([
        expect.objectContaining({ docId: `skewed-settings-${NOW + 23 * HOUR}`, path: '$.event.at', until: NOW + 23 * HOUR - CLOCK_TOLERANCE_MS, reason: expect.stringMatching(/held until/) }),
      ]);
      // Its time comes (on this device's clock): checked again, applied, off the list.
      now = NOW + 23 * HOUR;
      rep.wake();
      const end = Date.now() + 20_000;
      while ((await db.syncQuarantine.count()) > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(await db.syncQuarantine.count()).toBe(0);
      expect((await getSettings(db)).newPerDay).toBe(0);
    } finally {
      await rep.stop();
      db.close();
    }
  }, 60_000);

  it('a held event applies by itself when its time comes, without news from the server', async () => {
    const url = await createDatabase(server, `kujira-timer-${Math.random().toString(36).slice(2)}`);
    // This device's clock runs 10 minutes behind the real one: an event stamped now (real time)
    // is 600 ms past its tolerance, and must wait 600 ms, then apply with no other change anywhere.
    const behind = CLOCK_TOLERANCE_MS + 600;
    const stamped = Date.now();
    const e = ratingEvent('timer-1', 'card-t', 3, stamped);
    await adminPut(server, url, eventToDoc(e) as unknown as Record<string, unknown>, false);
    const d = memoryDevice(url, 'timer', { clock: { ...realClock, now: () => Date.now() - behind }, longpollMs: 30_000 });
    d.rep.start(creds());
    try {
      await until(() => d.store.quarantined.length === 1 || d.store.byId.has('timer-1'), 20_000, 'held or applied');
      // (On a loaded machine the hold may already be over; then it was applied at once, which is right too.)
      if (d.store.quarantined.length === 1) expect(d.store.quarantined[0]).toMatchObject({ docId: 'timer-1', until: stamped - CLOCK_TOLERANCE_MS });
      // The longpoll waits 30 s for news; the hold's own timer ends the wait when the time comes.
      await until(() => d.store.byId.has('timer-1') && d.store.quarantined.length === 0, 20_000, 'applied when its time came');
      expect(d.store.byId.get('timer-1')).toEqual(e);
    } finally {
      await d.rep.stop();
    }
  }, 60_000);

  it('a deck version stamped at 8.64e15 does not freeze the deck: versions order by their counter', async () => {
    const url = await createDatabase(server, `kujira-deckclock-${Math.random().toString(36).slice(2)}`);
    const memo = (extra: string) => [{ path: 'notes.en.md', text: `# Notes\n\n## Commands\n\n| Command | Description |\n| --- | --- |\n| \`ls\` | Lists files |\n${extra}`, role: 'memo', lang: 'en' }];
    const frozen = memo('| `pwd` | Prints the directory |\n');
    await adminPut(server, url, deckToDoc({ id: 'notes', at: 8.64e15, files: frozen }) as unknown as Record<string, unknown>, false);
    await adminPut(server, url, deckToDoc({ id: 'notes', at: NOW - HOUR, version: 1, files: memo('') }) as unknown as Record<string, unknown>, false);
    const db = createTestDb(`deck-skew-${Math.random()}`);
    const rep = new Replicator({ dbUrl: url, store: syncEventStore(db), check: (raw) => checkEventLikeImport(raw, validators, NOW), deviceId: 'device-deck', fetch: new DeviceNetwork().fetch, clock: { ...realClock, now: () => NOW }, longpollMs: 1_000 });
    rep.start(creds());
    try {
      await until(() => rep.status.kind === 'synced', 20_000, 'synced');
      const deadline = Date.now() + 20_000;
      while ((await db.storedDecks.get('notes')) === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect((await db.storedDecks.get('notes'))?.files).toEqual(memo(''));
      expect(await db.syncQuarantine.toArray()).toEqual([expect.objectContaining({ path: '$.deck.at', until: 8.64e15 - CLOCK_TOLERANCE_MS })]);
      // A later update (the next version, stamped by a correct clock) reaches this device.
      const v2 = memo('| `cd` | Changes the directory |\n');
      await adminPut(server, url, deckToDoc({ id: 'notes', at: NOW, version: 2, files: v2 }) as unknown as Record<string, unknown>, false);
      const end = Date.now() + 20_000;
      while ((await db.storedDecks.get('notes'))?.version !== 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect((await db.storedDecks.get('notes'))?.files).toEqual(v2);
      // An older version arriving late changes nothing, whatever its time says.
      await adminPut(server, url, deckToDoc({ id: 'notes', at: NOW + 5 * 60_000, version: 1, files: memo('| `rm` | Removes |\n') }) as unknown as Record<string, unknown>, false);
      await until(() => rep.status.kind === 'synced', 20_000, 'synced again');
      await new Promise((r) => setTimeout(r, 300));
      expect((await db.storedDecks.get('notes'))?.files).toEqual(v2);
    } finally {
      await rep.stop();
      db.close();
    }
  }, 60_000);
});
