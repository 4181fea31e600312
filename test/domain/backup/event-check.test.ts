// A pulled event is checked exactly as a backup import checks it: the event comes back as the
// import would store it, or the path inside the event of its first bad field.
import { describe, expect, it } from 'vitest';
import { checkEventLikeImport, checkEventsLikeImport } from '../../../src/domain/backup/event-check';
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

describe('checkEventsLikeImport', () => {
  const ratings = (n: number) => Array.from({ length: n }, (_, i) => ({ ...rating(), id: `r-${i}`, seq: i + 1 }));

  it('gives each event of a good batch what checking it alone gives', () => {
    const batch = [...ratings(5), { id: 'v-1', type: 'void', at: NOW, device: 'd', seq: 9, target: 'r-1' }];
    expect(checkEventsLikeImport(batch, validators, NOW)).toEqual(batch.map((e) => checkEventLikeImport(e, validators, NOW)));
    // As one file: one schema run for the six events.
    let runs = 0;
    const counted = Object.assign((data: unknown) => {
      runs += 1;
      const ok = validate(data);
      counted.errors = validate.errors;
      return ok;
    }, { errors: validate.errors });
    expect(checkEventsLikeImport(batch, { v1: validateV1, v2: counted as typeof validate }, NOW).every((r) => r.ok)).toBe(true);
    expect(runs).toBe(1);
  });

  it('still names each bad event and its field when the batch holds some, and passes the good ones', () => {
    const [a, b, c] = ratings(3);
    const batch = [a, { ...b!, rating: 7 }, 'x', c, { ...rating(), id: 'r-0' }, { ...c!, admin: true }];
    const results = checkEventsLikeImport(batch, validators, NOW);
    expect(results).toEqual(batch.map((e) => checkEventLikeImport(e, validators, NOW)));
    expect(results.map((r) => (r.ok ? 'ok' : r.path))).toEqual(['ok', '$.rating', '$', 'ok', 'ok', '$.admin']);
  });
});
