// The team database on the dev server (PouchDB Server, CouchDB's _security and
// validate_doc_update): who may write what, that a non-member reads nothing, and that summaries
// written by members aggregate on the lead's side to the fixture's known numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server';
import { createTeamDatabase, createUser } from '../../scripts/team-setup';
import { CouchClient } from '../../src/sync/couch-client';
import { SyncError } from '../../src/sync/errors';
import { pullLatestSummaries, pullTeamContent, pushSummary } from '../../src/sync/team';
import { buildDashboard } from '../../src/domain/team/dashboard';
import { nextDeckDoc } from '../../src/domain/team/documents';
import { summaryDocId } from '../../src/domain/team/types';
import { summarize } from '../../src/domain/team/summarize';
import { DeviceNetwork } from '../sync/helpers';
import { TEAM_EN } from '../fixtures/team-memo';
import { DAY, dashboardDeck, fixture, NOW } from './fixture';

const LEAD = { name: 'lead', password: 'lead-pass' };
const MEMBERS = ['alice', 'bob', 'carol'].map((name) => ({ name, password: `${name}-pass` }));
const OUTSIDER = { name: 'mallory', password: 'mallory-pass' };

let server: SyncServer;
let dbUrl: string;

beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
  dbUrl = await createTeamDatabase(server.url, server.admin, { name: 'onboarding', lead: LEAD, members: MEMBERS });
  await createUser(server.url, server.admin, OUTSIDER);
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function signIn(who: { name: string; password: string }): Promise<CouchClient> {
  const client = new CouchClient(dbUrl, new DeviceNetwork().fetch);
  await client.login(who.name, who.password);
  return client;
}

const REFUSED = ['forbidden', 'signed-out'];

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncError) return e.kind;
    throw e;
  }
  return 'accepted';
}

describe('team database permissions', () => {
  it('lets the lead publish decks and assignments, and members read them', async () => {
    const lead = await signIn(LEAD);
    const f = fixture();
    await lead.putDoc(nextDeckDoc([], 'team-tools', [{ path: 'team-tools.en.md', text: TEAM_EN, role: 'memo', lang: 'en' }], 'lead', NOW));
    await lead.putDoc(f.assignment);
    const content = await pullTeamContent(await signIn(MEMBERS[0]!));
    expect(content.decks.map((d) => d._id)).toEqual(['deck:team-tools:000001']);
    expect(content.assignments.map((a) => a._id)).toEqual(['assignment:deploy']);
    expect(content.refused).toEqual([]);
  });

  it("lets a member write and update only their own summaries", async () => {
    const f = fixture();
    const bob = await signIn(MEMBERS[1]!);
    await pushSummary(bob, f.summaries.bob, null);
    await pushSummary(bob, { ...f.summaries.bob, reviews7: 2 }, null); // today's again: an update
    expect((await bob.getDoc<{ reviews7: number }>(f.summaries.bob._id))?.reviews7).toBe(2);
    // Another member's summary: neither a new one nor over theirs.
    expect(await refusal(bob.putDoc({ ...f.summaries.alice, _id: summaryDocId('alice', '2026-11-10') }))).toBe('forbidden');
    expect(await refusal(bob.putDoc({ ...f.summaries.bob, _id: summaryDocId('alice', '2026-11-11'), member: 'bob' }))).toBe('forbidden');
    // Their own id naming someone else as member.
    expect(await refusal(bob.putDoc({ ...f.summaries.bob, _id: summaryDocId('bob', '2026-11-11'), member: 'alice' }))).toBe('forbidden');
    // Not a day after the name (a user "bob:x" could otherwise pass as bob).
    expect(await refusal(bob.putDoc({ ...f.summaries.bob, _id: 'summary:bob:notes' }))).toBe('forbidden');
  });

  it('refuses a member publishing a deck, an assignment, or changing the lead\'s documents', async () => {
    const f = fixture();
    const alice = await signIn(MEMBERS[0]!);
    expect(await refusal(alice.putDoc(nextDeckDoc([], 'evil', [{ path: 'e.md', text: '# E' }], 'alice', NOW)))).toBe('forbidden');
    expect(await refusal(alice.putDoc({ ...f.assignment, _id: 'assignment:mine' }))).toBe('forbidden');
    const existing = await alice.getDoc<{ _rev: string }>('assignment:deploy');
    expect(existing).not.toBeNull();
    expect(await refusal(alice.putDoc({ ...f.assignment, _rev: existing!._rev, retentionTarget: 0.5 }))).toBe('forbidden');
    expect(await refusal(alice.putDoc({ _id: 'assignment:deploy', _rev: existing!._rev, _deleted: true } as { _id: string; _rev: string }))).toBe('forbidden');
    // Design documents are for database admins: CouchDB answers 401 (unauthorized) rather than 403.
    expect(REFUSED).toContain(await refusal(alice.putDoc({ _id: '_design/mine', validate_doc_update: 'function () {}' } as { _id: string })));
  });

  it('shows a signed-in non-member nothing', async () => {
    const mallory = await signIn(OUTSIDER);
    // PouchDB Server answers 401 where CouchDB 3 answers 403: either way a refusal, and no documents.
    expect(REFUSED).toContain(await refusal(mallory.allDocs({ prefix: 'deck:' })));
    expect(REFUSED).toContain(await refusal(mallory.allDocs({ prefix: 'summary:', includeDocs: true })));
    expect(REFUSED).toContain(await refusal(mallory.getDoc('assignment:deploy')));
    expect(REFUSED).toContain(await refusal(mallory.info()));
    expect(REFUSED).toContain(await refusal(mallory.putDoc({ ...fixture().summaries.carol, _id: summaryDocId('mallory', '2026-11-10'), member: 'mallory' })));
    // And nobody signed in at all.
    const anonymous = new CouchClient(dbUrl, new DeviceNetwork().fetch);
    expect(REFUSED).toContain(await refusal(anonymous.allDocs({ prefix: 'summary:' })));
  });
});

