// Every en locale file, merged into one lazily loaded chunk (the file name is the top-level key).
// The app loads only the UI language's bundle; see ../setup.ts.
const files = import.meta.glob<Record<string, unknown>>('../locales/en/*.json', { eager: true, import: 'default' });

export const translation: Record<string, unknown> = Object.fromEntries(
  Object.entries(files).map(([path, content]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), content]),
);
