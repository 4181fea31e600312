// The test event model: ratings (backup review entries with a type) and voids (an undo takes a
// rating back by id), as the event log issue defines them; pulled events are checked by the backup
// import's own validator, and a device's state is the replay of its non-voided ratings.
import { buildBackupV1, type BackupReviewEntry } from '../../src/domain/backup/format-v1';
import { checkBackup, BackupValidationError } from '../../src/domain/backup/validate';
import { validate, validateV1 } from '../../src/domain/backup/validator.generated.js';
import { replay, applyReview, newCardState } from '../../src/domain/scheduler/scheduler';
import { dayKey } from '../../src/domain/scheduler/day';
import { DEFAULT_PARAMS } from '../../src/domain/scheduler/params';
import type { Grade } from '../../src/domain/scheduler/types';
import type { EventCheck, SyncEvent } from '../../src/sync/types';

export type RatingEvent = BackupReviewEntry & { type: 'rating' };
export interface VoidEvent {
  id: string;
  type: 'void';
  target: string;
  at: number;
}
export type TestEvent = RatingEvent | VoidEvent;

const ZONE = 'Asia/Tokyo';
/** The clock the test checker judges "not in the future" by: far after every generated event. */
const CHECKED_AT = Date.UTC(2030, 0, 1);
const ID = /^[\x21-\x5e\x60-\x7e][\x21-\x7e]{0,199}$/;

export function ratingEvent(id: string, cardId: string, rating: Grade, reviewedAt: number): RatingEvent {
  const input = { rating, reviewedAt, dayKey: dayKey(reviewedAt, ZONE, 4), params: { ...DEFAULT_PARAMS, enableFuzz: false }, timeZone: ZONE, dayStartHour: 4 };
  const next = applyReview(newCardState(), input);
  return {
    type: 'rating',
    id,
    cardId,
    deckId: 'docker',
    ...input,
    durationMs: 1500,
    prevState: 'new',
    nextState: next.state,
    scheduledDays: next.scheduledDays,
    due: next.due,
  };
}

export const voidEvent = (id: string, target: string, at: number): VoidEvent => ({ id, type: 'void', target, at });

/** The backup import's check, applied to one event (a rating is checked as a one-entry backup). */
export const checkTestEvent: EventCheck = (raw) => {
  if (raw === null || typeof raw !== 'object') return { ok: false, path: '$', reason: 'not an object' };
  const e = raw as Record<string, unknown>;
  if (e.type === 'void') {
    const keys = Object.keys(e).sort().join(',');
    if (keys !== 'at,id,target,type') return { ok: false, path: '$', reason: `unexpected fields ${keys}` };
    if (typeof e.id !== 'string' || !ID.test(e.id)) return { ok: false, path: '$.id', reason: 'bad id' };
    if (typeof e.target !== 'string' || !ID.test(e.target)) return { ok: false, path: '$.target', reason: 'bad target' };
    if (typeof e.at !== 'number' || !Number.isInteger(e.at) || e.at < 0) return { ok: false, path: '$.at', reason: 'bad time' };
    return { ok: true, event: e as unknown as SyncEvent };
  }
  if (e.type !== 'rating') return { ok: false, path: '$.type', reason: `unknown event type ${JSON.stringify(e.type)}` };
  const { type: _type, ...entry } = e;
  try {
    checkBackup(buildBackupV1({ reviewLog: [entry as unknown as BackupReviewEntry], settings: null, quizResults: [], onboarding: [], suspended: [], deckVersions: {} }, CHECKED_AT), { v1: validateV1, v2: validate }, CHECKED_AT);
  } catch (x) {
    if (x instanceof BackupValidationError) return { ok: false, path: x.path.replace(/^\$\.reviewLog\[0\]/, '$'), reason: x.message };
    throw x;
  }
  return { ok: true, event: e as unknown as SyncEvent };
};

/** A device's state: every card's schedule replayed from its non-voided ratings. */
export function replayState(events: Iterable<SyncEvent>): Record<string, unknown> {
  const all = [...events] as unknown as TestEvent[];
  const voided = new Set(all.filter((e): e is VoidEvent => e.type === 'void').map((e) => e.target));
  const byCard = new Map<string, RatingEvent[]>();
  for (const e of all) {
    if (e.type !== 'rating' || voided.has(e.id)) continue;
    const list = byCard.get(e.cardId) ?? [];
    list.push(e);
    byCard.set(e.cardId, list);
  }
  const out: Record<string, unknown> = {};
  for (const card of [...byCard.keys()].sort()) out[card] = replay(byCard.get(card)!);
  return out;
}
