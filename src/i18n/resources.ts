// Every locale file, one per feature, assembled into i18next resources.
// English is the base: its shape types every key (see i18n.d.ts), and a test checks that
// Japanese has the same keys (allowing for plural suffixes).
import enCommon from './locales/en/common.json';
import jaCommon from './locales/ja/common.json';
import enOnboarding from './locales/en/onboarding.json';
import jaOnboarding from './locales/ja/onboarding.json';
import enPwa from './locales/en/pwa.json';
import jaPwa from './locales/ja/pwa.json';
import enCards from './locales/en/cards.json';
import jaCards from './locales/ja/cards.json';
import enReview from './locales/en/review.json';
import jaReview from './locales/ja/review.json';
import enHome from './locales/en/home.json';
import jaHome from './locales/ja/home.json';
import enSettings from './locales/en/settings.json';
import jaSettings from './locales/ja/settings.json';
import enBrowser from './locales/en/browser.json';
import jaBrowser from './locales/ja/browser.json';
import enQuiz from './locales/en/quiz.json';
import jaQuiz from './locales/ja/quiz.json';
import enStats from './locales/en/stats.json';
import jaStats from './locales/ja/stats.json';
import enBackup from './locales/en/backup.json';
import jaBackup from './locales/ja/backup.json';
import enDecks from './locales/en/decks.json';
import jaDecks from './locales/ja/decks.json';
import enOptimizer from './locales/en/optimizer.json';
import jaOptimizer from './locales/ja/optimizer.json';
import enSync from './locales/en/sync.json';
import jaSync from './locales/ja/sync.json';
import enTeam from './locales/en/team.json';
import jaTeam from './locales/ja/team.json';

export const resources = {
  en: {
    translation: {
      stats: enStats,
      backup: enBackup,
      decks: enDecks,
      settings: enSettings,
      browser: enBrowser,
      common: enCommon,
      onboarding: enOnboarding,
      review: enReview,
      home: enHome,
      pwa: enPwa,
      cards: enCards,
      quiz: enQuiz,
      optimizer: enOptimizer,
      sync: enSync,
      team: enTeam,
    },
  },
  ja: {
    translation: {
      stats: jaStats,
      backup: jaBackup,
      decks: jaDecks,
      settings: jaSettings,
      browser: jaBrowser,
      common: jaCommon,
      onboarding: jaOnboarding,
      review: jaReview,
      home: jaHome,
      pwa: jaPwa,
      cards: jaCards,
      quiz: jaQuiz,
      optimizer: jaOptimizer,
      sync: jaSync,
      team: jaTeam,
    },
  },
} as const;

export type BaseResources = (typeof resources)['en'];
