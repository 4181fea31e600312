// The team domain on a fixed fixture with known answers: a member's summary, the dashboard's
// per-member readiness and retention, the weak-spot map and the CSV.
import { describe, expect, it } from 'vitest';
import { buildDashboard, latestByMember } from '../../src/domain/team/dashboard';
import { dashboardCsv } from '../../src/domain/team/csv';
import { AssignmentError, makeAssignment, nextDeckDoc } from '../../src/domain/team/documents';
import { summarize } from '../../src/domain/team/summarize';
import type { Card, Deck } from '../../src/domain/deck/types';
import { newCardState } from '../../src/domain/scheduler/scheduler';
import { dashboardDeck, DAY, fixture, NOW } from './fixture';

describe('summarize', () => {
  it('counts reviews, true retention, overdue and per-card recall, never copying the log', () => {
    const { summaries, deck, c1, c2 } = fixture();
    const a = summaries.alice;
    expect(a._id).toBe('summary:alice:2026-11-10');
    expect(a.reviews7).toBe(4);
    expect(a.reviews30).toBe(7);
    expect(a.retention7).toEqual({ passed: 3, total: 4 });
    expect(a.retention30).toEqual({ passed: 4, total: 5 });
    expect(a.overdue).toBe(1);
    expect(a.lastActiveAt).toBe(NOW - 86_400_000);
    expect(a.daily).toHaveLength(30);
    expect(a.daily[29]).toBe(0);
    expect(a.daily[28]).toBe(1);
    const d = a.decks[0]!;
    expect(d.hash).toBe(deck.hash);
    const i1 = deck.cards.findIndex((c) => c.id === c1.id);
    const i2 = deck.cards.findIndex((c) => c.id === c2.id);
    expect(d.r[i1]).toBe(90);
    expect(d.lapses[i2]).toBe(1);
    // Cards never reviewed are -1, and nothing but numbers per card is shared.
    expect(d.r.filter((r) => r === -1)).toHaveLength(deck.cards.length - 3);
    expect(JSON.stringify(a)).not.toContain('reviewedAt');
  });

  it('stays under 20 KB per member per day for a 2,000-card deck', () => {
    const cards: Card[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `c${i.toString(16).padStart(13, '0')}`, deckId: 'big', kind: 'fact', key: `k${i}`, sectionId: 's', order: i, front: { en: 'q' }, back: { en: 'a' }, source: `big.md:${i + 1}`,
    }));
    const deck: Deck = { id: 'big', title: { en: 'Big' }, languages: ['en'], sections: [{ id: 's', title: { en: 'S' }, order: 0 }], cards, hash: 'h' };
    const states = cards.map((c, i) => ({ ...newCardState(), cardId: c.id, state: 'review' as const, stability: 1 + (i % 300), lastReview: NOW - (i % 40) * 86_400_000, due: NOW, lapses: i % 7, suspended: false, retired: false }));
    const doc = summarize({ member: 'someone.with.a.long.name@example.org', now: NOW, day: DAY, decks: [{ deck, lessonsPassed: Array.from({ length: 200 }, (_, i) => `section-${i}`) }], states, log: [], events: 0 });
    expect(new TextEncoder().encode(JSON.stringify(doc)).length).toBeLessThan(20_000);
  });
});

