// Property: a hostile backup never changes the database (byte for byte), and the error names the
// path of the bad field. Corrupted files: delete a field, change a field's type, truncate the
// text, overwrite random bytes. Crafted files, re-checksummed so only the deeper checks can catch
// them: dates in 1970 or the future, day keys past 9999 or off their review's day, impossible
// scheduler parameters, ids already here with other content, deep nesting, files over 50 MB.
// The target is another device's database, so a file wrongly accepted shows up as a changed dump.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup } from '../../src/db/backup/export';
import { importBackup } from '../../src/db/backup/import';
import type { KujiraDB } from '../../src/db/schema';
import { buildBackup, type Backup } from '../../src/domain/backup/format';
import { BackupValidationError, MAX_BACKUP_BYTES, pointerToPath } from '../../src/domain/backup/validate';
import type { LearnerEvent, RatingEvent } from '../../src/domain/events/types';
import { DAY, NOW, freshDb, populatedDb, rateSeries } from './backup-fixtures';
import { dump } from './helpers';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

let target: KujiraDB;
let source: KujiraDB;
let text: string;
let targetRating: RatingEvent;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  source = await populatedDb('source');
  ({ text } = await exportBackup(source, NOW));
  target = await freshDb('target');
  await rateSeries(target, 2, [3, 3], NOW - 4 * DAY, 't2');
  targetRating = (await exportBackup(target, NOW)).backup.ratings[0]!;
  before = await dump(target);
});
afterAll(() => {
  source.close();
  target.close();
});

/** Every location in the document: [path segments, value]. */
function locations(v: Json, at: (string | number)[] = []): [(string | number)[], Json][] {
  const here: [(string | number)[], Json][] = [[at, v]];
  if (Array.isArray(v)) return here.concat(v.flatMap((x, i) => locations(x, [...at, i])));
  if (v !== null && typeof v === 'object') return here.concat(Object.entries(v).flatMap(([k, x]) => locations(x, [...at, k])));
  return here;
}

function clone(): Json {
  return JSON.parse(text) as Json;
}

function parentOf(doc: Json, path: (string | number)[]): Record<string | number, Json> {
  let cur = doc as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as unknown as Record<string | number, Json>;
  return cur;
}

/** A value of another JSON type that no field of the schema accepts in place of `v`. */
function otherType(v: Json): Json {
  if (v === null) return { bogus: true };
  if (typeof v === 'string') return 42;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  return 42;
}

const toPath = (p: (string | number)[]) => pointerToPath(p.map((s) => `/${s}`).join(''));

type Mutation = { file: string | Blob; path: string | null; label: string };

