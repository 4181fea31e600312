// Every ja locale file that is not in the core bundle (core-ja.ts), as one lazy chunk loaded with the routes
// that need it (quiz, onboarding, stats, settings, card browser...).

/** Keyed by path; setup.ts keys them by file name (by-file-name.ts, in the entry). */
export const files = import.meta.glob<Record<string, unknown>>(
  ['../locales/ja/*.json', '!../locales/ja/common.json', '!../locales/ja/home.json'],
  { eager: true, import: 'default' },
);
