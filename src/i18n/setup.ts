// i18next set-up: both locales are bundled (they are small), the first visit follows the
// browser language (ja -> Japanese, anything else -> English), a saved choice wins after that.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../domain/deck/types';
import { resources } from './resources';

export const SUPPORTED_LANGS: readonly Lang[] = ['ja', 'en'];

/** The UI language for a browser language list: Japanese for ja*, English otherwise. */
export function languageFromBrowser(languages: readonly string[]): Lang {
  const first = languages[0]?.toLowerCase() ?? 'en';
  return first === 'ja' || first.startsWith('ja-') ? 'ja' : 'en';
}

export function initI18n(lang: Lang) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: lang,
      fallbackLng: 'en',
      supportedLngs: SUPPORTED_LANGS as Lang[],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  } else if (i18next.language !== lang) {
    void i18next.changeLanguage(lang);
  }
  applyDocumentLang(lang);
  return i18next;
}

export function setUiLanguage(lang: Lang) {
  void i18next.changeLanguage(lang);
  applyDocumentLang(lang);
}

function applyDocumentLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
