// One member, one truthful summary whatever the device (issue 26): a summary carries how many of
// the learner's events its device held, and one from a device holding fewer (a fresh browser
// before sync brought the history) never takes the place of one holding more.
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/domain/team/dashboard';
import { isSummaryDoc } from '../../src/domain/team/documents';
import { summarize, summaryMayReplace } from '../../src/domain/team/summarize';
import { DAY, dashboardDeck, fixture, NOW } from './fixture';

const H = 3_600_000;

describe('summaryMayReplace', () => {
  const f = fixture();
  /** The same learner, alice, from a second, fresh browser: no lessons, no reviews, no events yet. */
  const fresh = (events: number, now = NOW + H) => summarize({ member: 'alice', now, day: DAY, decks: [{ deck: f.deck, lessonsPassed: [] }], states: [], log: [], events });

  it('keeps the summary of the device that holds the learner\'s history', () => {
    expect(f.summaries.alice.events).toBe(8);
    expect(fresh(0).events).toBe(0);
    expect(summaryMayReplace(f.summaries.alice, fresh(0))).toBe(false);
    // Fewer events, even a day later: still less of the learner's history.
    expect(summaryMayReplace(f.summaries.alice, fresh(7, NOW + 24 * H))).toBe(false);
    // What the lead would have seen had it replaced it: "0/1 lessons, recall 0 %" instead of ready.
    const dash = (s: typeof f.summaries.alice) => buildDashboard([s], [f.assignment], [dashboardDeck(f.deck)]).members[0]!.assignments[0]!;
    expect(dash(f.summaries.alice)).toMatchObject({ lessonsPassed: 1, ready: true });
    expect(dash(fresh(0))).toMatchObject({ lessonsPassed: 0, meanRecall: 0, ready: false });
  });

  it('lets a device that has caught up write, and the first summary of anyone', () => {
    expect(summaryMayReplace(f.summaries.alice, fresh(8))).toBe(true);
    expect(summaryMayReplace(f.summaries.alice, fresh(9))).toBe(true);
    expect(summaryMayReplace(null, fresh(0))).toBe(true);
  });

  it('counts a summary written before the count existed as no events', () => {
    const { events: _dropped, ...older } = f.summaries.alice;
    expect(isSummaryDoc(older)).toBe(true);
    expect(summaryMayReplace(older, fresh(0))).toBe(true);
  });

  it('refuses a summary whose event count is not a count', () => {
    expect(isSummaryDoc({ ...f.summaries.alice, events: -1 })).toBe(false);
    expect(isSummaryDoc({ ...f.summaries.alice, events: '8' })).toBe(false);
  });
});
