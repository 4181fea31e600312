// The lint rules that hold the layers (eslint.config.js): each one, run through ESLint's Node API
// on planted code, reports the violation it exists for; clean code in the same places passes.
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';

const root = new URL('../../', import.meta.url).pathname;
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, ignore: false });
});

/** The rule ids and messages ESLint reports for `code` as if it were the file at `filePath`. */
async function lint(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: root + filePath });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

async function expectViolation(filePath: string, code: string, ruleId: string, message: RegExp) {
  const found = await lint(filePath, code);
  expect(found).toContainEqual({ ruleId, message: expect.stringMatching(message) });
}

const PATHS = 'import-x/no-restricted-paths';

// ESLint resolves every import through the TypeScript project: slow on a loaded machine.
describe('layer rules', { timeout: 60_000 }, () => {
  it('lets clean code through in every layer (the rules do not fire on everything)', async () => {
    expect(await lint('src/domain/stats/planted.ts', "import { dayKey } from '../scheduler/day';\nexport const k = (now: number) => dayKey(now, 'UTC', 4);\n")).toEqual([]);
    expect(await lint('src/features/stats/planted.ts', "import { useSettings } from '../../db';\nexport const use = () => useSettings();\n")).toEqual([]);
    expect(await lint('src/features/stats/planted.ts', "import { useClock } from '../../hooks/clock';\nexport const use = () => useClock().now();\n")).toEqual([]);
    expect(await lint('src/db/planted.ts', "import { normalizeSettings } from '../domain/settings/settings';\nexport const s = normalizeSettings({});\n")).toEqual([]);
  });

  it('domain imports nothing outside the domain, in .ts and .tsx files', async () => {
    await expectViolation('src/domain/stats/planted.ts', "import { getDb } from '../../db/database';\nexport const x = getDb;\n", PATHS, /src\/domain is pure/);
    await expectViolation('src/domain/stats/planted.tsx', "import { useNow } from '../../hooks/clock';\nexport const x = useNow;\n", PATHS, /src\/domain is pure/);
    await expectViolation('src/domain/stats/planted.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'no-restricted-imports', /no React/);
  });

  it('domain reads no clock, randomness or device', async () => {
    const at = 'src/domain/stats/planted.ts';
    await expectViolation(at, 'export const x = Date.now();\n', 'no-restricted-properties', /reads no clock/);
    await expectViolation(at, 'export const x = new Date();\n', 'no-restricted-syntax', /new Date\(\)/);
    await expectViolation(at, 'export const x = performance.now();\n', 'no-restricted-properties', /reads no clock/);
    await expectViolation(at, 'export const x = crypto.randomUUID();\n', 'no-restricted-globals', /deterministic/);
    await expectViolation(at, 'export const x = globalThis.crypto.randomUUID();\n', 'no-restricted-properties', /deterministic/);
    await expectViolation(at, 'export const x = Math.random();\n', 'no-restricted-properties', /seed/);
    await expectViolation(at, 'export const x = Intl.DateTimeFormat().resolvedOptions().timeZone;\n', 'no-restricted-syntax', /src\/platform/);
    await expectViolation('src/domain/stats/planted.tsx', 'export const x = Date.now();\n', 'no-restricted-properties', /reads no clock/);
  });

  it('db imports no feature, app, shared UI or platform code, and reads no clock or device', async () => {
    await expectViolation('src/db/planted.ts', "import { useNow } from '../hooks/clock';\nexport const x = useNow;\n", PATHS, /storage only/);
    await expectViolation('src/db/planted.ts', "import { deviceTimeZone } from '../platform/device';\nexport const x = deviceTimeZone;\n", PATHS, /injected/);
    await expectViolation('src/db/planted.ts', 'export const x = Date.now();\n', 'no-restricted-properties', /reads no clock/);
    await expectViolation('src/db/planted.ts', 'export const x = new Date();\n', 'no-restricted-syntax', /reads no clock/);
  });

  it('a feature imports neither the app nor another feature', async () => {
    await expectViolation('src/features/stats/planted.tsx', "import { App } from '../../app/app';\nexport const x = App;\n", PATHS, /Imports flow/);
    await expectViolation('src/features/stats/planted.tsx', "import HomePage from '../home/home-page';\nexport const x = HomePage;\n", PATHS, /no other feature/);
  });

  it('every feature folder there is, found on disk, is held to the feature rules', async () => {
    const features = readdirSync(root + 'src/features', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(features).toContain('optimizer');
    for (const name of features) {
      // A real module of another feature (the rule checks resolved paths).
      const other = features.find((f) => f !== name)!;
      const target = readdirSync(root + `src/features/${other}`).find((f) => /\.tsx?$/.test(f))!.replace(/\.tsx?$/, '');
      const at = `src/features/${name}/planted.tsx`;
      await expectViolation(at, "import { App } from '../../app/app';\nexport const x = App;\n", PATHS, /Imports flow/);
      await expectViolation(at, `import * as other from '../${other}/${target}';\nexport const x = other;\n`, PATHS, /no other feature/);
      await expectViolation(at, 'export const x = Date.now();\n', 'no-restricted-properties', /useClock/);
    }
  });

  it('screens, shared UI, hooks and the app shell ask the browser only through src/platform', async () => {
    for (const at of ['src/features/team/planted.ts', 'src/components/planted.ts', 'src/hooks/planted.ts', 'src/app/planted.ts']) {
      await expectViolation(at, 'export const x = navigator.onLine;\n', 'no-restricted-globals', /src\/platform/);
    }
    expect(await lint('src/features/team/planted.ts', "import { deviceOnline } from '../../platform/browser';\nexport const x = deviceOnline();\n")).toEqual([]);
  });

  it('navigator through the global object (globalThis, window, self, destructured) is read only in src/platform', async () => {
    const forms = [
      'export const x = globalThis.navigator ?? {};\n',
      'export const x = window.navigator.onLine;\n',
      'export const x = self.navigator.languages;\n',
      'const { navigator: nav } = globalThis;\nexport const x = nav;\n',
    ];
    const places: [string, RegExp][] = [
      ['src/components/pwa/planted.ts', /src\/platform/],
      ['src/features/home/planted.tsx', /src\/platform/],
      ['src/hooks/planted.ts', /src\/platform/],
      ['src/app/planted.ts', /src\/platform/],
      ['src/domain/stats/planted.ts', /reads no device/],
      ['src/db/planted.ts', /injected/],
      ['src/sync/planted.ts', /read no device/],
      ['src/i18n/planted.ts', /read no device/],
    ];
    for (const [at, message] of places) {
      for (const code of forms) await expectViolation(at, code, 'no-restricted-properties', message);
    }
    // The clock rules of the same blocks still hold beside the new entries.
    await expectViolation('src/components/pwa/planted.ts', 'export const x = Date.now();\n', 'no-restricted-properties', /useClock/);
    await expectViolation('src/db/planted.ts', 'export const x = Date.now();\n', 'no-restricted-properties', /reads no clock/);
    await expectViolation('src/sync/planted.ts', 'export const x = navigator.onLine;\n', 'no-restricted-globals', /read no device/);
    expect(await lint('src/platform/planted.ts', 'export const x = globalThis.navigator ?? {};\n')).toEqual([]);
  });

  it('the app shell reads the time through the clock hook too', async () => {
    await expectViolation('src/app/planted.tsx', 'export const x = Date.now();\n', 'no-restricted-properties', /useClock/);
    await expectViolation('src/app/planted.ts', 'export const x = new Date();\n', 'no-restricted-syntax', /useClock/);
    expect(await lint('src/app/planted.ts', "import { useClock } from '../hooks/clock';\nexport const use = () => useClock().now();\n")).toEqual([]);
  });

  it('storage, strings and shared UI do not import the sync engine; strings do not read the device', async () => {
    await expectViolation('src/db/planted.ts', "import { Replicator } from '../sync/replicator';\nexport const x = Replicator;\n", PATHS, /storage only/);
    await expectViolation('src/i18n/planted.ts', "import type { SyncStatus } from '../sync/types';\nexport type X = SyncStatus;\n", PATHS, /src\/i18n/);
    await expectViolation('src/i18n/planted.ts', "import { deviceTimeZone } from '../platform/device';\nexport const x = deviceTimeZone;\n", PATHS, /src\/i18n/);
    await expectViolation('src/components/planted.tsx', "import { Replicator } from '../sync/replicator';\nexport const x = Replicator;\n", PATHS, /sync engine/);
  });

  it('features and shared UI read the time only through the clock hook', async () => {
    await expectViolation('src/features/stats/planted.ts', 'export const x = Date.now();\n', 'no-restricted-properties', /useClock/);
    await expectViolation('src/features/stats/planted.tsx', 'export const x = new Date();\n', 'no-restricted-syntax', /useClock/);
    await expectViolation('src/components/planted.tsx', 'export const x = Date.now();\n', 'no-restricted-properties', /useClock/);
    await expectViolation('src/components/planted.ts', 'export const x = Date();\n', 'no-restricted-syntax', /useClock/);
  });

  it('the sync engine imports only the domain: no storage, UI or Dexie', async () => {
    expect(await lint('src/sync/planted.ts', "import { stableStringify } from '../domain/backup/format';\nexport const x = stableStringify;\n")).toEqual([]);
    await expectViolation('src/sync/planted.ts', "import { getDb } from '../db/database';\nexport const x = getDb;\n", PATHS, /src\/sync imports only src\/domain/);
    await expectViolation('src/sync/planted.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n", 'no-restricted-imports', /Dexie lives in src\/db/);
    await expectViolation('src/sync/planted.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'no-restricted-imports', /UI-free/);
    await expectViolation('src/domain/stats/planted.ts', "import { Replicator } from '../../sync/replicator';\nexport const x = Replicator;\n", PATHS, /src\/domain is pure/);
  });

  it('src/db is reached only through its face, src/db/index.ts: rows, mappers, the connection and the repositories\' files stay inside', async () => {
    const at = 'src/features/cards/planted.ts';
    for (const name of ['schema', 'mappers', 'database', 'reviews', 'hooks', 'backup/repository']) {
      await expectViolation(at, `import * as m from '../../db/${name}';\nexport const x = m;\n`, PATHS, /through its face/);
    }
    await expectViolation('src/components/planted.ts', "import type { CardStateRow } from '../db/schema';\nexport type X = CardStateRow;\n", PATHS, /private to src\/db/);
    await expectViolation('src/hooks/planted.ts', "import { useSettings } from '../db/hooks';\nexport const x = useSettings;\n", PATHS, /through its face/);
    // The app shell too, start-up included, and a lazy import as much as a static one.
    await expectViolation('src/app/planted.ts', "import { installDevice } from '../db/device';\nexport const x = installDevice;\n", PATHS, /through its face/);
    await expectViolation('src/app/planted.ts', "export const load = () => import('../db/repair-repository');\n", PATHS, /through its face/);
    expect(await lint('src/app/planted.ts', "import { installDevice, loadRepairRepository } from '../db';\nexport const x = [installDevice, loadRepairRepository];\n")).toEqual([]);
    expect(await lint('src/features/cards/planted.ts', "import { reviewRepository, useCardInfo } from '../../db/index';\nexport const x = [reviewRepository, useCardInfo];\n")).toEqual([]);
  });

  it('Dexie is imported only in src/db', async () => {
    await expectViolation('src/features/cards/planted.ts', "import { liveQuery } from 'dexie';\nexport const x = liveQuery;\n", 'no-restricted-imports', /Dexie lives in src\/db/);
  });

  it('shared components and hooks import no feature or app code', async () => {
    await expectViolation('src/components/planted.tsx', "import HomePage from '../features/home/home-page';\nexport const x = HomePage;\n", PATHS, /Shared code/);
    await expectViolation('src/hooks/planted.ts', "import { App } from '../app/app';\nexport const x = App;\n", PATHS, /Shared code/);
  });

  it('platform and i18n stay below the features and storage', async () => {
    await expectViolation('src/platform/planted.ts', "import { getDb } from '../db/database';\nexport const x = getDb;\n", PATHS, /src\/platform/);
    await expectViolation('src/i18n/planted.ts', "import { useSettings } from '../db/hooks';\nexport const x = useSettings;\n", PATHS, /src\/i18n/);
  });

  it('no import cycle', async () => {
    const [result] = await eslint.lintFiles([root + 'test/lint/fixtures/cycle-a.ts']);
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
