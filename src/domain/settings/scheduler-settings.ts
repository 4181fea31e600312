// What the settings put in force for the scheduler: a deck's desired retention, the scheduler
// parameters of a rating, load balancing and easy days. Apart from settings.ts, which the first
// screen loads to read the settings: only rating, replay and the review use these.
import { normalizeParams } from '../scheduler/params';
import { easyDaysFromPercents, type BalanceOptions, type DayLoad } from '../scheduler/easy-days';
import type { SchedulerParams } from '../scheduler/types';
import { weightsInForce } from '../optimizer/fitted-params';
import type { Settings } from './settings';

/** The desired retention in force for a deck: its own, or the global one. */
export function retentionOf(s: Settings, deckId?: string): number {
  // Own entries only: `constructor` or `toString` is not a deck's retention.
  return (deckId !== undefined && Object.hasOwn(s.deckRetention, deckId) ? s.deckRetention[deckId] : undefined) ?? s.desiredRetention;
}

/**
 * The scheduler parameters in force for a card of `deckId`: the deck's desired retention if it has
 * one, and the learner's own FSRS weights if they adopted some. Each rating records them, so a
 * replay schedules every review with what was in force when it was made.
 */
export function schedulerParamsOf(s: Settings, deckId?: string): SchedulerParams {
  const weights = weightsInForce(s.fsrsParams);
  return normalizeParams({
    desiredRetention: retentionOf(s, deckId),
    maximumInterval: s.maximumInterval,
    enableFuzz: s.enableFuzz,
    ...(weights ? { weights } : {}),
  });
}

/** Load balancing and easy days in force, over the given due counts (see docs/scheduling.md). */
export function balanceOf(s: Settings, load: DayLoad | null): BalanceOptions {
  return { enabled: s.loadBalancing, easyDays: easyDaysFromPercents(s.easyDays), load };
}
