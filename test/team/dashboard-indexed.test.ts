// buildDashboard aggregates by position into reused arrays (issue 27: 500 members x 2,000 cards);
// the map-per-member way it replaced is kept here as the reference, and both must give the same
// dashboard on generated teams: two decks, two versions of one, members on an unknown version,
// members without the deck, cards no longer in the memo, ties in the ranking.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import type { Card } from '../../src/domain/deck/types';
import { buildLessons } from '../../src/domain/onboarding/lessons';
import { assignmentProgress, buildDashboard, latestByMember, type AssignmentProgress, type Dashboard, type DashboardDeck, type MemberRow, type WeakSpot } from '../../src/domain/team/dashboard';
import { makeAssignment } from '../../src/domain/team/documents';
import type { AssignmentDoc, RetentionCount, SummaryDoc } from '../../src/domain/team/types';
import { generatedSummaries, seeded } from '../../scripts/team-demo';
import { generatedDeck } from '../../bench/generated-memo';
import { dashboardDeck, NOW, teamDeck } from './fixture';

const rate = (r: RetentionCount): number | null => (r.total === 0 ? null : r.passed / r.total);

// The aggregation as it was before issue 27 (src/domain/team/dashboard.ts at f627c70).
/** Card id -> [lapses, recall percent] of one member on one deck, or null when the version is unknown. */
function cardsOf(summary: SummaryDoc, deck: DashboardDeck): Map<string, [number, number]> | null {
  const s = summary.decks.find((d) => d.deckId === deck.deck.id);
  if (!s) return new Map();
  const order = deck.cardOrder.get(s.hash);
  if (!order || s.r.length !== order.length) return null;
  const out = new Map<string, [number, number]>();
  order.forEach((id, i) => out.set(id, [s.lapses[i] ?? 0, s.r[i] ?? -1]));
  return out;
}

function referenceProgress(summary: SummaryDoc, assignment: AssignmentDoc, deck: DashboardDeck | undefined): AssignmentProgress {
  const lessons = deck ? deck.lessons.slice(assignment.fromLesson - 1, assignment.toLesson) : [];
  const passed = new Set(summary.decks.find((d) => d.deckId === assignment.deckId)?.lessonsPassed ?? []);
  const lessonsPassed = lessons.filter((l) => passed.has(l.id)).length;
  let meanRecall: number | null = null;
  const cards = deck ? cardsOf(summary, deck) : null;
  if (cards) {
    const ids = lessons.flatMap((l) => l.cards.map((c) => c.id));
    if (ids.length > 0) meanRecall = ids.reduce((sum, id) => sum + Math.max(0, cards.get(id)?.[1] ?? 0) / 100, 0) / ids.length;
  }
  const ready = lessons.length > 0 && lessonsPassed === lessons.length && meanRecall !== null && meanRecall >= assignment.retentionTarget - 1e-9;
  return { assignmentId: assignment._id, lessonsPassed, lessonsTotal: lessons.length, meanRecall, ready };
}

function referenceDashboard(
  summaries: readonly SummaryDoc[],
  assignments: readonly AssignmentDoc[],
  decks: readonly DashboardDeck[],
  options: { weakSpots?: number } = {},
): Dashboard {
  const deckById = new Map(decks.map((d) => [d.deck.id, d]));
  const latest = latestByMember(summaries);
  const members: MemberRow[] = latest.map((s) => ({
    member: s.member,
    day: s.day,
    at: s.at,
    lastActiveAt: s.lastActiveAt,
    reviews7: s.reviews7,
    retention7: rate(s.retention7),
    retention30: rate(s.retention30),
    overdue: s.overdue,
    assignments: assignments.map((a) => referenceProgress(s, a, deckById.get(a.deckId))),
  }));

  // Weak spots over every known deck, one per command, option or fact (deck + key): per member, the
  // lapses and mean recall of the item's cards they reviewed; then summed over those members.
  const cardIndex = new Map<string, Card>();
  for (const d of decks) for (const c of d.deck.cards) cardIndex.set(c.id, c);
  const acc = new Map<string, { cards: Card[]; learners: number; lapses: number; recall: number }>();
  for (const s of latest) {
    const mine = new Map<string, { lapses: number; recall: number; reviewed: number }>();
    for (const d of decks) {
      const cards = cardsOf(s, d);
      if (!cards) continue;
      for (const [id, [lapses, r]] of cards) {
        const card = cardIndex.get(id);
        // A card no longer in the current memo has no line to rewrite: left out.
        if (r < 0 || !card) continue;
        const item = `${card.deckId}\u0000${card.key}`;
        const m = mine.get(item) ?? { lapses: 0, recall: 0, reviewed: 0 };
        m.lapses += lapses;
        m.recall += r / 100;
        m.reviewed += 1;
        mine.set(item, m);
      }
    }
    for (const [item, m] of mine) {
      const a = acc.get(item) ?? { cards: [], learners: 0, lapses: 0, recall: 0 };
      a.learners += 1;
      a.lapses += m.lapses;
      a.recall += m.recall / m.reviewed;
      acc.set(item, a);
    }
  }
  const itemCards = new Map<string, Card[]>();
  for (const c of cardIndex.values()) {
    const item = `${c.deckId}\u0000${c.key}`;
    if (acc.has(item)) itemCards.set(item, [...(itemCards.get(item) ?? []), c]);
  }
  const weakSpots: WeakSpot[] = [];
  for (const [item, a] of acc) {
    const cards = (itemCards.get(item) ?? []).sort((x, y) => x.order - y.order);
    const card = cards[0]!;
    weakSpots.push({
      cardId: card.id,
      cardIds: cards.map((c) => c.id),
      deckId: card.deckId,
      key: card.key,
      source: card.source,
      card,
      learners: a.learners,
      lapses: a.lapses,
      lapseRate: a.lapses / a.learners,
      meanRecall: a.recall / a.learners,
    });
  }
  // Worst first: most lapses per learner, then lowest recall, then memo order.
  weakSpots.sort((x, y) => y.lapseRate - x.lapseRate || x.meanRecall - y.meanRecall || x.card.order - y.card.order);
  return { members, weakSpots: weakSpots.slice(0, options.weakSpots ?? 20) };
}

