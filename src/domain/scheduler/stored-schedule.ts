// A card's stored schedule (CardSchedule) read back as the scheduler's state, and the deck order a
// new card's schedule stores (newRank): what the writers and the review use, apart from queue.ts,
// whose queue Home's counts load.
import type { CardSchedule, SchedState } from './types';

/** The scheduler's state of a stored card schedule. */
export function scheduleStateOf(s: CardSchedule): SchedState {
  return {
    state: s.state,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
    lastDayKey: s.lastDayKey,
    leech: s.leech,
  };
}

/** Deck order of a new card as one sortable number. */
export function newRankOf(sectionOrder: number, cardOrder: number): number {
  return sectionOrder * 1_000_000 + cardOrder;
}
