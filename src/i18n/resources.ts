// Every locale file, one per feature, assembled into i18next resources.
// English is the base: its shape types every key (see i18n.d.ts), and a test checks that
// Japanese has the same keys (allowing for plural suffixes).
import enCommon from './locales/en/common.json';
import jaCommon from './locales/ja/common.json';
import enPwa from './locales/en/pwa.json';
import jaPwa from './locales/ja/pwa.json';
import enCards from './locales/en/cards.json';
import jaCards from './locales/ja/cards.json';

export const resources = {
  en: {
    translation: {
      common: enCommon,
      pwa: enPwa,
      cards: enCards,
    },
  },
  ja: {
    translation: {
      common: jaCommon,
      pwa: jaPwa,
      cards: jaCards,
    },
  },
} as const;

export type BaseResources = (typeof resources)['en'];
