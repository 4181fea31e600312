// Benchmark of the team dashboard: 500 members x 30 days of summaries on the dev server (PouchDB
// Server, in memory, loopback), pulled as the lead (the ids, then each member's newest summary)
// and aggregated (per member readiness, weak spots, CSV), on the 81-card Docker deck and on a
// generated 2,000-card deck; and the size of one member's summary for the 2,000-card deck.
// Prints figures; asserts nothing. Rendering the table is not in these figures (Node).
// Run: npx tsx bench/team.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDeck } from '../src/domain/deck/compile-deck';
import type { Deck } from '../src/domain/deck/types';
import { buildLessons } from '../src/domain/onboarding/lessons';
import { buildDashboard } from '../src/domain/team/dashboard';
import { dashboardCsv } from '../src/domain/team/csv';
import { makeAssignment } from '../src/domain/team/documents';
import { CouchClient } from '../src/sync/couch-client';
import { pullLatestSummaries } from '../src/sync/team';
import { startSyncServer } from '../scripts/sync-server';
import { createTeamDatabase } from '../scripts/team-setup';
import { generatedSummaries, seeded } from '../scripts/team-demo';
import { generatedDeck } from './generated-memo';
import { DeviceNetwork } from '../test/sync/helpers';

const NOW = Date.UTC(2026, 11, 10, 12, 0, 0);
const MEMBERS = 500;
const DAYS = 30;

function dockerDeck(): Deck {
  const dir = 'decks/docker';
  const files = readdirSync(dir).filter((n) => /^(memo|notes)\.[a-z]+\.md$/.test(n)).sort().map((n) => ({ path: `${dir}/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
  const r = compileDeck({ id: 'docker', dir, files });
  if (!r.deck) throw new Error('decks/docker does not compile');
  return r.deck;
}

function bigDeck(): Deck {
  // 1,980 command rows in two directions is too many: 1,000 rows = 2,000 command cards, plus 10 cloze facts.
  const r = compileDeck(generatedDeck(1000, ['en']));
  if (!r.deck) throw new Error('generated deck does not compile');
  return r.deck;
}

const server = await startSyncServer({ port: 0 });
const lead = { name: 'lead', password: 'lead-pass' };

async function run(label: string, deck: Deck, teamName: string): Promise<void> {
  const lessons = buildLessons(deck);
  const t0 = performance.now();
  const rnd = seeded(16);
  const docs = [];
  let newestBytes = 0;
  for (let m = 0; m < MEMBERS; m++) {
    const s = generatedSummaries(`m${String(m).padStart(3, '0')}`, deck, rnd, NOW, Math.floor(rnd() * (lessons.length + 1)), DAYS);
    newestBytes = Math.max(newestBytes, Buffer.byteLength(JSON.stringify(s[0])));
    docs.push(...s);
  }
  const genMs = performance.now() - t0;
  // A kept-alive socket the server closed meanwhile fails once (ECONNRESET): set-up tries again.
  const create = () => createTeamDatabase(server.url, server.admin, { name: teamName, lead, members: [] });
  const dbUrl = await create().catch(create);
  const auth = { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}` };
  for (let i = 0; i < docs.length; i += 1000) {
    const res = await fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: docs.slice(i, i + 1000) }) });
    if (!res.ok) throw new Error(`bulk ${res.status}`);
  }
  const assignment = makeAssignment({ id: 'a', deck, lessonCount: lessons.length, fromLesson: 1, toLesson: Math.min(3, lessons.length), dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'lead', now: NOW });

  const client = new CouchClient(dbUrl, new DeviceNetwork().fetch);
  await client.login(lead.name, lead.password);
  const p0 = performance.now();
  const { summaries } = await pullLatestSummaries(client, NOW);
  const p1 = performance.now();
  const dash = buildDashboard(summaries, [assignment], [{ deck, lessons, cardOrder: new Map([[deck.hash, deck.cards.map((c) => c.id)]]) }]);
  const p2 = performance.now();
  const csv = dashboardCsv(dash, [assignment]);
  const p3 = performance.now();
  const pulledBytes = summaries.reduce((n, s) => n + Buffer.byteLength(JSON.stringify(s)), 0);
  const ready = dash.members.filter((m) => m.assignments[0]?.ready).length;
  console.log(`${label}: ${deck.cards.length} cards, ${lessons.length} lessons, ${docs.length} summaries on the server (generated in ${genMs.toFixed(0)} ms)`);
  console.log(`  pull (ids + ${summaries.length} newest):  ${(p1 - p0).toFixed(0)} ms, ${(pulledBytes / 1e6).toFixed(2)} MB of summaries`);
  console.log(`  aggregate (members + weak spots): ${(p2 - p1).toFixed(0)} ms   (${ready} ready, ${dash.weakSpots.length} weak spots)`);
  console.log(`  CSV:                              ${(p3 - p2).toFixed(0)} ms, ${(csv.length / 1e3).toFixed(0)} KB`);
  console.log(`  pull + aggregate:                 ${(p2 - p0).toFixed(0)} ms   (goal < ${deck.cards.length > 100 ? 5 : 3} s with rendering)`);
  console.log(`  newest summary per member per day, largest: ${(newestBytes / 1024).toFixed(1)} KB   (goal < 20 KB for 2,000 cards)`);
}

try {
  await run('81-card deck (docker)', dockerDeck(), 'bench-docker');
  await run('2,000-card deck (generated)', bigDeck(), 'bench-big');
} finally {
  await server.close();
}
