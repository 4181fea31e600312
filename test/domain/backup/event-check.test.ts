// A pulled event is checked exactly as a backup import checks it: the event comes back as the
// import would store it, or the path inside the event of its first bad field.
import { describe, expect, it } from 'vitest';
import { checkEventLikeImport } from '../../../src/domain/backup/event-check';
import { validate, validateV1 } from '../../../src/domain/backup/validator.generated.js';
import { dayKey } from '../../../src/domain/scheduler/day';
import { DEFAULT_PARAMS } from '../../../src/domain/scheduler/params';
import { applyReview, newCardState } from '../../../src/domain/scheduler/scheduler';
import type { RatingEvent } from '../../../src/domain/events/types';

const NOW = Date.UTC(2026, 11, 1, 12);
const validators = { v1: validateV1, v2: validate };

function rating(): RatingEvent {
  const reviewedAt = NOW - 3_600_000;
  const input = { rating: 3 as const, reviewedAt, dayKey: dayKey(reviewedAt, 'Asia/Tokyo', 4), params: { ...DEFAULT_PARAMS }, timeZone: 'Asia/Tokyo', dayStartHour: 4 };
  const next = applyReview(newCardState(), input);
  return { id: 'r-1', type: 'rating', at: reviewedAt, device: 'd', seq: 1, cardId: 'docker:ps', deckId: 'docker', durationMs: 2000, ...input, prevState: 'new', nextState: next.state, scheduledDays: next.scheduledDays, due: next.due };
}

describe('checkEventLikeImport', () => {
  it('accepts a good rating and a void', () => {
    expect(checkEventLikeImport(rating(), validators, NOW)).toEqual({ ok: true, event: rating() });
    const v = { id: 'v-1', type: 'void', at: NOW, device: 'd', seq: 2, target: 'r-1' };
    expect(checkEventLikeImport(v, validators, NOW)).toEqual({ ok: true, event: v });
  });

  it.each([
    ['not an object', 'x', '$'],
    ['an unknown type', { ...rating(), type: 'erase' }, '$.type'],
    ['a rating of 7', { ...rating(), rating: 7 }, '$.rating'],
    ['an extra field', { ...rating(), admin: true }, '$.admin'],
    ['a study day years away', { ...rating(), dayKey: '2030-01-01' }, '$.dayKey'],
    ['a review in the future', { ...rating(), reviewedAt: NOW + 3 * 86_400_000, at: NOW + 3 * 86_400_000 }, '$.reviewedAt'],
    ['weights of 100', { ...rating(), params: { ...DEFAULT_PARAMS, weights: Array(21).fill(100) } }, '$.params.weights'],
  ])('refuses %s with the field path', (_what, raw, path) => {
    const r = checkEventLikeImport(raw, validators, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.reason).not.toBe('');
    }
  });
});
