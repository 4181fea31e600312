// Every ja locale file that is not in the core bundle, as one lazy chunk loaded with the routes
// that need it (quiz, onboarding, stats, settings, card browser...).
import { byFileName } from './by-file-name';

const files = import.meta.glob<Record<string, unknown>>(
  ['../locales/ja/*.json', '!../locales/ja/common.json', '!../locales/ja/home.json'],
  { eager: true, import: 'default' },
);

export const translation = byFileName(files);
