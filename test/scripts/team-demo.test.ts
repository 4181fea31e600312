// The demo team (`npm run sync-server -- --demo-team`) as the lead's app reads it: its members'
// summaries name the team's deck by the app's id, so the dashboard shows their lessons and recall
// and the weak spots (they showed "0/2 lessons, recall 0 %" and no weak spot: issue 26's review).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server';
import { createDemoTeam } from '../../scripts/team-demo';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { buildLessons } from '../../src/domain/onboarding/lessons';
import { buildDashboard } from '../../src/domain/team/dashboard';
import { localTeamContent } from '../../src/domain/team/documents';
import { CouchClient } from '../../src/sync/couch-client';
import { pullLatestSummaries, pullTeamContent } from '../../src/sync/team';

const NOW = Date.UTC(2026, 10, 10, 12, 0, 0);
let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('the demo team', () => {
  it('shows each member\'s lessons, recall and the weak spots on the lead\'s dashboard', async () => {
    const demo = await createDemoTeam(server.url, server.admin, NOW);
    const lead = new CouchClient(demo.dbUrl, fetch);
    await lead.login(demo.lead.name, demo.lead.password);
    const content = localTeamContent(await pullTeamContent(lead), 'kujira-team-demo');
    const doc = content.decks[0]!;
    const deck = compileDeck({ id: doc.deckId, files: doc.files }).deck!;
    const { summaries } = await pullLatestSummaries(lead, NOW);
    const dash = buildDashboard(summaries, content.assignments, [{ deck, lessons: buildLessons(deck), cardOrder: new Map([[deck.hash, deck.cards.map((c) => c.id)]]) }]);
    expect(content.assignments.map((a) => a.deckId)).toEqual(['team:kujira-team-demo:team-tools']);
    expect(dash.members.map((m) => [m.member, m.assignments[0]!.lessonsPassed])).toEqual([['ana', 2], ['ben', 1], ['chie', 0]]);
    expect(dash.members[0]!.assignments[0]!.meanRecall).toBeGreaterThan(0);
    expect(dash.weakSpots.length).toBeGreaterThan(0);
  }, 60_000);
});
