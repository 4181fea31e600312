// Another device's rating history for the sync benchmarks: `n` ratings over the given cards,
// spread evenly over the `days` before `end` (nothing stamped in the receiving device's future,
// which it would hold back), each rating the scheduler's own outcome of the one before.
import { dayKey } from '../src/domain/scheduler/day';
import { DEFAULT_PARAMS } from '../src/domain/scheduler/params';
import { applyReview, newCardState } from '../src/domain/scheduler/scheduler';
import type { Grade } from '../src/domain/scheduler/types';
import type { RatingEvent } from '../src/domain/events/types';

const DAY = 86_400_000;

export function ratingHistory(n: number, cards: readonly { id: string; deckId: string }[], end: number, days = 400): RatingEvent[] {
  const out: RatingEvent[] = [];
  const start = end - days * DAY;
  const states = new Map(cards.map((c) => [c.id, newCardState()]));
  const params = { ...DEFAULT_PARAMS, enableFuzz: false };
  for (let i = 0; i < n; i++) {
    const card = cards[i % cards.length]!;
    const reviewedAt = start + Math.floor((i * (days - 1) * DAY) / n);
    // One lapse in ten, the rest Good.
    const rating = ((i * 7) % 10 === 0 ? 1 : 3) as Grade;
    const input = { rating, reviewedAt, dayKey: dayKey(reviewedAt, 'UTC', 4), params, timeZone: 'UTC', dayStartHour: 4 };
    const before = states.get(card.id)!;
    const next = applyReview(before, input);
    states.set(card.id, next);
    out.push({ id: `bench-${i}`, type: 'rating', at: reviewedAt, device: 'other-device', seq: i + 1, cardId: card.id, deckId: card.deckId, durationMs: 3000, ...input, prevState: before.state, nextState: next.state, scheduledDays: next.scheduledDays, due: next.due });
  }
  return out;
}
