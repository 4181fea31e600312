// i18next set-up. The first visit follows the browser language (ja -> Japanese, anything else ->
// English); a saved choice wins after that. Only the UI language's strings are loaded (a lazy
// chunk per language, so the first-visit bundle carries no strings); switching loads the other.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../domain/deck/types';

export const SUPPORTED_LANGS: readonly Lang[] = ['ja', 'en'];

/** The UI language for a browser language list: Japanese for ja*, English otherwise. */
export function languageFromBrowser(languages: readonly string[]): Lang {
  const first = languages[0]?.toLowerCase() ?? 'en';
  return first === 'ja' || first.startsWith('ja-') ? 'ja' : 'en';
}

let preloaded: Resource | null = null;

/** Tests register every locale up front (test/setup.ts), so initI18n is synchronous there. */
export function preloadResources(resources: Resource): void {
  preloaded = resources;
}

async function loadBundle(lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const bundle = lang === 'ja' ? await import('./bundles/ja') : await import('./bundles/en');
  i18next.addResourceBundle(lang, 'translation', bundle.translation, true, true);
}

export function initI18n(lang: Lang) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      ...(preloaded ? { resources: preloaded } : {}),
      lng: lang,
      fallbackLng: false,
      supportedLngs: SUPPORTED_LANGS as Lang[],
      interpolation: { escapeValue: false },
      initAsync: false,
      react: { bindI18nStore: 'added' },
    });
  } else if (i18next.language !== lang) {
    void i18next.changeLanguage(lang);
  }
  applyDocumentLang(lang);
  return i18next;
}

/** Loads the language's strings (if not loaded yet), then switches the UI to it. */
export async function setUiLanguage(lang: Lang): Promise<void> {
  await loadBundle(lang);
  await i18next.changeLanguage(lang);
  applyDocumentLang(lang);
}

function applyDocumentLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
