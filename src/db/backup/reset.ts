// Reset: forget this device's progress in one transaction, and count what a reset would delete.
import { newCardState } from '../../domain/scheduler/scheduler';
import { withStorage } from '../errors';
import { stateToRow } from '../write-mappers';
import type { KujiraDB } from '../schema';

/**
 * Forget all progress in one transaction: ratings (live and voided), voids, lesson results,
 * flags, quiz results and onboarding are deleted and every card is new again. Decks, cards,
 * settings and suspensions (with their events) stay. This is local: a backup made before, imported
 * again, brings the forgotten events back.
 */
export function resetProgress(db: KujiraDB): Promise<void> {
  return withStorage(db, () =>
    db.transaction('rw', [db.reviewLog, db.voidedRatings, db.events, db.cardStates, db.quizResults, db.onboarding], async () => {
      await Promise.all([
        db.reviewLog.clear(),
        db.voidedRatings.clear(),
        db.quizResults.clear(),
        db.onboarding.clear(),
        db.events.where('type').anyOf(['void', 'lesson', 'flag']).delete(),
      ]);
      const rows = await db.cardStates.toArray();
      const puts = rows.map((r) => stateToRow(newCardState(), r)).filter((next, i) => JSON.stringify(rows[i]) !== JSON.stringify(next));
      if (puts.length > 0) await db.cardStates.bulkPut(puts);
    }),
  );
}

/** What a reset would delete (the confirmation names it). */
export function countProgress(db: KujiraDB): Promise<{ reviews: number; quizResults: number; onboarding: number }> {
  return withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.quizResults, db.onboarding], async () => {
      const [reviews, quizResults, onboarding] = await Promise.all([db.reviewLog.count(), db.quizResults.count(), db.onboarding.count()]);
      return { reviews, quizResults, onboarding };
    }),
  );
}
