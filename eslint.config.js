// Lint: TypeScript rules plus the layer rules of the codebase (docs/architecture.md).
// Imports flow one way: domain <- db <- (components, hooks) <- features <- app, with platform and
// i18n beside them; no feature imports another; no import cycle; Dexie only in src/db; src/db is
// reached only through its face, src/db/index.ts; domain code reads
// no clock, no randomness, no device; features and shared UI read the time only through
// src/hooks/clock.tsx and ask the browser only through src/platform, the one place that reads
// `navigator` (bare or through globalThis, window, self). test/lint/layers.test.ts plants a
// violation of each rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const noImport = (patterns) => ['error', { patterns }];
const DEXIE = { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'Dexie lives in src/db only: call a repository or hook from there.' };

/** Every folder of src/features is a feature: one created today is under the rules today. */
export const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const ONE_WAY = 'Imports flow domain <- db <- components/hooks <- features <- app (docs/architecture.md).';

/**
 * `navigator` reached through the global object (`globalThis.navigator`, `window.navigator`,
 * `self.navigator`, or destructured from one): no-restricted-globals sees only the bare name.
 */
const navigatorThroughGlobal = (message) => ['globalThis', 'window', 'self'].map((object) => ({ object, property: 'navigator', message }));
const ASK_PLATFORM = 'Ask the browser through src/platform (device.ts, browser.ts).';