/** Two decks; the generated one has an older version (its first 30 cards dropped) that some summaries are on. */
function team(seed: number, members: number) {
  const small = teamDeck();
  const gen = compileDeck(generatedDeck(200, ['en'])).deck!;
  const older = { ...gen, hash: 'older-version', cards: gen.cards.slice(30) };
  const decks: DashboardDeck[] = [dashboardDeck(small), { ...dashboardDeck(gen), cardOrder: new Map([[gen.hash, gen.cards.map((c) => c.id)], [older.hash, older.cards.map((c) => c.id)]]) }];
  // A card of the older version that is no longer in the memo.
  (decks[1]!.cardOrder.get(older.hash) as string[])[0] = 'retired-card';
  const rnd = seeded(seed);
  const summaries: SummaryDoc[] = [];
  for (let m = 0; m < members; m++) {
    const name = `m${m}`;
    const a = generatedSummaries(name, small, rnd, NOW, Math.floor(rnd() * 3), 3)[0]!;
    const pick = rnd();
    const deck = pick < 0.4 ? gen : pick < 0.7 ? older : null;
    const b = deck ? generatedSummaries(name, deck, rnd, NOW, Math.floor(rnd() * 4), 3)[0]! : null;
    // Some on a version this device does not know; some with the small deck only.
    const other = b ? { ...b.decks[0]!, hash: rnd() < 0.15 ? 'unknown' : b.decks[0]!.hash } : null;
    summaries.push({ ...a, decks: other ? [...a.decks, other] : a.decks });
  }
  const assignments: AssignmentDoc[] = [
    makeAssignment({ id: 'small', deck: small, lessonCount: buildLessons(small).length, fromLesson: 1, toLesson: 2, dueDay: '2026-12-15', retentionTarget: 0.6, createdBy: 'lead', now: NOW }),
    makeAssignment({ id: 'gen', deck: gen, lessonCount: buildLessons(gen).length, fromLesson: 1, toLesson: 3, dueDay: '2026-12-15', retentionTarget: 0.5, createdBy: 'lead', now: NOW }),
    // An assignment on a deck this device does not have.
    { ...makeAssignment({ id: 'gone', deck: small, lessonCount: 2, fromLesson: 1, toLesson: 1, dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'lead', now: NOW }), deckId: 'not-here' },
  ];
  return { summaries, assignments, decks };
}

describe('buildDashboard by position', () => {
  it('gives the same dashboard as the map-per-member aggregation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 60 }), (seed, members, top) => {
        const { summaries, assignments, decks } = team(seed, members);
        expect(buildDashboard(summaries, assignments, decks, { weakSpots: top })).toEqual(referenceDashboard(summaries, assignments, decks, { weakSpots: top }));
        for (const s of summaries.slice(0, 3)) for (const a of assignments) expect(assignmentProgress(s, a, decks.find((d) => d.deck.id === a.deckId))).toEqual(referenceProgress(s, a, decks.find((d) => d.deck.id === a.deckId)));
      }),
      { numRuns: 25 },
    );
  });
});
