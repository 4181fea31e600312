// The strings the first screen needs (shell, home, review, card view, update notice), in both
// languages, bundled with the entry so the first paint waits for no extra request.
// Every other locale file loads lazily with its route (features-en.ts / features-ja.ts, whose
// globs exclude these files; test/i18n/bundles.test.ts checks the two sets split the files).
import type { Resource } from 'i18next';
import { byFileName } from './by-file-name';

const en = import.meta.glob<Record<string, unknown>>(
  ['../locales/en/common.json', '../locales/en/home.json', '../locales/en/review.json', '../locales/en/cards.json', '../locales/en/pwa.json'],
  { eager: true, import: 'default' },
);
const ja = import.meta.glob<Record<string, unknown>>(
  ['../locales/ja/common.json', '../locales/ja/home.json', '../locales/ja/review.json', '../locales/ja/cards.json', '../locales/ja/pwa.json'],
  { eager: true, import: 'default' },
);

export const coreResources: Resource = {
  en: { translation: byFileName(en) },
  ja: { translation: byFileName(ja) },
};
