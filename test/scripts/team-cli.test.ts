// `npm run team`, the admin's tool, against the dev server (PouchDB Server, in memory): every
// command twice (the second run changes nothing), each error with its exit status, and publishing
// as code: a broken memo publishes nothing, an unchanged one publishes nothing, an edited one
// publishes version n+1, which a member's device applies keeping its card history.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../scripts/team';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server';
import { rateCard } from '../../src/db/reviews';
import { setDb } from '../../src/db/database';
import { teamRepository } from '../../src/db/team-store';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { isTeamDeckDoc } from '../../src/domain/team/documents';
import type { TeamDeckDoc } from '../../src/domain/team/types';
import { CouchClient } from '../../src/sync/couch-client';
import { createTestDb } from '../db/helpers';
import { TEAM_EN, TEAM_EN_V2 } from '../fixtures/team-memo';

let server: SyncServer;
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);

beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function team(argv: string, env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    env: { COUCHDB_URL: server.url, COUCHDB_USER: server.admin.name, COUCHDB_PASSWORD: server.admin.password, KUJIRA_APP_URL: 'https://kujira.example.com', ...env },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    fetch: (input, init) => fetch(input, init),
    now: () => NOW,
  };
  const code = await main(argv.split(' ').filter((a) => a !== ''), io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function asUser(db: string, name: string, password: string): Promise<CouchClient> {
  const c = new CouchClient(`${server.url}/${db}`, fetch);
  c.useBasicAuth(name, password);
  return c;
}

const publishedDocs = async (db: string): Promise<TeamDeckDoc[]> => {
  const admin = await asUser(db, server.admin.name, server.admin.password);
  return (await admin.allDocs<unknown>({ prefix: 'deck:', includeDocs: true })).flatMap((r) => (isTeamDeckDoc(r.doc) ? [r.doc] : []));
};

describe('npm run team', () => {
  it('prints its help and exits 0; a usage error exits 2', async () => {
    const help = await team('--help');
    expect(help.code).toBe(0);
    for (const c of ['init', 'add-learner', 'create', 'add-member', 'remove-member', 'invite', 'publish', 'status']) expect(help.out).toContain(`  ${c}`);
    for (const v of ['COUCHDB_URL', 'COUCHDB_USER', 'COUCHDB_PASSWORD', 'KUJIRA_APP_URL']) expect(help.out).toContain(v);
    expect(await team('frobnicate')).toMatchObject({ code: 2, err: 'unknown command "frobnicate" (npm run team -- --help)' });
    expect(await team('create tools')).toMatchObject({ code: 2, err: 'usage: npm run team -- create <team> --lead <user>' });
    expect(await team('status', { COUCHDB_URL: undefined })).toMatchObject({ code: 2, err: 'COUCHDB_URL is not set (see npm run team -- --help)' });
    expect(await team('add-learner Bad!Name')).toMatchObject({ code: 1, err: expect.stringContaining('"Bad!Name" is not a valid user name') });
  });

  it('init, add-learner, create, add-member, invite, status, remove-member: each twice, the second changes nothing', async () => {
    const init1 = await team('init');
    expect(init1.code).toBe(0);
    expect(init1.out).toContain('setting cors/origins: created');
    const init2 = await team('init');
    expect(init2.code).toBe(0);
    expect(init2.out).not.toMatch(/: (created|updated)$/m);

    const learner = await team('add-learner ben');
    expect(learner.code).toBe(0);
    const password = /^password for ben \(shown once, give it to them privately\): (\S{24})$/m.exec(learner.out)?.[1];
    expect(password).toBeDefined();
    expect(learner.out).toContain('database kujira-ben: created; _security: created; write rule: created');
    const again = await team('add-learner ben');
    expect(again).toMatchObject({ code: 0, out: 'user ben: unchanged\ndatabase kujira-ben: unchanged; _security: unchanged; write rule: unchanged' });
    // The generated password signs in; only ben reads his database.
    const ben = await asUser('kujira-ben', 'ben', password!);
    expect((await ben.info()).db_name).toBe('kujira-ben');
    const leePass = await team('add-learner lee --password lee-secret');
    expect(leePass.out).not.toContain('lee-secret');
    // A signed-in non-member is refused (PouchDB Server says 401, Apache CouchDB 403).
    const refused = (c: CouchClient) => c.info().then(() => null, (e: { status: number }) => e.status);
    expect([401, 403]).toContain(await refused(await asUser('kujira-ben', 'lee', 'lee-secret')));
    expect(await refused(await asUser('kujira-ben', 'ben', password!))).toBeNull();

    expect(await team('create tools --lead lee')).toMatchObject({ code: 0, out: 'team tools (kujira-team-tools): database created; _security: created; write rule: created; lead: lee' });
    expect(await team('create tools --lead lee')).toMatchObject({ code: 0, out: 'team tools (kujira-team-tools): database unchanged; _security: unchanged; write rule: unchanged; lead: lee' });
    expect(await team('add-member tools ben')).toMatchObject({ code: 0, out: 'ben added to team tools' });
    expect(await team('add-member tools ben')).toMatchObject({ code: 0, out: 'ben is already a member of team tools' });
    // Re-running create keeps the members.
    expect((await team('create tools --lead lee')).code).toBe(0);
    const sec = await (await asUser('kujira-team-tools', server.admin.name, server.admin.password)).getDoc<{ members: { names: string[] }; admins: { names: string[] } }>('_security');
    expect(sec).toMatchObject({ admins: { names: ['lee'] }, members: { names: ['ben'] } });

    const invite = await team('invite tools ben', { KUJIRA_COUCHDB_URL: 'https://kujira.example.com/couch' });
    expect(invite.code).toBe(0);
    expect(invite.out.split('\n')).toEqual([
      'Join the team (send to ben):',
      'https://kujira.example.com/team/join?db=https%3A%2F%2Fkujira.example.com%2Fcouch%2Fkujira-team-tools',
      "Sync this learner's progress across devices:",
      'https://kujira.example.com/settings/sync?server=https%3A%2F%2Fkujira.example.com%2Fcouch%2Fkujira-ben',
    ]);

    // ben shares a summary: status shows his day; a member who never shared is "not sharing".
    await team('add-learner cho --password cho-pass');
    await team('add-member tools cho');
    const benTeam = await asUser('kujira-team-tools', 'ben', password!);
    await benTeam.putDoc({ _id: 'summary:ben:2026-12-06', type: 'summary', member: 'ben', day: '2026-12-06' });
    const status = await team('status');
    expect(status).toMatchObject({ code: 0, out: 'team tools: lead lee; 2 members\n  ben  last summary 2026-12-06\n  cho  not sharing' });
    expect(await team('status tools')).toMatchObject({ code: 0, out: status.out });

    expect(await team('remove-member tools cho')).toMatchObject({ code: 0, out: 'cho removed from team tools' });
    expect(await team('remove-member tools cho')).toMatchObject({ code: 0, out: 'cho is not a member of team tools' });
    expect([401, 403]).toContain(await refused(await asUser('kujira-team-tools', 'cho', 'cho-pass')));
  }, 60_000);

  it('says what is wrong: the admin password, a missing team or user, an unreachable server', async () => {
    expect(await team('status', { COUCHDB_PASSWORD: 'wrong' })).toEqual({
      code: 1,
      out: '',
      err: 'error: the server refused the admin "admin" (checking the admin)\n  check COUCHDB_USER and COUCHDB_PASSWORD',
    });
    expect(await team('add-member nowhere ben')).toMatchObject({ code: 1, err: 'error: there is no team "nowhere"\n  create it first: npm run team -- create nowhere --lead <user>' });
    expect(await team('create other --lead ghost')).toMatchObject({ code: 1, err: 'error: there is no user "ghost"\n  create it first: npm run team -- add-learner ghost' });
    const down = await team('status', { COUCHDB_URL: 'http://127.0.0.1:9' });
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/^error: cannot reach http:\/\/127\.0\.0\.1:9 \(.+\)\n {2}check COUCHDB_URL and that CouchDB is running$/);
  });

  it('publishes decks as code: errors publish nothing, unchanged publishes nothing, an edit is version n+1 and keeps a member\'s history', async () => {
    await team('add-learner pia --password pia-pass');
    await team('create pub --lead pia');
    const dir = mkdtempSync(join(tmpdir(), 'kujira-publish-'));
    const memo = join(dir, 'team-tools.en.md');
    const broken = join(dir, 'broken.en.md');
    writeFileSync(memo, TEAM_EN);
    writeFileSync(broken, '# Broken\n\n## Commands\n\n| Command | Description |\n|---|---|\n| `ok` | fine |\n| no backticks here | x |\n');

    const failed = await team(`publish pub ${memo} ${broken}`);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: `, 'm'));
    expect(failed.err.split('\n').at(-1)).toMatch(/^nothing published: \d+ errors?$/);
    expect(await publishedDocs('kujira-team-pub')).toEqual([]);

    expect(await team(`publish pub ${memo} --commit 1a2b3c4`)).toMatchObject({ code: 0, out: 'team-tools: published version 1 (commit 1a2b3c4)' });
    expect(await team(`publish pub ${memo}`)).toMatchObject({ code: 0, out: 'team-tools: unchanged (version 1)' });
    const v1 = await publishedDocs('kujira-team-pub');
    expect(v1).toHaveLength(1);
    expect(v1[0]).toMatchObject({ deckId: 'team-tools', version: 1, commit: '1a2b3c4', publishedBy: 'admin', files: [{ path: 'team-tools.en.md', text: TEAM_EN }] });

    // A member's device stores version 1 and rates a card.
    const db = createTestDb(`publish-${Math.random()}`);
    setDb(db);
    try {
      const compile = (doc: TeamDeckDoc) => compileDeck({ id: doc.deckId, dir: doc.deckId, files: doc.files }).deck!;
      await teamRepository.applyDeck(compile(v1[0]!), v1[0]!.files, NOW);
      const card = (await db.cards.where('deckId').equals('team-tools').first())!;
      await rateCard(db, card.id, 3, NOW + 1000, 4000);

      // The lead edits the memo and publishes with their own password: version 2.
      writeFileSync(memo, TEAM_EN_V2);
      expect(await team(`publish pub ${memo} --as pia`, { COUCHDB_USER: undefined, COUCHDB_PASSWORD: undefined, KUJIRA_PASSWORD: 'pia-pass' })).toMatchObject({
        code: 0,
        out: 'team-tools: published version 2',
      });
      expect(await team(`publish pub ${memo} --as pia`, { KUJIRA_PASSWORD: 'nope' })).toMatchObject({ code: 1, err: 'error: the server refused "pia"\n  check KUJIRA_PASSWORD' });
      const v2 = (await publishedDocs('kujira-team-pub')).find((d) => d.version === 2)!;
      expect(v2).toMatchObject({ publishedBy: 'pia', files: [{ text: TEAM_EN_V2 }] });
      const result = await teamRepository.applyDeck(compile(v2), v2.files, NOW + 2000);
      expect(result).not.toBeNull();
      // The rating stays with its card (directly or through a remap record), and the card keeps its state.
      const log = await db.reviewLog.toArray();
      expect(log).toHaveLength(1);
      const remaps = await db.cardRemaps.toArray();
      const now = remaps.find((r) => r.from === card.id)?.to ?? card.id;
      expect(await db.cards.get(now)).toBeTruthy();
      expect((await db.cardStates.get(now))?.reps).toBe(1);
    } finally {
      setDb(null);
      db.close();
    }
  }, 60_000);
});
