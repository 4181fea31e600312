// The strings the first screen needs (the shell and home), in both languages, bundled with the
// entry so the first paint waits for no extra request. Every other screen is a lazy route that
// loads its strings with its code (review and the card view included: they are never the first
// paint, and their strings cost the first visit more than a kilobyte).
// Every other locale file loads lazily with its route (features-en.ts / features-ja.ts, whose
// globs exclude these files; test/i18n/bundles.test.ts checks the two sets split the files).
import type { Resource } from 'i18next';
import { byFileName } from './by-file-name';

const en = import.meta.glob<Record<string, unknown>>(
  ['../locales/en/common.json', '../locales/en/home.json'],
  { eager: true, import: 'default' },
);
const ja = import.meta.glob<Record<string, unknown>>(
  ['../locales/ja/common.json', '../locales/ja/home.json'],
  { eager: true, import: 'default' },
);

export const coreResources: Resource = {
  en: { translation: byFileName(en) },
  ja: { translation: byFileName(ja) },
};
