// A team with known answers: the two-lesson team memo (lesson 1 "Deploy": three facts; lesson 2
// "Commands": two commands, both directions), one assignment (lesson 1, target 90 %) and three
// members whose card states make the retrievability exact (elapsed = stability gives 90 %).
import { compileDeck } from '../../src/domain/deck/compile-deck';
import type { Deck } from '../../src/domain/deck/types';
import { buildLessons } from '../../src/domain/onboarding/lessons';
import { newCardState } from '../../src/domain/scheduler/scheduler';
import type { DashboardDeck } from '../../src/domain/team/dashboard';
import { makeAssignment } from '../../src/domain/team/documents';
import { summarize, type SummaryCardState, type SummaryLogEntry } from '../../src/domain/team/summarize';
import type { SummaryDoc } from '../../src/domain/team/types';
import { TEAM_EN } from '../fixtures/team-memo';

// In the past of any run of these tests: the team's write rule refuses a summary dated after the
// server's tomorrow (issue 22), and the dev server's clock is the real one.
export const NOW = Date.UTC(2026, 10, 10, 12, 0, 0);
export const DAY = { timeZone: 'UTC', startHour: 4 };
const D = 86_400_000;

export function teamDeck(): Deck {
  const r = compileDeck({ id: 'team-tools', files: [{ path: 'team-tools.en.md', text: TEAM_EN, role: 'memo', lang: 'en' }] });
  if (!r.deck) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return r.deck;
}

export function dashboardDeck(deck: Deck): DashboardDeck {
  return { deck, lessons: buildLessons(deck), cardOrder: new Map([[deck.hash, deck.cards.map((c) => c.id)]]) };
}

export function fixture() {
  const deck = teamDeck();
  const lessons = buildLessons(deck);
  const [l1, l2] = lessons as [(typeof lessons)[0], (typeof lessons)[0]];
  const [c1, c2, c3] = l1.cards as unknown as [{ id: string }, { id: string }, { id: string }];
  const assignment = makeAssignment({ id: 'deploy', deck, lessonCount: lessons.length, fromLesson: 1, toLesson: 1, dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'lead', now: NOW - 5 * D });

  const state = (cardId: string, stabilityDays: number, lastDaysAgo: number, lapses: number, dueInDays: number): SummaryCardState => ({
    ...newCardState(),
    cardId,
    state: 'review',
    stability: stabilityDays,
    lastReview: NOW - lastDaysAgo * D,
    due: NOW + dueInDays * D,
    lapses,
    suspended: false,
    retired: false,
  });
  const review = (cardId: string, daysAgo: number, rating: 1 | 3, prevState: 'review' | 'new' = 'review'): SummaryLogEntry => ({ cardId, rating, reviewedAt: NOW - daysAgo * D, prevState });

  // alice: lesson 1 passed; her three cards at exactly 90 % (elapsed 10 d = stability 10 d); one overdue.
  const alice = summarize({
    member: 'alice',
    now: NOW,
    day: DAY,
    decks: [{ deck, lessonsPassed: [l1.id], lastLessonAt: NOW - 12 * D }],
    states: [state(c1.id, 10, 10, 0, -1), state(c2.id, 10, 10, 1, 3), state(c3.id, 10, 10, 0, 2)],
    // 7 days: 4 review answers, one Again (75 %); 30 days: one more pass (4 of 5, 80 %); 2 new-card answers not counted.
    log: [review(c1.id, 1, 3), review(c2.id, 2, 1), review(c3.id, 3, 3), review(c1.id, 6, 3), review(c2.id, 20, 3), review(c1.id, 25, 3, 'new'), review(c2.id, 25, 3, 'new')],
    // Her 7 ratings and 1 lesson.
    events: 8,
  });
  // bob: lesson 1 passed, but his cards were last seen 20 days ago at stability 10 (below 90 %); c1 lapsed twice.
  const bob = summarize({
    member: 'bob',
    now: NOW,
    day: DAY,
    decks: [{ deck, lessonsPassed: [l1.id, l2.id], lastLessonAt: NOW - 3 * D }],
    states: [state(c1.id, 10, 20, 2, 5), state(c2.id, 10, 20, 0, 5), state(c3.id, 10, 20, 0, 5)],
    log: [review(c1.id, 20, 1)],
    events: 3,
  });
  // carol: joined, shared, studied nothing.
  const carol = summarize({ member: 'carol', now: NOW, day: DAY, decks: [{ deck, lessonsPassed: [] }], states: [], log: [], events: 0 });
  // An older summary of alice's (yesterday) that the dashboard must not read over the newest.
  const aliceYesterday: SummaryDoc = { ...alice, _id: 'summary:alice:2026-11-09', day: '2026-11-09', at: NOW - D, overdue: 7, decks: [] };
  return { deck, lessons, l1, l2, c1, c2, c3, assignment, summaries: { alice, bob, carol, aliceYesterday } };
}
