// A demo team for the dev server (`npm run sync-server -- --demo-team`): a lead, three members,
// a published team memo, an assignment and 30 days of generated, seeded progress summaries, so
// a newcomer signing in as the lead sees a populated dashboard. The bench (bench/team.ts) uses
// the same generator at 500 members.
import type { Deck } from '../src/domain/deck/types';
import { buildLessons } from '../src/domain/onboarding/lessons';
import { newCardState } from '../src/domain/scheduler/scheduler';
import { addDays, dayKey } from '../src/domain/scheduler/day';
import { compileDeck } from '../src/domain/deck/compile-deck';
import { makeAssignment, nextDeckDoc } from '../src/domain/team/documents';
import { summarize, withoutCards, type SummaryCardState, type SummaryLogEntry } from '../src/domain/team/summarize';
import type { SummaryDoc, TeamDeckDoc } from '../src/domain/team/types';
import { teamDeckId } from '../src/domain/deck/deck-owner';
import { createTeamDatabase, type Account } from './team-setup';

const D = 86_400_000;
export const DEMO_DAY = { timeZone: 'UTC', startHour: 4 };

/** A small seeded generator (mulberry32): the same seed gives the same team. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One member's learner data after `days` days on `deck`: the first `lessons` lessons passed, their
 * cards reviewed with seeded stability, lapses and last review, and a review log over the days.
 */
export function generatedLearner(deck: Deck, rnd: () => number, now: number, lessonsDone: number, days = 30) {
  const lessons = buildLessons(deck);
  const passed = lessons.slice(0, lessonsDone);
  const states: SummaryCardState[] = [];
  const log: SummaryLogEntry[] = [];
  for (const lesson of passed) {
    for (const card of lesson.cards) {
      const lapses = rnd() < 0.25 ? 1 + Math.floor(rnd() * 3) : 0;
      const lastDaysAgo = rnd() * Math.min(days, 12);
      const stability = 1 + rnd() * 20 / (1 + lapses);
      states.push({ ...newCardState(), cardId: card.id, state: 'review', stability, lastReview: now - lastDaysAgo * D, due: now + (stability - lastDaysAgo) * D, lapses, suspended: false, retired: false });
      const reviews = 1 + Math.floor(rnd() * 4);
      for (let i = 0; i < reviews; i++) {
        log.push({ cardId: card.id, rating: rnd() < 0.12 ? 1 : 3, reviewedAt: now - rnd() * days * D, prevState: i === 0 ? 'new' : 'review' });
      }
    }
  }
  return { lessonsPassed: passed.map((l) => l.id), lastLessonAt: passed.length > 0 ? now - rnd() * 5 * D : null, states, log };
}

/** A member's summaries for the last `days` days: the newest complete, the earlier ones without per-card arrays (as the app leaves them). */
export function generatedSummaries(member: string, deck: Deck, rnd: () => number, now: number, lessonsDone: number, days = 30): SummaryDoc[] {
  const learner = generatedLearner(deck, rnd, now, lessonsDone, days);
  const newest = summarize({ member, now, day: DEMO_DAY, decks: [{ deck, lessonsPassed: learner.lessonsPassed, lastLessonAt: learner.lastLessonAt }], states: learner.states, log: learner.log, events: learner.log.length + learner.lessonsPassed.length });
  const out = [newest];
  const today = dayKey(now, DEMO_DAY.timeZone, DEMO_DAY.startHour);
  for (let i = 1; i < days; i++) {
    const day = addDays(today, -i);
    out.push(withoutCards({ ...newest, _id: `summary:${member}:${day}`, day, at: now - i * D }));
  }
  return out;
}

/** The demo team's memo (English), two sections: what a lead would publish for newcomers. */
export const DEMO_MEMO = `# Team tools

## Deploy
* Deploys run from the main branch only
* Every deploy posts to the ops channel
* Rollbacks use the previous image tag

## Commands
|Command|Meaning|Note|
|:--|:--|:--|
|\`kubectl get pods\`|List the pods||
|\`kubectl logs\`|Show the logs of a pod||
|\`kubectl describe pod\`|Show the events of a pod||
`;

export interface DemoTeam {
  dbUrl: string;
  lead: Account;
  members: Account[];
}

async function adminBulk(dbUrl: string, admin: Account, docs: object[]): Promise<void> {
  const res = await fetch(`${dbUrl}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` },
    body: JSON.stringify({ docs }),
  });
  if (!res.ok) throw new Error(`demo team: writing documents failed: ${res.status} ${await res.text()}`);
}

/** Creates `kujira-team-demo` with a lead, three members, the memo published, one assignment and generated progress. */
export async function createDemoTeam(serverUrl: string, admin: Account, now: number): Promise<DemoTeam> {
  const lead = { name: 'lead', password: 'lead-pass' };
  const members = ['ana', 'ben', 'chie'].map((name) => ({ name, password: `${name}-pass` }));
  const dbUrl = await createTeamDatabase(serverUrl, admin, { name: 'demo', lead, members });
  const files = [{ path: 'team-tools.en.md', text: DEMO_MEMO, role: 'memo' as const, lang: 'en' as const }];
  const deckDoc: TeamDeckDoc = nextDeckDoc([], 'team-tools', files, lead.name, now - 20 * D);
  // Summarized as the members' apps do: under the app's id of the team's deck (team:<database>:team-tools),
  // whose card ids and hash the lead's app compiles too; under the published id no summary would count.
  const compiled = compileDeck({ id: teamDeckId(dbUrl.split('/').pop()!, 'team-tools'), files });
  if (!compiled.deck) throw new Error('demo team: the demo memo does not compile');
  const deck = compiled.deck;
  const lessons = buildLessons(deck);
  const today = dayKey(now, DEMO_DAY.timeZone, DEMO_DAY.startHour);
  const assignment = makeAssignment({ id: 'first-week', deck, lessonCount: lessons.length, fromLesson: 1, toLesson: lessons.length, dueDay: addDays(today, 7), retentionTarget: 0.9, createdBy: lead.name, now: now - 20 * D });
  const rnd = seeded(16);
  const summaries = members.flatMap((m, i) => generatedSummaries(m.name, deck, rnd, now, [2, 1, 0][i]!, 30));
  await adminBulk(dbUrl, admin, [deckDoc, assignment, ...summaries]);
  return { dbUrl, lead, members };
}