/** The four kinds of damage, built from the exported file. */
function mutations() {
  const objectFields = locations(JSON.parse(text) as Json)
    .filter(([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v))
    .flatMap(([p, v]) => Object.keys(v as object).map((k) => [...p, k]));
  const allValues = locations(JSON.parse(text) as Json)
    .map(([p]) => p)
    .filter((p) => p.length > 0);

  const deleteField = fc.constantFrom(...objectFields).map((p): Mutation => {
    const doc = clone();
    delete parentOf(doc, p)[p.at(-1)!];
    return { file: JSON.stringify(doc), path: toPath(p), label: `delete ${toPath(p)}` };
  });

  const changeType = fc.constantFrom(...allValues).map((p): Mutation => {
    const doc = clone();
    const parent = parentOf(doc, p);
    parent[p.at(-1)!] = otherType(parent[p.at(-1)!]!);
    return { file: JSON.stringify(doc), path: toPath(p), label: `retype ${toPath(p)}` };
  });

  const truncate = fc.nat({ max: text.length - 1 }).map((n): Mutation => ({ file: text.slice(0, n), path: '$', label: `truncate at ${n}` }));

  const bytes = new TextEncoder().encode(text);
  const randomBytes = fc
    .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
    .filter((edits) => edits.some(([i, b]) => bytes[i] !== b))
    .map((edits): Mutation => {
      const copy = bytes.slice();
      for (const [i, b] of edits) copy[i] = b;
      return { file: new Blob([copy]), path: null, label: `bytes ${JSON.stringify(edits)}` };
    });

  return fc.oneof(deleteField, changeType, truncate, randomBytes);
}

const all = (b: Backup): LearnerEvent[] => [...b.ratings, ...b.voids, ...b.suspensions, ...b.lessons, ...b.quizResults, ...b.settings, ...b.flags];
const copy = (): Backup => JSON.parse(text) as Backup;
const crafted = (b: Backup) => JSON.stringify(buildBackup(all(b), { device: b.device, deckVersions: b.deckVersions }, NOW));

/** Files that pass the checksum (they were made to) but must fail a deeper check, with where. */
function craftedFiles(): fc.Arbitrary<Mutation> {
  const n = JSON.parse(text).ratings.length as number;
  const i = fc.nat({ max: n - 1 });
  const onRating = (label: string, field: string, change: (r: RatingEvent, x: number) => void, x: fc.Arbitrary<number>) =>
    fc.tuple(i, x).map(([k, v]): Mutation => {
      const b = copy();
      change(b.ratings[k]!, v);
      return { file: crafted(b), path: `$.ratings[${k}].${field}`, label: `${label} ${k} ${v}` };
    });
  const DAYS = 86_400_000;
  const future = onRating('future', 'reviewedAt', (r, v) => Object.assign(r, { reviewedAt: NOW + v, at: NOW + v }), fc.integer({ min: 2 * DAYS, max: 8.64e15 - NOW }));
  const ancient = onRating('before 2000', 'reviewedAt', (r, v) => Object.assign(r, { reviewedAt: v, at: v }), fc.integer({ min: 0, max: Date.UTC(2000, 0, 1) - 1 }));
  const farKey = onRating('day key', 'dayKey', (r, v) => (r.dayKey = `${9000 + v}-12-31`), fc.integer({ min: 0, max: 999 }));
  const offKey = onRating('day key off', 'dayKey', (r, v) => (r.dayKey = new Date(r.reviewedAt + v * DAYS).toISOString().slice(0, 10)), fc.constantFrom(-3, -2, 2, 3, 30));
  const weights = onRating('weights', 'params.weights', (r, v) => (r.params.weights = Array.from({ length: 21 }, (_, j) => (j === v % 21 ? 99 : 0.5))), fc.nat({ max: 20 }));
  const steps = onRating('steps', 'params.learningSteps[0]', (r, v) => (r.params.learningSteps = [`${31 + v}d`]), fc.nat({ max: 999_968 }));
  const due = onRating('due', 'due', (r, v) => (r.due = r.reviewedAt + v * DAYS), fc.integer({ min: 36_503, max: 10_000_000 }));
  // An id this device holds, with other content: refused, naming the file's entry.
  const conflict = fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 4).map((rating): Mutation => {
    const b = copy();
    b.ratings = [{ ...targetRating, rating }];
    return { file: crafted(b), path: '$.ratings[0].id', label: `conflict rating ${rating}` };
  });
  const duplicate = i.map((k): Mutation => {
    const b = copy();
    b.ratings.push({ ...b.ratings[k]!, durationMs: b.ratings[k]!.durationMs + 1 });
    return { file: crafted(b), path: '$.ratings', label: `duplicate ${k}` };
  });
  const deep = fc.integer({ min: 40, max: 200_000 }).map((depth): Mutation => {
    const b = copy();
    (b.quizResults[0]!.questions[0] as unknown as Record<string, unknown>).typed = '@deep@';
    const file = JSON.stringify(b).replace('"@deep@"', `${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
    return { file, path: '$.quizResults[0].questions[0].typed', label: `deep ${depth}` };
  });
  return fc.oneof(future, ancient, farKey, offKey, weights, steps, due, conflict, duplicate, deep);
}

describe('crafted backups', () => {
  it('are refused by the deeper checks with a path, and never change the database (900 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(craftedFiles(), async (m) => {
        const error = await importBackup(target, m.file, NOW).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, m.label).toBeInstanceOf(BackupValidationError);
        expect((error as BackupValidationError).path.startsWith(m.path!), `${m.label} -> ${(error as BackupValidationError).path}`).toBe(true);
        expect(await dump(target), m.label).toEqual(before);
      }),
      { numRuns: 900, seed: 20261201 },
    );
  }, 240_000);

  it('a file over 50 MB is refused before it is read, with a clear message', async () => {
    const huge = new Blob([text, ' '.repeat(MAX_BACKUP_BYTES)]);
    const error = await importBackup(target, huge, NOW).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'too-large', path: '$' });
    expect((error as Error).message).toMatch(/larger than the 50 MB a backup can be/);
    expect(await dump(target)).toEqual(before);
  });
});

describe('corrupted backups', () => {
  it('are rejected with a path and never change the database (1,200 cases)', async () => {
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(mutations(), async (m) => {
        const error = await importBackup(target, m.file, NOW).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, m.label).toBeInstanceOf(BackupValidationError);
        const path = (error as BackupValidationError).path;
        expect(path, m.label).toMatch(/^\$/);
        if (m.path !== null) {
          // The fault is reported where it is (or, inside opaque quiz data and map keys, by the checksum).
          expect(path === '$.checksum' || path.startsWith(m.path) || m.path.startsWith(path), `${m.label} -> ${path}`).toBe(true);
          if (path.startsWith(m.path)) exact += 1;
        }
        expect(await dump(target), m.label).toEqual(before);
      }),
      { numRuns: 1200, seed: 20261127 },
    );
    expect(exact).toBeGreaterThan(500);
  }, 120_000);

  it('the untouched file imports (the property is not vacuous)', async () => {
    const db = await freshDb('control');
    await importBackup(db, text, NOW);
    expect(await db.reviewLog.count()).toBe(6);
    db.close();
    // Room for a loaded machine: it runs right after the 120 s property above.
  }, 60_000);
});
