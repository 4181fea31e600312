// The year of ratings the browser benches of rebuild, import and statistics share: 10,000 cards
// with ten ratings each over 300 days (15 % Again), made by the scheduler from a fixed seed, and
// the cards' states as new (stale: a rebuild or an import replays them).
import { logRowFromRecord, ratingEventOf } from '../../src/db/event-mappers';
import { stateToRow } from '../../src/db/write-mappers';
import type { CardStateRow, ReviewLogRow } from '../../src/db/schema';
import { buildBackup, serializeBackup } from '../../src/domain/backup/format';
import { mulberry32 } from '../../src/domain/quiz/random';
import { newCardState, rateCard } from '../../src/domain/scheduler/scheduler';
import type { Grade } from '../../src/domain/scheduler/types';
import { schedulerParamsOf } from '../../src/domain/settings/scheduler-settings';
import { DEFAULT_SETTINGS, dayBoundaryOf } from '../../src/domain/settings/settings';

export const CARDS = 10_000;
const RATINGS_PER_CARD = 10;
export const NOW = Date.parse('2026-11-27T03:00:00Z');
export const DAY = 86_400_000;

export interface YearOfRatings {
  log: ReviewLogRow[];
  /** Every card's state row as a new card. */
  staleStates: CardStateRow[];
  /** A day after the last rating: when the benches read, check and import. */
  after: number;
}

export function yearOfRatings(): YearOfRatings {
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
  const params = schedulerParamsOf(settings);
  const day = dayBoundaryOf(settings, 'UTC');
  const random = mulberry32(42);
  const log: ReviewLogRow[] = [];
  const staleStates: CardStateRow[] = [];
  for (let c = 0; c < CARDS; c++) {
    const meta = { cardId: `deck:card-${c}`, deckId: 'deck', key: `cmd-${c >> 1}`, newRank: c, suspended: false, retired: false };
    let state = newCardState();
    let t = NOW - 300 * DAY + Math.floor(random() * DAY);
    for (let r = 0; r < RATINGS_PER_CARD; r++) {
      const grade = (random() < 0.15 ? 1 : 3) as Grade;
      const result = rateCard(state, grade, t, params, day);
      state = result.state;
      log.push({ ...logRowFromRecord(result.record, { id: crypto.randomUUID(), cardId: meta.cardId, deckId: 'deck', durationMs: 4000 }), device: 'bench', seq: log.length + 1 });
      t = Math.max(t + 60_000, state.due) + Math.floor(random() * DAY);
    }
    staleStates.push(stateToRow(newCardState(), meta));
  }
  return { log, staleStates, after: Math.max(...log.map((e) => e.reviewedAt)) + DAY };
}

/** The same ratings as a backup file (format 2), as its text. */
export function backupTextOf(log: readonly ReviewLogRow[]): string {
  return serializeBackup(buildBackup(log.map(ratingEventOf), { device: 'bench', deckVersions: {} }, NOW));
}
