// What the optimizer and the retention helper read: one consistent snapshot of the live ratings,
// the voids, the card schedules and the settings, as domain values. Adopting parameters or a
// retention is a settings change (src/db/settings.ts): a settings event like any other.
import type { RatingFacts } from '../domain/optimizer/training-items';
import type { CardSchedule, DayBoundary } from '../domain/scheduler/types';
import type { Settings } from '../domain/settings/settings';
import { getDb } from './database';
import { dayBoundaryInForce } from './device';
import { withStorage } from './errors';
import { voidedTargets } from './events';
import { scheduleFromRow, settingsOfRow } from './mappers';
import type { KujiraDB } from './schema';

export interface OptimizerSnapshot {
  ratings: RatingFacts[];
  voided: Set<string>;
  cards: CardSchedule[];
  settings: Settings;
  /** The day boundary in force now (for "today" and the cards' due days). */
  day: DayBoundary;
}

export function readOptimizerSnapshot(db: KujiraDB): Promise<OptimizerSnapshot> {
  return withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.events, db.cardStates, db.settings], async () => {
      const [log, voided, states, settingsRow] = await Promise.all([
        db.reviewLog.toArray(),
        voidedTargets(db),
        db.cardStates.toArray(),
        db.settings.get('settings'),
      ]);
      const settings = settingsOfRow(settingsRow);
      return {
        ratings: log.map(({ id, cardId, deckId, rating, reviewedAt, dayKey, durationMs }) => ({ id, cardId, deckId, rating, reviewedAt, dayKey, durationMs })),
        voided,
        cards: states.map(scheduleFromRow),
        settings,
        day: dayBoundaryInForce(settings),
      };
    }),
  );
}

/** Live ratings in the log (a count: no row is read). */
export function countReviews(db: KujiraDB): Promise<number> {
  return withStorage(db, () => db.reviewLog.count());
}

/** The optimizer's repository over the app's database: what features call. */
export const optimizerRepository = {
  readSnapshot: (): Promise<OptimizerSnapshot> => readOptimizerSnapshot(getDb()),
  countReviews: (): Promise<number> => countReviews(getDb()),
};
