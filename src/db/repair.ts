// Repair: rebuild every cached row from the events, skipping and reporting the ratings the
// scheduler cannot replay. A skipped rating is taken back with a void event (stamped by this
// device), so the decision is kept: a later deck sync, another device or a backup replays the
// same log without it, and the report names it. Run from safe mode, from Settings, and by itself
// at start-up when the scheduler (its version or default parameters) changed.
import { currentCardId, resolveRemaps } from '../domain/deck/card-remap';
import { voidOf, replayRatings, type SkippedRating } from '../domain/events/fold';
import { SCHEDULER_FINGERPRINT, newCardState } from '../domain/scheduler/scheduler';
import { withStorage } from './errors';
import { rebuildEventCaches } from './events';
import { stateToRow } from './write-mappers';
import { ratingEventOf } from './event-mappers';
import type { CardStateRow, KujiraDB, ReviewLogRow } from './schema';
import { nextStamp } from './stamp';
import { resetTimes } from './resets';

export interface RepairReport {
  /** Ratings taken back because replay failed on them. */
  skipped: SkippedRating[];
  /** Card states rewritten. */
  statesWritten: number;
}

/** Rebuild states and caches from the events in one transaction (see the header). */
export function repairDatabase(db: KujiraDB, now: number): Promise<RepairReport> {
  return withStorage(db, () =>
    db.transaction('rw', [db.reviewLog, db.voidedRatings, db.events, db.cardStates, db.settings, db.onboarding, db.appFlags, db.meta, db.cardRemaps], async () => {
      const [rows, log, remapRows] = await Promise.all([db.cardStates.toArray(), db.reviewLog.toArray(), db.cardRemaps.toArray()]);
      // Entries of a card whose id changed with its memo belong to the new id (as in rebuildAllStates).
      const remaps = resolveRemaps(remapRows);
      const resets = await resetTimes(db, remaps);
      const byCard = new Map<string, ReviewLogRow[]>();
      for (const r of log) {
        const cardId = remaps.size === 0 ? r.cardId : currentCardId(remaps, r.cardId);
        const list = byCard.get(cardId);
        if (list) list.push(r);
        else byCard.set(cardId, [r]);
      }
      // Every card's log is tried, including cards this device does not have yet: those are the
      // ones a deck sync would replay (and fail on) when their card arrives.
      const skipped: SkippedRating[] = [];
      const states = new Map<string, ReturnType<typeof replayRatings>>();
      for (const [cardId, entries] of byCard) {
        states.set(cardId, replayRatings(entries.map(ratingEventOf), (s) => skipped.push(s), resets.get(cardId) ?? null));
      }
      const skippedIds = new Set(skipped.map((s) => s.id));
      const bad = new Map(log.filter((r) => skippedIds.has(r.id)).map((r) => [r.id, r]));
      for (const r of bad.values()) {
        await db.events.add(voidOf(ratingEventOf(r), await nextStamp(db, now)));
      }
      if (bad.size > 0) {
        await db.reviewLog.bulkDelete([...bad.keys()]);
        await db.voidedRatings.bulkPut([...bad.values()]);
      }
      const puts: CardStateRow[] = [];
      for (const row of rows) {
        const next = stateToRow(states.get(row.cardId) ?? newCardState(), row);
        if (JSON.stringify(next) !== JSON.stringify(row)) puts.push(next);
      }
      if (puts.length > 0) await db.cardStates.bulkPut(puts);
      await rebuildEventCaches(db);
      await db.meta.put({ key: 'scheduler', value: SCHEDULER_FINGERPRINT });
      // Every state is a replay of its log now, including those a catch-up had left stale.
      await db.meta.delete('staleCards');
      return { skipped, statesWritten: puts.length };
    }),
  );
}

/**
 * Repair when the scheduler changed since the states were computed (a new ts-fsrs or new default
 * parameters give other states for the same log). Returns the report, or null when nothing changed.
 */
export async function repairIfSchedulerChanged(db: KujiraDB, now: number): Promise<RepairReport | null> {
  const stored = await withStorage(db, () => db.meta.get('scheduler'));
  if (stored?.key === 'scheduler' && stored.value === SCHEDULER_FINGERPRINT) return null;
  // A database with no rating has nothing to rebuild: just remember the fingerprint.
  if ((await withStorage(db, () => db.reviewLog.count())) === 0) {
    await withStorage(db, () => db.meta.put({ key: 'scheduler', value: SCHEDULER_FINGERPRINT }));
    return null;
  }
  return repairDatabase(db, now);
}
