// The strings the first screen needs (the shell and Home) in Japanese, loaded by start-up for the UI
// language only (src/i18n/setup.ts, loadCoreStrings) and by a switch to this language. Every other
// locale file loads lazily with its route (features-ja.ts, whose glob excludes these two files;
// test/i18n/bundles.test.ts checks that the sets split the files).

/** Keyed by path; setup.ts keys them by file name (by-file-name.ts, in the entry). */
export const files = import.meta.glob<Record<string, unknown>>(['../locales/ja/common.json', '../locales/ja/home.json'], {
  eager: true,
  import: 'default',
});
