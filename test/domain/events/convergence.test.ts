// Model-based property: three simulated devices rate, undo, suspend, pass lessons, change settings,
// export and import backups and merge with each other in random order. Every device ends with the
// state a single device replaying the union of all events would have, whatever the merge order,
// and a rating undone on a device never comes back there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBackup, serializeBackup } from '../../../src/domain/backup/format';
import { planImport } from '../../../src/domain/backup/plan';
import { checkBackup, parseBackupText } from '../../../src/domain/backup/validate';
import { validate, validateV1 } from '../../../src/domain/backup/validator.generated';
import { foldEvents, undoTarget, voidOf, type LearnerState } from '../../../src/domain/events/fold';
import { unionEvents } from '../../../src/domain/events/merge';
import type { LearnerEvent, RatingEvent } from '../../../src/domain/events/types';
import { normalizeParams } from '../../../src/domain/scheduler/params';
import { newCardState, rateCard } from '../../../src/domain/scheduler/scheduler';
import type { Grade } from '../../../src/domain/scheduler/types';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const PARAMS = normalizeParams({ enableFuzz: true });
const DAY = { timeZone: 'Asia/Tokyo', startHour: 4 };
const CARDS = ['c0', 'c1', 'c2', 'c3'];

interface Device {
  name: string;
  seq: number;
  events: Map<string, LearnerEvent>;
  /** Ratings this device undid: they must never be live here again. */
  undone: Set<string>;
}

type Op =
  | { kind: 'rate'; d: number; card: number; grade: Grade; dt: number }
  | { kind: 'undo'; d: number }
  | { kind: 'suspend'; d: number; card: number; on: boolean; dt: number }
  | { kind: 'lesson'; d: number; lesson: number; dt: number }
  | { kind: 'settings'; d: number; newPerDay: number; dt: number }
  | { kind: 'backup'; from: number; to: number }
  | { kind: 'merge'; a: number; b: number };

const dev = fc.integer({ min: 0, max: 2 });
const dt = fc.integer({ min: 1, max: 3 * 86_400_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('rate' as const), d: dev, card: fc.integer({ min: 0, max: 3 }), grade: fc.constantFrom<Grade>(1, 2, 3, 4), dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('undo' as const), d: dev }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('suspend' as const), d: dev, card: fc.integer({ min: 0, max: 3 }), on: fc.boolean(), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lesson' as const), d: dev, lesson: fc.integer({ min: 0, max: 2 }), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), d: dev, newPerDay: fc.integer({ min: 0, max: 50 }), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('backup' as const), from: dev, to: dev }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), a: dev, b: dev }) },
);

function stamp(d: Device, at: number) {
  d.seq += 1;
  return { id: `${d.name}-${d.seq}`, at, device: d.name, seq: d.seq };
}

/** Export `from` as a backup file and import it into `to` through the real checks and plan. */
function backupInto(from: Device, to: Device, now: number): void {
  const text = serializeBackup(buildBackup(from.events.values(), { device: from.name, deckVersions: {} }, now));
  const file = checkBackup(parseBackupText(text), { v1: validateV1, v2: validate }, now);
  const local = [...to.events.values()];
  const plan = planImport(file, {
    get: (id) => to.events.get(id),
    ratingsOf: (cardId) => local.filter((e): e is RatingEvent => e.type === 'rating' && e.cardId === cardId),
    voided: new Set(local.flatMap((e) => (e.type === 'void' ? [e.target] : []))),
  });
  for (const e of plan.toAdd) to.events.set(e.id, e);
}

/** What the app shows, as plain comparable data. */
function view(s: LearnerState) {
  return {
    cards: [...s.cards].sort(([a], [b]) => (a < b ? -1 : 1)),
    suspended: [...s.suspended].sort(([a], [b]) => (a < b ? -1 : 1)),
    settings: s.settings,
    lessons: [...s.lessons].map(([deck, m]) => [deck, [...m].map(([l, e]) => [l, e.id]).sort()]).sort(),
    flags: [...s.flags].sort(),
  };
}

function live(d: Device): Set<string> {
  return new Set([...foldEvents(d.events.values()).ratings.values()].flat().map((r) => r.id));
}

