// The statistics page's read: the heatmap's days counted in the log's day index, and only the
// last weeks' ratings read for true retention, exact by time whatever boundary recorded them.
import { afterEach, describe, expect, it } from 'vitest';
import { readStatsSnapshot } from '../../src/db/stats';
import { updateSettings } from '../../src/db/settings';
import type { KujiraDB, ReviewLogRow } from '../../src/db/schema';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { dayKey } from '../../src/domain/scheduler/day';
import { computeStats } from '../../src/features/stats/use-stats';
import { createTestDb, writeSpy } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const H = 3_600_000;
const DAY = 24 * H;
let db: KujiraDB;
afterEach(() => db?.close());

/** Review `seq`, answered at `at`, recorded on the study day of `at` in `timeZone` (days starting at 04:00). */
function rating(seq: number, at: number, timeZone = 'UTC', rating: 1 | 3 = 3): ReviewLogRow {
  return {
    id: `r${seq}`,
    cardId: `deck:c${seq % 3}`,
    deckId: 'deck',
    rating,
    reviewedAt: at,
    dayKey: dayKey(at, timeZone, 4),
    params: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] },
    timeZone,
    dayStartHour: 4,
    scheduledDays: 3,
    prevState: 'review',
    nextState: 'review',
    due: at + 3 * DAY,
    durationMs: 3000,
    device: 'd',
    seq,
  };
}

describe('readStatsSnapshot', () => {
  it('counts the heatmap days in the index and reads only the last weeks of ratings', async () => {
    db = createTestDb();
    await updateSettings(db, { ...DEFAULT_SETTINGS, timeZone: 'UTC', dayStartHour: 4 }, NOW);
    // The 30-day window under UTC with days starting at 04:00 begins 2026-10-29T04:00Z.
    const from = Date.parse('2026-10-29T04:00:00Z');
    await db.reviewLog.bulkAdd([
      rating(1, NOW - 300 * DAY),
      rating(2, NOW - 40 * DAY),
      rating(3, NOW - 40 * DAY + H),
      rating(4, from - H, 'UTC', 1), // the night before the window: not counted
      // In the window by time, but recorded in Pago Pago (UTC-11) on the 28th: still counted.
      rating(5, from + H, 'Pacific/Pago_Pago', 1),
      rating(6, NOW - DAY),
      rating(7, NOW - 2 * H),
      rating(8, NOW - H, 'UTC', 1),
    ]);
    const spy = writeSpy();
    db.use(spy);
    const snap = await readStatsSnapshot(db, NOW);
    expect(spy.writes).toEqual([]);
    expect(snap.day).toEqual({ timeZone: 'UTC', startHour: 4 });
    expect(Object.fromEntries(snap.reviewsByDay)).toEqual({
      [dayKey(NOW - 300 * DAY, 'UTC', 4)]: 1,
      [dayKey(NOW - 40 * DAY, 'UTC', 4)]: 2,
      '2026-10-28': 2,
      '2026-11-26': 1,
      '2026-11-27': 2,
    });
    // The 40- and 300-day-old ratings are not read.
    expect(snap.recentLog.map((r) => r.id).sort()).toEqual(['r4', 'r5', 'r6', 'r7', 'r8']);
    const stats = computeStats(snap, [], NOW, snap.settings, snap.day);
    expect(stats.retention30).toEqual({ passed: 2, total: 4, rate: 0.5 });
    expect(stats.retention7).toEqual({ passed: 2, total: 3, rate: 2 / 3 });
    expect(stats.heatmap).toMatchObject({ total: 8, activeDays: 5, max: 2 });
  });
});
