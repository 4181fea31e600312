// Every en locale file that is not in the core bundle (core-en.ts), as one lazy chunk loaded with the routes
// that need it (quiz, onboarding, stats, settings, card browser...).

/** Keyed by path; setup.ts keys them by file name (by-file-name.ts, in the entry). */
export const files = import.meta.glob<Record<string, unknown>>(
  ['../locales/en/*.json', '!../locales/en/common.json', '!../locales/en/home.json'],
  { eager: true, import: 'default' },
);
