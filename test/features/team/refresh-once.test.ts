// The team page opening while start-up's background round runs (issue 27): the two automatic
// rounds are one, so the lead's device pulls the members' summaries once, not twice; a refresh
// the user asks for, or one after this app wrote to the team (an assignment), is a round of its own.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import { createTeamDatabase } from '../../../scripts/team-setup';
import { setDb } from '../../../src/db/database';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { createAssignment, joinTeam, refreshTeam } from '../../../src/features/team/team-service';
import { createTestDb } from '../../db/helpers';
import { TEAM_EN } from '../../fixtures/team-memo';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
let server: SyncServer;
let dbUrl: string;

beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
  dbUrl = await createTeamDatabase(server.url, server.admin, { name: 'once', lead: { name: 'lia', password: 'lia-pass' }, members: [] });
}, 60_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  setDb(null);
});

describe('refreshTeam', () => {
  it('an automatic round joins the one under way; one the user asks for, or after a write, is a new round', async () => {
    setDb(createTestDb(`refresh-once-${Math.random()}`));
    const config = await joinTeam(dbUrl, 'lia', 'lia-pass');
    const requests = vi.spyOn(globalThis, 'fetch');
    const summaryIdReads = () => requests.mock.calls.filter(([url]) => String(url).includes('_all_docs') && decodeURIComponent(String(url)).includes('"summary:"')).length;

    const auto = { joinRunning: true };
    const [page, background] = [refreshTeam(config, [], NOW, auto), refreshTeam(config, [], NOW, auto)];
    expect(background).toBe(page);
    await page;
    expect(summaryIdReads()).toBe(1);
    // Refresh clicked while a round runs: a round of its own, which sees what happened after the click.
    const running = refreshTeam(config, [], NOW, auto);
    const clicked = refreshTeam(config, [], NOW);
    expect(clicked).not.toBe(running);
    await Promise.all([running, clicked]);
    expect(summaryIdReads()).toBe(3);
    // Done: the next automatic round is a round of its own.
    await refreshTeam(config, [], NOW, auto);
    expect(summaryIdReads()).toBe(4);

    const deck = compileDeck({ id: 'team-tools', files: [{ path: 'team-tools.en.md', text: TEAM_EN, role: 'memo', lang: 'en' }] }).deck!;
    const before = refreshTeam(config, [], NOW, auto);
    await createAssignment(config, deck, { fromLesson: 1, toLesson: 1, dueDay: '2026-12-15', retentionTarget: 0.9 }, NOW);
    const after = refreshTeam(config, [], NOW, auto);
    expect(after).not.toBe(before);
    expect((await after).content.assignments.map((a) => a.deckId)).toEqual(['team-tools']);
    await before;
  }, 60_000);
});