/** Layer zones for import-x/no-restricted-paths: `target` may not import `from`. */
const zones = [
  // Domain: pure, imports only the domain.
  ...['src/db', 'src/platform', 'src/sync', 'src/components', 'src/hooks', 'src/features', 'src/app', 'src/i18n'].map((from) => ({
    target: 'src/domain',
    from,
    message: 'src/domain is pure: it imports only src/domain.',
  })),
  // Platform (device reads): a leaf, imports nothing of the app.
  ...['src/db', 'src/components', 'src/hooks', 'src/features', 'src/app', 'src/i18n'].map((from) => ({
    target: 'src/platform',
    from,
    message: 'src/platform reads the device and imports nothing of the app.',
  })),
  // Storage: domain only (device reads are injected, not imported).
  ...['src/platform', 'src/sync', 'src/components', 'src/hooks', 'src/features', 'src/app', 'src/i18n'].map((from) => ({
    target: 'src/db',
    from,
    message: `src/db holds storage only: device reads are injected at start-up, and it implements the sync engine's ports without importing it. ${ONE_WAY}`,
  })),
  // Sync engine: plain TypeScript over an injected fetch, clock and event store (src/db implements it).
  ...['src/db', 'src/platform', 'src/components', 'src/hooks', 'src/features', 'src/app', 'src/i18n'].map((from) => ({
    target: 'src/sync',
    from,
    message: 'src/sync imports only src/domain: storage comes in through its LocalEventStore interface.',
  })),
  // i18n: strings and language choice, beside the domain.
  ...['src/db', 'src/platform', 'src/sync', 'src/components', 'src/hooks', 'src/features', 'src/app'].map((from) => ({
    target: 'src/i18n',
    from,
    message: 'src/i18n imports only the domain.',
  })),
  // Shared UI pieces: no storage engine of their own, and no sync engine (features wire it).
  {
    target: 'src/components',
    from: 'src/sync',
    message: `Shared UI does not import the sync engine: a feature passes what it needs. ${ONE_WAY}`,
  },
  // Shared UI pieces and hooks: no feature or app code.
  ...['src/components', 'src/hooks'].flatMap((target) =>
    ['src/features', 'src/app'].map((from) => ({ target, from, message: `Shared code imports no feature or app code. ${ONE_WAY}` })),
  ),
  // Features: not the app, and not each other (shared code goes to components/, hooks/ or domain/).
  ...FEATURES.map((name) => ({ target: `src/features/${name}`, from: 'src/app', message: ONE_WAY })),
  ...FEATURES.map((name) => ({
    target: `src/features/${name}`,
    from: 'src/features',
    except: [`./${name}`],
    message: 'A feature imports no other feature: move what they share to components/, hooks/ or domain/.',
  })),
  // The face of src/db: from outside, only src/db/index.ts (repositories and hooks in domain types);
  // rows, mappers, the connection and every other file of the layer are its own.
  ...['src/features', 'src/components', 'src/hooks', 'src/app'].map((target) => ({
    target,
    from: 'src/db',
    except: ['./index.ts'],
    message: "Import src/db through its face, src/db/index.ts ('../../db'): its repositories and hooks. Rows, mappers and the connection are private to src/db.",
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'coverage', 'src/generated', 'dev-dist', 'test/lint/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // test/lint/fixtures holds planted violations (ignored by `eslint .`; test/lint lints them).
    files: ['src/**/*.{ts,tsx}', 'test/lint/fixtures/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // import-x parses only these as modules (no-cycle follows them); the resolver reads tsconfig.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': noImport([DEXIE]),
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Pure domain: no React, Dexie or i18next; no clock, randomness, device or I/O.
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain is pure: no React.' },
        { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'src/domain is pure: no Dexie.' },
        { group: ['i18next', 'react-i18next'], message: 'src/domain is pure: no i18next.' },
      ]),
      'no-restricted-globals': ['error',
        { name: 'localStorage', message: 'src/domain has no I/O.' },
        { name: 'indexedDB', message: 'src/domain has no I/O.' },
        { name: 'navigator', message: 'src/domain reads no device: take the value as an input.' },
        { name: 'crypto', message: 'Pass ids and seeds in: domain code is deterministic.' },
        { name: 'performance', message: 'Pass `now` in: domain code reads no clock.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Pass a seed: domain code is deterministic.' },
        { object: 'Date', property: 'now', message: 'Pass `now` in: domain code reads no clock.' },
        { object: 'performance', property: 'now', message: 'Pass `now` in: domain code reads no clock.' },
        { object: 'globalThis', property: 'crypto', message: 'Pass ids and seeds in: domain code is deterministic.' },
        { object: 'window', property: 'crypto', message: 'Pass ids and seeds in: domain code is deterministic.' },
        ...navigatorThroughGlobal('src/domain reads no device: take the value as an input.'),
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in: `new Date()` reads the clock.' },
        { selector: "CallExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in: `Date()` reads the clock.' },
        { selector: "CallExpression[callee.property.name='resolvedOptions']", message: 'The device zone and language come from src/platform, as inputs.' },
      ],
    },
  },
  {
    // Screens and the app shell take the time from one place (src/hooks/clock.tsx), so component
    // tests can fix it.
    // performance.now() stays allowed: it times an answer, it is not the date of anything.
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Take the time from useClock() or useNow() (src/hooks/clock.tsx).' },
        ...navigatorThroughGlobal(ASK_PLATFORM),
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the time from useClock() or useNow() (src/hooks/clock.tsx).' },
        { selector: "CallExpression[callee.name='Date'][arguments.length=0]", message: 'Take the time from useClock() or useNow() (src/hooks/clock.tsx).' },
      ],
    },
  },
  {
    // src/platform is the one place that asks the browser (device.ts at start-up, browser.ts after).
    // The global object's forms are in the clock block above for features, components and the app
    // (one no-restricted-properties list per file: a later block would replace it), here for hooks.
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'navigator', message: ASK_PLATFORM }],
    },
  },
  {
    files: ['src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', ...navigatorThroughGlobal(ASK_PLATFORM)],
    },
  },
  {
    // The sync engine and the strings read no device either: the feature that starts them passes it in.
    files: ['src/sync/**/*.ts', 'src/i18n/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'navigator', message: 'src/sync and src/i18n read no device: src/platform does, and the caller passes the value in.' }],
      'no-restricted-properties': ['error', ...navigatorThroughGlobal('src/sync and src/i18n read no device: src/platform does, and the caller passes the value in.')],
    },
  },
  {
    // The sync engine: no UI, no Dexie (the settings feature shows its status; src/db implements its store).
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'i18next', 'react-i18next'], message: 'src/sync is UI-free: the settings feature shows its status.' },
        DEXIE,
      ]),
    },
  },
  {
    // Storage: no UI, no clock and no device reads (the caller passes `now`; start-up injects the zone).
    files: ['src/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['react-dom', 'react-dom/*', 'i18next', 'react-i18next'], message: 'src/db holds storage only.' },
      ]),
      'no-restricted-globals': ['error', { name: 'navigator', message: 'Device reads are injected into src/db (src/platform).' }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Take `now` from the caller: src/db reads no clock.' },
        ...navigatorThroughGlobal('Device reads are injected into src/db (src/platform).'),
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take `now` from the caller: src/db reads no clock.' },
        { selector: "CallExpression[callee.property.name='resolvedOptions']", message: 'Device reads are injected into src/db (src/platform).' },
      ],
    },
  },
);