function run(ops: readonly Op[], order: readonly number[]): void {
  const devices: Device[] = ['a', 'b', 'c'].map((name) => ({ name, seq: 0, events: new Map(), undone: new Set() }));
  let now = T0;
  for (const o of ops) {
    switch (o.kind) {
      case 'rate': {
        now += o.dt;
        const d = devices[o.d]!;
        const cardId = CARDS[o.card]!;
        const state = foldEvents(d.events.values()).cards.get(cardId) ?? newCardState();
        const { record } = rateCard(state, o.grade, now, PARAMS, DAY);
        const s = stamp(d, record.reviewedAt);
        const e: RatingEvent = {
          ...s, type: 'rating', cardId, deckId: 'deck', rating: record.rating, reviewedAt: record.reviewedAt, durationMs: 1000,
          dayKey: record.dayKey, timeZone: record.timeZone, dayStartHour: record.dayStartHour, params: record.params,
          prevState: record.prevState, nextState: record.nextState, scheduledDays: record.scheduledDays, due: record.due,
        };
        d.events.set(e.id, e);
        break;
      }
      case 'undo': {
        const d = devices[o.d]!;
        const target = undoTarget(d.events.values(), d.name);
        if (target) {
          // Undo takes back this device's own last rating, never another device's.
          expect(target.device).toBe(d.name);
          const v = voidOf(target, stamp(d, now));
          d.events.set(v.id, v);
          d.undone.add(target.id);
        }
        break;
      }
      case 'suspend': {
        now += o.dt;
        const d = devices[o.d]!;
        const s = stamp(d, now);
        d.events.set(s.id, { ...s, type: 'suspend', cardId: CARDS[o.card]!, suspended: o.on });
        break;
      }
      case 'lesson': {
        now += o.dt;
        const d = devices[o.d]!;
        const s = stamp(d, now);
        d.events.set(s.id, { ...s, type: 'lesson', deckId: 'deck', lessonId: `l${o.lesson}`, result: { score: 3, total: 4, durationMs: 60_000, attempts: 1 } });
        break;
      }
      case 'settings': {
        now += o.dt;
        const d = devices[o.d]!;
        const s = stamp(d, now);
        d.events.set(s.id, { ...s, type: 'settings', changes: { newPerDay: o.newPerDay } });
        break;
      }
      case 'backup':
        backupInto(devices[o.from]!, devices[o.to]!, now);
        break;
      case 'merge': {
        const u = unionEvents([...devices[o.a]!.events.values()], [...devices[o.b]!.events.values()]);
        for (const d of [devices[o.a]!, devices[o.b]!]) for (const e of u) d.events.set(e.id, e);
        break;
      }
    }
    for (const d of devices) {
      const l = live(d);
      for (const id of d.undone) expect(l.has(id), `${id} undone on ${d.name} came back`).toBe(false);
    }
  }
  // Everyone meets everyone, in the order drawn: a chain through the permutation and back.
  const union = unionEvents(...devices.map((d) => [...d.events.values()]));
  const expected = view(foldEvents(union));
  const chain = [...order, ...[...order].reverse()];
  for (let i = 1; i < chain.length; i++) {
    const a = devices[chain[i - 1]!]!;
    const b = devices[chain[i]!]!;
    if (i % 2 === 0) backupInto(a, b, now);
    else for (const e of a.events.values()) b.events.set(e.id, e);
  }
  for (const d of devices) {
    expect(d.events.size).toBe(union.length);
    expect(view(foldEvents(d.events.values()))).toEqual(expected);
    const l = live(d);
    for (const x of devices) for (const id of x.undone) expect(l.has(id)).toBe(false);
  }
}

describe('event log convergence (model-based)', () => {
  it('three devices converge to a single replay of the union in any merge order; undone ratings never return', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]), (ops, order) => run(ops, order)),
      { seed: 20261201, numRuns: 500 },
    );
  });

  it('undo takes back this device\'s last rating even when another device\'s rating is stamped later', () => {
    const a: Device = { name: 'a', seq: 0, events: new Map(), undone: new Set() };
    const { record } = rateCard(newCardState(), 1, T0, PARAMS, DAY);
    const mine: RatingEvent = { ...stamp(a, T0), type: 'rating', cardId: 'c0', deckId: 'deck', rating: 1, reviewedAt: T0, durationMs: 0, dayKey: record.dayKey, timeZone: 'Asia/Tokyo', dayStartHour: 4, params: PARAMS, prevState: 'new', nextState: record.nextState, scheduledDays: 0, due: record.due };
    const future: RatingEvent = { ...mine, id: 'b-1', device: 'b', seq: 1, at: T0 + 3_600_000, reviewedAt: T0 + 3_600_000 };
    expect(undoTarget([mine, future], 'a')?.id).toBe(mine.id);
    expect(undoTarget([mine, future, voidOf(mine, { id: 'a-2', at: T0, device: 'a', seq: 2 })], 'a')).toBeNull();
  });
});
