// Locale files keyed by their file name: locales/en/quiz.json becomes the `quiz` namespace key.
export function byFileName(files: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), content]));
}
