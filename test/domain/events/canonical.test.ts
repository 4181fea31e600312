// The canonical text of events is frozen: a backup's checksum is a hash of it, so files exported
// by earlier versions must keep matching. It is written in pieces (to a Hasher or a string) and
// reuses the text of the last parameter set; these tests hold it to the text as first spelled
// (one template string per rating) and to checksums computed before the change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupChecksum, buildBackup } from '../../../src/domain/backup/format';
import { backupChecksumV1, type BackupV1 } from '../../../src/domain/backup/format-v1';
import { Hasher } from '../../../src/domain/backup/hasher';
import { canonicalEvent, eventContent, stableStringify, tooDeepAt } from '../../../src/domain/events/canonical';
import type { LearnerEvent, RatingEvent } from '../../../src/domain/events/types';

const j = JSON.stringify;

/** The rating's content as it was first written (src/domain/events/canonical.ts before issue 27). */
function firstSpelling(e: RatingEvent): string {
  const p = e.params;
  const params = `{"desiredRetention":${j(p.desiredRetention)},"enableFuzz":${j(p.enableFuzz)},"learningSteps":${j(p.learningSteps)},"maximumInterval":${j(p.maximumInterval)},"relearningSteps":${j(p.relearningSteps)}${p.weights !== undefined ? `,"weights":${j(p.weights)}` : ''}}`;
  const content = `{"cardId":${j(e.cardId)},"dayKey":${j(e.dayKey)},"dayStartHour":${j(e.dayStartHour)},"deckId":${j(e.deckId)},"due":${j(e.due)},"durationMs":${j(e.durationMs)},"id":${j(e.id)},"nextState":${j(e.nextState)},"params":${params},"prevState":${j(e.prevState)},"rating":${j(e.rating)},"reviewedAt":${j(e.reviewedAt)},"scheduledDays":${j(e.scheduledDays)},"timeZone":${j(e.timeZone)}}`;
  return `${j(e.device)}|${e.seq}|rating|${e.at}|${content}`;
}

const WEIGHTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];

function rating(i: number, overrides: Partial<RatingEvent> = {}): RatingEvent {
  return {
    id: `r-${i}`,
    type: 'rating',
    at: 1_764_000_000_000 + i,
    device: 'dev "one"\\',
    seq: i + 1,
    cardId: `deck:card-${i % 3}`,
    deckId: 'deck',
    rating: 3,
    reviewedAt: 1_764_000_000_000 + i,
    durationMs: 4000,
    dayKey: '2025-11-25',
    timeZone: 'Asia/Tokyo',
    dayStartHour: 4,
    params: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] },
    prevState: 'review',
    nextState: 'review',
    scheduledDays: 12,
    due: 1_765_000_000_000,
    ...overrides,
  };
}

// Runs of equal parameter sets (fresh objects each), sets that differ in one value, weights, and
// numbers whose text is not their digits.
const ratings: RatingEvent[] = [
  rating(0),
  rating(1),
  rating(2, { params: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], weights: WEIGHTS } }),
  rating(3, { params: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], weights: [...WEIGHTS] } }),
  rating(4, { params: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], weights: WEIGHTS.map((w, k) => (k === 20 ? 0.1543 : w)) } }),
  rating(5, { params: { desiredRetention: 0.85, maximumInterval: 36500, enableFuzz: true, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] } }),
  rating(6, { params: { desiredRetention: 0.85, maximumInterval: 36500, enableFuzz: false, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] } }),
  rating(7, { params: { desiredRetention: 0.85, maximumInterval: 36500, enableFuzz: false, learningSteps: ['1m'], relearningSteps: ['10m'] } }),
  rating(8, { params: { desiredRetention: 0.85, maximumInterval: 36500, enableFuzz: false, learningSteps: ['1m'], relearningSteps: [] } }),
  rating(9, { params: { desiredRetention: 0.85, maximumInterval: 365, enableFuzz: false, learningSteps: ['1m'], relearningSteps: [] } }),
  rating(10, { due: 1e21, reviewedAt: 0.1 + 0.2, durationMs: -0, cardId: 'ü "quoted" \u2028', timeZone: 'America/Argentina/Buenos_Aires' }),
  rating(11, { deckId: 'deck 😀 \\ \u007f', id: 'lone \ud800 surrogate', device: 'tab\there' }),
];

