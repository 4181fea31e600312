// The plan of an import refuses a file whose merged log the scheduler cannot replay, naming the
// file's entry at fault, or this device's log when the fault is there (src/domain/backup/plan.ts).
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/domain/backup/plan';
import { BackupValidationError, type BackupFile } from '../../../src/domain/backup/validate';
import type { LearnerEvent, RatingEvent, VoidEvent } from '../../../src/domain/events/types';
import { normalizeParams } from '../../../src/domain/scheduler/params';
import { newCardState, rateCard } from '../../../src/domain/scheduler/scheduler';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const PARAMS = normalizeParams({});
const DAY = { timeZone: 'Asia/Tokyo', startHour: 4 };

function ratings(cardId: string, n: number, from: number): RatingEvent[] {
  let s = newCardState();
  const out: RatingEvent[] = [];
  for (let i = 0; i < n; i++) {
    const { state, record } = rateCard(s, 3, from + i * 86_400_000, PARAMS, DAY);
    out.push({ id: `${cardId}-${i}`, type: 'rating', at: record.reviewedAt, device: 'd', seq: i + 1, cardId, deckId: 'deck', durationMs: 1000, ...record });
    s = state;
  }
  return out;
}

const fileOf = (events: LearnerEvent[]): BackupFile => ({ version: 2, exportedAt: '', events, paths: events.map((_, i) => `$.list[${i}]`), deckVersions: {} });
const nothingHere = { get: () => undefined, ratingsOf: () => [], voided: new Set<string>() };
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof BackupValidationError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('planImport', () => {
  it('plans every new event, voids included', () => {
    const a = ratings('a', 3, T0);
    const b = ratings('b', 2, T0);
    const v: VoidEvent = { id: 'v', type: 'void', at: T0 + 5 * 86_400_000, device: 'd', seq: 9, target: 'b-1' };
    const plan = planImport(fileOf([...a, ...b, v]), nothingHere);
    expect(plan.added).toMatchObject({ rating: 5, void: 1 });
    expect(plan.affectedCards).toEqual(['a', 'b']);
  });

  it("names the file's entry the scheduler cannot apply", () => {
    const events = [...ratings('a', 3, T0), ...ratings('b', 3, T0)];
    (events[4] as { dayKey: string }).dayKey = 'not a day';
    const e = refusal(() => planImport(fileOf(events), nothingHere));
    expect(e).toMatchObject({ kind: 'replay', path: '$.list[4]' });
    expect(e.detail).toMatch(/^card b cannot be scheduled with this entry/);
  });

  it("names this device's log when the entry at fault is stored here", () => {
    const here = ratings('a', 2, T0);
    (here[0] as { dayKey: string }).dayKey = 'not a day';
    const e = refusal(() => planImport(fileOf(ratings('a', 3, T0 + 10 * 86_400_000).map((r) => ({ ...r, id: `new-${r.id}` }))), { ...nothingHere, ratingsOf: () => here }));
    expect(e).toMatchObject({ kind: 'replay', path: '$' });
    expect(e.detail).toMatch(/run Repair in Settings first/);
  });
});
