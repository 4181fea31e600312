// Today's queue as a pure function: order, limits, siblings, suspended and retired cards.
import { describe, expect, it } from 'vitest';
import { buildTodayQueue, siblingKey, type QueueCandidate } from '../../../src/domain/scheduler/queue';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const END = Date.parse('2026-11-28T04:00:00Z');
const none = { newIntroduced: 0, reviewsDone: 0, introducedKeys: [] as string[] };
const limits = { newPerDay: 20, maxReviewsPerDay: 200 };

let n = 0;
function c(o: Partial<QueueCandidate>): QueueCandidate {
  n += 1;
  return { cardId: `c${n}`, deckId: 'd', key: `k${n}`, state: 'new', due: 0, newRank: n, suspended: false, retired: false, ...o };
}

describe('buildTodayQueue', () => {
  it('orders learning due now, then reviews due today, then new cards in deck order', () => {
    const newB = c({ newRank: 2 });
    const newA = c({ newRank: 1 });
    const rev2 = c({ state: 'review', due: NOW + 1000 });
    const rev1 = c({ state: 'review', due: NOW - 5 * 86_400_000 });
    const learnSoon = c({ state: 'learning', due: NOW + 600_000 });
    const learnLater = c({ state: 'learning', due: NOW + 3_600_000 });
    const relearn = c({ state: 'relearning', due: NOW - 1 });
    const revTomorrow = c({ state: 'review', due: END });
    const q = buildTodayQueue([newB, newA, rev2, rev1, learnLater, learnSoon, relearn, revTomorrow], { now: NOW, endOfDay: END, limits, done: none });
    // A learning card due within the 20-minute learn-ahead window comes last; one due in an hour waits.
    expect(q.items.map((x) => x.cardId)).toEqual([relearn, rev1, rev2, newA, newB, learnSoon].map((x) => x.cardId));
    expect(q.counts).toEqual({ new: 2, learning: 2, review: 2 });
    expect(q.nextLearningDue).toBe(NOW + 3_600_000);
  });

  it('applies the limits minus what was done today', () => {
    const reviews = Array.from({ length: 10 }, (_, i) => c({ state: 'review', due: NOW - i }));
    const news = Array.from({ length: 10 }, () => c({}));
    const q = buildTodayQueue([...reviews, ...news], {
      now: NOW,
      endOfDay: END,
      limits: { newPerDay: 5, maxReviewsPerDay: 8 },
      done: { newIntroduced: 3, reviewsDone: 5, introducedKeys: [] },
    });
    expect(q.counts).toEqual({ new: 2, learning: 0, review: 3 });
  });

  it('never shows both directions of a command as new on one day', () => {
    const a1 = c({ key: 'docker ps', newRank: 1 });
    const a2 = c({ key: 'docker ps', newRank: 2 });
    const b1 = c({ key: 'docker rm', newRank: 3 });
    const other = c({ key: 'docker ps', deckId: 'e', newRank: 1 });
    const q = buildTodayQueue([a1, a2, b1, other], { now: NOW, endOfDay: END, limits, done: none });
    expect(q.items.map((x) => x.cardId)).toEqual([a1.cardId, b1.cardId, other.cardId]);
    const q2 = buildTodayQueue([a1, a2, b1], {
      now: NOW,
      endOfDay: END,
      limits,
      done: { newIntroduced: 1, reviewsDone: 0, introducedKeys: [siblingKey('d', 'docker ps')] },
    });
    expect(q2.items.map((x) => x.cardId)).toEqual([b1.cardId]);
  });

  it('leaves out suspended and retired cards', () => {
    const q = buildTodayQueue(
      [
        c({ suspended: true }),
        c({ retired: true }),
        c({ state: 'review', due: NOW, suspended: true }),
        c({ state: 'learning', due: NOW, retired: true }),
      ],
      { now: NOW, endOfDay: END, limits, done: none },
    );
    expect(q.items).toEqual([]);
  });
});