describe('canonical text of ratings', () => {
  it('is the text first spelled, entry by entry and over runs of the same parameters', () => {
    for (const e of ratings) expect(canonicalEvent(e)).toBe(firstSpelling(e));
    // And again in reverse, so each set follows another than before.
    for (const e of [...ratings].reverse()) expect(canonicalEvent(e)).toBe(firstSpelling(e));
  });

  it('never answers with the text of a parameter set changed in place since', () => {
    const e = rating(20);
    expect(canonicalEvent(e)).toBe(firstSpelling(e));
    e.params.learningSteps.push('1h');
    (e.params as { desiredRetention: number }).desiredRetention = 0.8;
    expect(canonicalEvent(e)).toBe(firstSpelling(e));
    expect(canonicalEvent(e)).toContain('"learningSteps":["1m","10m","1h"]');
  });

  it('spells an event not yet checked as JSON.stringify would (lists that are not lists)', () => {
    const odd = rating(21, { params: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, learningSteps: { length: 2, 0: '1m', 1: '10m' } as unknown as string[], relearningSteps: ['10m'] } });
    canonicalEvent(rating(22));
    expect(canonicalEvent(odd)).toBe(firstSpelling(odd));
    const nan = rating(23, { due: Number.NaN, rating: Infinity as 3 });
    expect(canonicalEvent(nan)).toBe(firstSpelling(nan));
  });

  it('gives the content without the stamp', () => {
    for (const e of ratings) expect(`${j(e.device)}|${e.seq}|${eventContent(e)}`).toBe(firstSpelling(e));
    const other: LearnerEvent = { id: 's', type: 'suspend', at: 5, device: 'd', seq: 2, cardId: 'c', suspended: true };
    expect(eventContent(other)).toBe(stableStringify({ id: 's', type: 'suspend', at: 5, cardId: 'c', suspended: true }));
  });
});

describe('checksums', () => {
  it('of format 2 are those computed before the text was written in pieces', () => {
    const file = buildBackup(ratings, { device: 'd', deckVersions: { deck: { version: 3, hash: 'abc' } } }, Date.UTC(2026, 0, 2));
    const h = new Hasher();
    h.update(`kujira-backup|2|${file.exportedAt}|"d"|`);
    for (const k of ['ratings', 'voids', 'suspensions', 'lessons', 'quizResults', 'settings', 'flags'] as const) {
      h.update(`|${k}:`);
      for (const e of file[k]) h.update(k === 'ratings' ? firstSpelling(e as RatingEvent) : canonicalEvent(e)).update('\n');
    }
    h.update('|decks:').update(stableStringify(file.deckVersions));
    expect(file.checksum).toBe(h.hex());
    expect(backupChecksum(file)).toBe(FROZEN_V2);
  });

  it('of format 1 are those computed before', () => {
    const b = {
      exportedAt: '2026-01-02T00:00:00.000Z',
      reviewLog: ratings.map(({ type: _t, at: _a, device: _d, seq: _s, ...row }) => row),
      settings: null,
      quizResults: [],
      onboarding: [],
      suspended: ['deck:card-1'],
      deckVersions: {},
    } as unknown as BackupV1;
    expect(backupChecksumV1(b)).toBe(FROZEN_V1);
  });
});

// Computed by the code before issue 27's change (one template string per rating).
const FROZEN_V2 = '1cf7471ea440a2';
const FROZEN_V1 = '122d83bdfe6bde';

/** The depth walk as first written (over a stack of frames), to hold the recursive one to it. */
function firstTooDeepAt(value: unknown, max: number): string | null {
  interface Frame {
    v: object;
    depth: number;
    parent: Frame | null;
    key: string | number;
  }
  const pathKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
  const stack: Frame[] = [];
  const push = (v: unknown, depth: number, parent: Frame | null, key: string | number) => {
    if (v !== null && typeof v === 'object') stack.push({ v, depth, parent, key });
  };
  push(value, 0, null, '$');
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.depth >= max) {
      let path = '';
      for (let g: Frame | null = f; g !== null && g.parent !== null; g = g.parent) path = (typeof g.key === 'number' ? `[${g.key}]` : pathKey(g.key)) + path;
      return `$${path}`;
    }
    if (Array.isArray(f.v)) {
      for (let i = f.v.length - 1; i >= 0; i--) push(f.v[i], f.depth + 1, f, i);
    } else {
      const obj = f.v as Record<string, unknown>;
      for (const k in obj) push(obj[k], f.depth + 1, f, k);
    }
  }
  return null;
}

describe('tooDeepAt', () => {
  it('names the culprit the walk over a stack of frames named, with several values too deep', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', '__proto__', 'x y', '0', 'é'), fc.string({ maxLength: 3 }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), fc.integer(), tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(tree, fc.integer({ min: 0, max: 6 }), (v, max) => {
        // Through JSON, as a file arrives (own keys only, __proto__ among them).
        const parsed: unknown = JSON.parse(JSON.stringify(v) ?? 'null');
        expect(tooDeepAt(parsed, max)).toBe(firstTooDeepAt(parsed, max));
      }),
      { numRuns: 3000, seed: 20261208 },
    );
  });

  it('walks a value nested far deeper than the limit without overflowing', () => {
    const text = `${'['.repeat(200_000)}1${']'.repeat(200_000)}`;
    expect(tooDeepAt(JSON.parse(text))).toBe(`$${'[0]'.repeat(32)}`);
  });
});
