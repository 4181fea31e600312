// When pulled or imported ratings are an append to a card's stored state (src/domain/backup/plan.ts):
// only when every one is later than the state's last review, and no void or reset rewrites the log.
import { describe, expect, it } from 'vitest';
import { isAppend } from '../../../src/domain/backup/plan';
import { newCardState } from '../../../src/domain/scheduler/scheduler';
import type { RatingEvent } from '../../../src/domain/events/types';

const at = (reviewedAt: number) => ({ reviewedAt, id: `r-${reviewedAt}` }) as RatingEvent;
const reviewedAt1000 = { ...newCardState(), lastReview: 1000 };

describe('isAppend', () => {
  it('takes ratings all later than the last review, or any ratings of a card never reviewed', () => {
    expect(isAppend(reviewedAt1000, [at(1001), at(5000)], false)).toBe(true);
    expect(isAppend(newCardState(), [at(1), at(2)], false)).toBe(true);
    expect(isAppend(reviewedAt1000, [], false)).toBe(true);
  });

  it('refuses an older rating, one at the same millisecond (its id decides its place), a rewritten log or no base', () => {
    expect(isAppend(reviewedAt1000, [at(5000), at(999)], false)).toBe(false);
    expect(isAppend(reviewedAt1000, [at(1000)], false)).toBe(false);
    expect(isAppend(reviewedAt1000, [at(5000)], true)).toBe(false);
    expect(isAppend(undefined, [at(5000)], false)).toBe(false);
  });
});
