// Lint: TypeScript rules plus the one-way import rule of the codebase
// (domain <- db <- features <- app; dexie only in src/db; domain imports no React, Dexie or i18next).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noImport = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'coverage', 'src/generated', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Nothing outside src/db touches Dexie.
      'no-restricted-imports': noImport([
        { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'Dexie lives in src/db only: call a repository or hook from there.' },
      ]),
    },
  },
  {
    // Pure domain: no React, no Dexie, no i18next, no app layers.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain is pure: no React.' },
        { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'src/domain is pure: no Dexie.' },
        { group: ['i18next', 'react-i18next'], message: 'src/domain is pure: no i18next.' },
        { group: ['**/db/**', '**/features/**', '**/app/**', '**/components/**', '**/i18n/**'], message: 'Imports flow domain <- db <- features <- app.' },
      ]),
      'no-restricted-globals': ['error',
        { name: 'localStorage', message: 'src/domain has no I/O.' },
        { name: 'indexedDB', message: 'src/domain has no I/O.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Pass a seed: domain code is deterministic.' },
        { object: 'Date', property: 'now', message: 'Pass `now` in: domain code reads no clock.' },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['react-dom', 'react-dom/*', 'i18next', 'react-i18next'], message: 'src/db holds storage only.' },
        { group: ['**/features/**', '**/app/**', '**/components/**'], message: 'Imports flow domain <- db <- features <- app.' },
      ]),
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'Dexie lives in src/db only.' },
        { group: ['**/features/**', '**/app/**'], message: 'Shared pieces import no feature or app code.' },
      ]),
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'Dexie lives in src/db only: use its hooks and repositories.' },
        { group: ['**/app/**'], message: 'Imports flow domain <- db <- features <- app.' },
      ]),
    },
  },
);
