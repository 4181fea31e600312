// What the statistics page reads: one consistent snapshot of the progress tables, as domain values
// (the stats themselves are computed by src/domain/stats).
import type { CardSchedule, ReviewLogEntry } from '../domain/scheduler/types';
import type { Settings } from '../domain/settings/settings';
import type { QuizResultInput } from '../domain/stats/stats';
import { readProgressSnapshot } from './backup/snapshot';
import { getDb } from './database';
import { scheduleFromRow, settingsOfRow } from './mappers';
import type { KujiraDB } from './schema';

export interface StatsSnapshot {
  reviewLog: ReviewLogEntry[];
  cardStates: CardSchedule[];
  quizResults: QuizResultInput[];
  settings: Settings;
}

export async function readStatsSnapshot(db: KujiraDB): Promise<StatsSnapshot> {
  const snap = await readProgressSnapshot(db);
  return {
    reviewLog: snap.reviewLog,
    cardStates: snap.cardStates.map(scheduleFromRow),
    quizResults: snap.quizResults,
    settings: settingsOfRow(snap.settings),
  };
}

/** The statistics repository over the app's database: what features call. */
export const statsRepository = {
  readSnapshot: (): Promise<StatsSnapshot> => readStatsSnapshot(getDb()),
};