describe('summaries through the server', () => {
  it('aggregate on the lead side to the known numbers, newest summary per member', async () => {
    const f = fixture();
    for (const [i, key] of (['alice', 'bob', 'carol'] as const).entries()) {
      const client = await signIn(MEMBERS[i]!);
      if (key === 'alice') await pushSummary(client, f.summaries.aliceYesterday, null);
      await pushSummary(client, f.summaries[key], key === 'alice' ? '2026-11-09' : null);
    }
    const lead = await signIn(LEAD);
    const { summaries, unreadable } = await pullLatestSummaries(lead, NOW);
    expect(unreadable).toEqual([]);
    expect(summaries.map((s) => s._id).sort()).toEqual(['summary:alice:2026-11-10', 'summary:bob:2026-11-10', 'summary:carol:2026-11-10']);
    const dash = buildDashboard(summaries, [f.assignment], [dashboardDeck(f.deck)]);
    expect(dash.members.map((m) => [m.member, m.assignments[0]!.ready, m.overdue, m.retention7])).toEqual([
      ['alice', true, 1, 0.75],
      ['bob', false, 0, null],
      ['carol', false, 0, null],
    ]);
    expect(dash.weakSpots[0]).toMatchObject({ cardId: f.c1.id, lapses: 2, learners: 2 });
  });
});

describe('a member on a second, fresh browser (issue 26)', () => {
  it('does not replace the summary of the device that holds her history, until it has caught up', async () => {
    const dana = { name: 'dana', password: 'dana-pass' };
    const url = await createTeamDatabase(server.url, server.admin, { name: 'second-browser', lead: LEAD, members: [dana] });
    const as = async (who: { name: string; password: string }) => {
      const client = new CouchClient(url, new DeviceNetwork().fetch);
      await client.login(who.name, who.password);
      return client;
    };
    const f = fixture();
    // Her laptop: lesson 1 passed, recall 90 %, 8 events.
    const laptop = { ...f.summaries.alice, _id: summaryDocId('dana', '2026-11-10'), member: 'dana' };
    expect(await pushSummary(await as(dana), laptop, null)).toBe('written');
    // The fresh browser: joined, shares, holds none of her events yet.
    const fresh = (now: number, events: number) => summarize({ member: 'dana', now, day: DAY, decks: [{ deck: f.deck, lessonsPassed: [] }], states: [], log: [], events });
    const browser = await as(dana);
    expect(await pushSummary(browser, fresh(NOW + 3_600_000, 0), null)).toBe('kept');
    // The next day too: no summary of that day, the laptop's stays the newest.
    expect(await pushSummary(browser, fresh(NOW + 86_400_000, 0), null)).toBe('kept');
    const lead = await as(LEAD);
    const seen = await pullLatestSummaries(lead, NOW + 86_400_000);
    expect(seen.summaries.map((s) => [s._id, s.events])).toEqual([['summary:dana:2026-11-10', 8]]);
    const row = buildDashboard(seen.summaries, [f.assignment], [dashboardDeck(f.deck)]).members[0]!;
    expect(row.assignments[0]).toMatchObject({ lessonsPassed: 1, ready: true });
    // Sync brought her 8 events, and she rated once more there: that browser now speaks for her.
    expect(await pushSummary(browser, fresh(NOW + 86_400_000, 9), null)).toBe('written');
    expect((await pullLatestSummaries(lead, NOW + 86_400_000)).summaries.map((s) => [s._id, s.events])).toEqual([['summary:dana:2026-11-11', 9]]);
  });
});
