// What the statistics page reads, as domain values (the stats themselves are computed by
// src/domain/stats). A year of ratings is not read: the heatmap's days are counted in the log's
// dayKey index, and true retention reads the last weeks' ratings only.
import type { CardSchedule, DayBoundary, ReviewLogEntry } from '../domain/scheduler/types';
import type { Settings } from '../domain/settings/settings';
import { heatmapDays, retentionDaysFrom, type QuizResultInput } from '../domain/stats/stats';
import { getDb } from './database';
import { dayBoundaryInForce } from './device';
import { withStorage } from './errors';
import { scheduleFromRow, settingsOfRow } from './mappers';
import type { KujiraDB } from './schema';

/** The longest true-retention window the page shows, in study days. */
export const RETENTION_WINDOW_DAYS = 30;

export interface StatsSnapshot {
  /** Ratings per recorded study day, for each of the heatmap's days that has any. */
  reviewsByDay: Map<string, number>;
  /** The ratings of the last RETENTION_WINDOW_DAYS study days (and a few days before: retentionDaysFrom). */
  recentLog: ReviewLogEntry[];
  cardStates: CardSchedule[];
  quizResults: QuizResultInput[];
  settings: Settings;
  /** The day boundary the days were counted under. */
  day: DayBoundary;
}

/** One read transaction, so the counts, the recent ratings and the states agree. */
export function readStatsSnapshot(db: KujiraDB, now: number): Promise<StatsSnapshot> {
  return withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.cardStates, db.quizResults, db.settings], async () => {
      const settings = settingsOfRow(await db.settings.get('settings'));
      const day = dayBoundaryInForce(settings);
      // 365 counts in one transaction: the storage counts index entries without reading a row.
      const days = heatmapDays(now, day);
      const [counts, recentLog, cardStates, quizResults] = await Promise.all([
        Promise.all(days.map((key) => db.reviewLog.where('dayKey').equals(key).count())),
        db.reviewLog.where('dayKey').aboveOrEqual(retentionDaysFrom(now, day, RETENTION_WINDOW_DAYS)).toArray(),
        db.cardStates.toArray(),
        db.quizResults.orderBy('startedAt').toArray(),
      ]);
      const reviewsByDay = new Map<string, number>();
      days.forEach((key, i) => counts[i]! > 0 && reviewsByDay.set(key, counts[i]!));
      return { reviewsByDay, recentLog, cardStates: cardStates.map(scheduleFromRow), quizResults, settings, day };
    }),
  );
}

/** The statistics repository over the app's database: what features call. */
export const statsRepository = {
  readSnapshot: (now: number): Promise<StatsSnapshot> => readStatsSnapshot(getDb(), now),
};