describe('buildDashboard', () => {
  it('gives each member progress, retention, overdue and ready / not yet from their newest summary', () => {
    const f = fixture();
    const s = f.summaries;
    const dash = buildDashboard([s.aliceYesterday, s.bob, s.alice, s.carol], [f.assignment], [dashboardDeck(f.deck)]);
    expect(dash.members.map((m) => m.member)).toEqual(['alice', 'bob', 'carol']);
    const [alice, bob, carol] = dash.members as [typeof dash.members[0], typeof dash.members[0], typeof dash.members[0]];
    expect(alice.overdue).toBe(1); // today's summary, not yesterday's 7
    expect(alice.retention7).toBe(0.75);
    expect(alice.retention30).toBe(0.8);
    expect(alice.assignments[0]).toMatchObject({ lessonsPassed: 1, lessonsTotal: 1, ready: true });
    expect(alice.assignments[0]!.meanRecall).toBeCloseTo(0.9, 10);
    // bob passed the lesson but forgot: elapsed 20 d at stability 10 d is 85 % with FSRS-6 defaults.
    expect(bob.assignments[0]!.lessonsPassed).toBe(1);
    expect(bob.assignments[0]!.meanRecall).toBeCloseTo(0.85, 2);
    expect(bob.assignments[0]!.ready).toBe(false);
    expect(bob.retention7).toBeNull();
    expect(bob.retention30).toBe(0);
    expect(carol.assignments[0]).toEqual({ assignmentId: 'assignment:deploy', lessonsPassed: 0, lessonsTotal: 1, meanRecall: 0, ready: false });
    expect(carol.lastActiveAt).toBeNull();
  });

  it('ranks the weak spots by lapses per learner, then by low recall, with the card and its memo line', () => {
    const f = fixture();
    const dash = buildDashboard(Object.values(f.summaries), [f.assignment], [dashboardDeck(f.deck)]);
    expect(dash.weakSpots.map((w) => w.cardId)).toEqual([f.c1.id, f.c2.id, f.c3.id]);
    expect(dash.weakSpots.map((w) => w.cardIds)).toEqual([[f.c1.id], [f.c2.id], [f.c3.id]]);
    const [w1, w2] = dash.weakSpots as [typeof dash.weakSpots[0], typeof dash.weakSpots[0]];
    expect(w1).toMatchObject({ learners: 2, lapses: 2, lapseRate: 1 });
    expect(w1.meanRecall).toBeCloseTo((0.9 + 0.85) / 2, 2);
    expect(w2).toMatchObject({ learners: 2, lapses: 1, lapseRate: 0.5 });
    expect(w1.source).toMatch(/^team-tools\.en\.md:\d+$/);
    const line = Number(w1.source.split(':')[1]);
    expect(TEXT_LINES()[line - 1]).toContain(w1.card.back.en ?? w1.card.front.en ?? '');
  });

  it('lists a command once, though it makes two cards: its lapses and recall over both (issue 26)', () => {
    const f = fixture();
    const commands = f.l2.cards;
    const [first] = commands;
    const twins = commands.filter((c) => c.key === first!.key);
    expect(twins.length).toBe(2);
    const D = 86_400_000;
    const reviewed = (cardId: string, lapses: number, stability: number) => ({ ...newCardState(), cardId, state: 'review' as const, stability, lastReview: NOW - 10 * D, due: NOW + D, lapses, suspended: false, retired: false });
    const dana = summarize({
      member: 'dana',
      now: NOW,
      day: DAY,
      decks: [{ deck: f.deck, lessonsPassed: [f.l1.id, f.l2.id] }],
      // Both directions of the first command forgotten (once and twice); every other command reviewed, never forgotten.
      states: commands.map((c) => reviewed(c.id, c.id === twins[0]!.id ? 1 : c.id === twins[1]!.id ? 2 : 0, 10)),
      log: [],
      events: 0,
    });
    const dash = buildDashboard([dana], [f.assignment], [dashboardDeck(f.deck)]);
    const keys = dash.weakSpots.map((w) => `${w.deckId} ${w.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    const [worst, ...rest] = dash.weakSpots;
    expect(worst).toMatchObject({ key: first!.key, cardId: twins[0]!.id, cardIds: twins.map((c) => c.id), learners: 1, lapses: 3, lapseRate: 3 });
    expect(worst!.meanRecall).toBeCloseTo(0.9, 2);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((w) => w.lapses === 0)).toBe(true);
  });

  it('reads per-card data only for a deck version it knows', () => {
    const f = fixture();
    const alice = { ...f.summaries.alice, decks: f.summaries.alice.decks.map((d) => ({ ...d, hash: 'an-unknown-version' })) };
    const dash = buildDashboard([alice], [f.assignment], [dashboardDeck(f.deck)]);
    expect(dash.members[0]!.assignments[0]).toMatchObject({ lessonsPassed: 1, meanRecall: null, ready: false });
    expect(dash.weakSpots).toEqual([]);
  });

  it('takes the newest summary per member', () => {
    const f = fixture();
    expect(latestByMember([f.summaries.alice, f.summaries.aliceYesterday]).map((s) => s.day)).toEqual(['2026-11-10']);
  });
});

describe('dashboardCsv', () => {
  it('writes one row per member and assignment, quoted where needed', () => {
    const f = fixture();
    const dash = buildDashboard(Object.values(f.summaries), [f.assignment], [dashboardDeck(f.deck)]);
    const lines = dashboardCsv(dash, [f.assignment]).trimEnd().split('\r\n');
    expect(lines[0]).toBe('member,summary_day,last_active,reviews_7d,retention_7d_pct,retention_30d_pct,overdue,assignment,deck,lessons,due,lessons_passed,lessons_total,mean_recall_pct,target_pct,ready');
    expect(lines[1]).toBe('alice,2026-11-10,2026-11-09T12:00:00.000Z,4,75.0,80.0,1,assignment:deploy,team-tools,1-1,2026-12-15,1,1,90.0,90.0,yes');
    expect(lines[3]).toBe('carol,2026-11-10,,0,,,0,assignment:deploy,team-tools,1-1,2026-12-15,0,1,0.0,90.0,no');
    const odd = { ...dash, members: [{ ...dash.members[0]!, member: 'o"neil, jr' }] };
    expect(dashboardCsv(odd, [f.assignment]).split('\r\n')[1]!.startsWith('"o""neil, jr",')).toBe(true);
  });
});

describe('documents', () => {
  it('numbers published versions and refuses an assignment out of the path', () => {
    const f = fixture();
    const v1 = nextDeckDoc([], 'team-tools', [{ path: 'a.md', text: 'x' }], 'lead', NOW);
    const v2 = nextDeckDoc([v1], 'team-tools', [{ path: 'a.md', text: 'y' }], 'lead', NOW + 1);
    expect([v1._id, v2._id]).toEqual(['deck:team-tools:000001', 'deck:team-tools:000002']);
    expect(() => makeAssignment({ id: 'x', deck: f.deck, lessonCount: 2, fromLesson: 2, toLesson: 3, dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'l', now: NOW })).toThrow(AssignmentError);
    expect(() => makeAssignment({ id: 'x', deck: f.deck, lessonCount: 2, fromLesson: 1, toLesson: 2, dueDay: '15/12/2026', retentionTarget: 0.9, createdBy: 'l', now: NOW })).toThrow(/not a day/);
    expect(() => makeAssignment({ id: 'x', deck: f.deck, lessonCount: 2, fromLesson: 1, toLesson: 2, dueDay: '2026-12-15', retentionTarget: 90, createdBy: 'l', now: NOW })).toThrow(/retention target/);
  });
});

import { TEAM_EN } from '../fixtures/team-memo';
const TEXT_LINES = () => TEAM_EN.split('\n');
