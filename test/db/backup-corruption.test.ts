// Property: a corrupted or truncated backup never changes the database, and the error names the
// path of the bad field. Mutations: delete a field, change a field's type, truncate the text,
// overwrite random bytes. The target is another device's database, so a file wrongly accepted
// would show up as a changed dump.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../src/db/backup';
import type { KujiraDB } from '../../src/db/schema';
import { BackupValidationError, pointerToPath } from '../../src/domain/backup/validate';
import { DAY, NOW, freshDb, populatedDb, rateSeries } from './backup-fixtures';
import { dump } from './helpers';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

let target: KujiraDB;
let source: KujiraDB;
let text: string;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  source = await populatedDb('source');
  text = (await exportBackup(source, NOW)).text;
  target = await freshDb('target');
  await rateSeries(target, 2, [3, 3], NOW - 4 * DAY, 't2');
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

describe('corrupted backups', () => {
  it('are rejected with a path and never change the database (1,200 cases)', async () => {
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(mutations(), async (m) => {
        const error = await importBackup(target, m.file).then(
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
    await importBackup(db, text);
    expect(await db.reviewLog.count()).toBe(6);
    db.close();
  });
});
