// i18next set-up. The first visit follows the browser language (ja -> Japanese, anything else ->
// English); a saved choice wins after that. The first screen's strings come with the entry (both
// languages, small); the other screens' strings load lazily with their routes, for the UI
// language only (loadFeatureStrings), and switching language loads the other language's set.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../domain/deck/types';
import { coreResources } from './bundles/core';

export const SUPPORTED_LANGS: readonly Lang[] = ['ja', 'en'];

/** The UI language for a browser language list: Japanese for ja*, English otherwise. */
export function languageFromBrowser(languages: readonly string[]): Lang {
  const first = languages[0]?.toLowerCase() ?? 'en';
  return first === 'ja' || first.startsWith('ja-') ? 'ja' : 'en';
}

let preloaded: Resource | null = null;

/** Tests register every locale up front (test/setup.ts), so everything is synchronous there. */
export function preloadResources(resources: Resource): void {
  preloaded = resources;
}

const featureLoads = new Map<Lang, Promise<void>>();

/** Loads the strings of every screen beyond the first, for `lang` (once). */
export function loadFeatureStrings(lang: Lang = currentLang()): Promise<void> {
  if (preloaded) return Promise.resolve();
  let load = featureLoads.get(lang);
  if (!load) {
    load = (lang === 'ja' ? import('./bundles/features-ja') : import('./bundles/features-en')).then((bundle) => {
      i18next.addResourceBundle(lang, 'translation', bundle.translation, true, false);
    });
    featureLoads.set(lang, load);
  }
  return load;
}

function currentLang(): Lang {
  return i18next.language === 'ja' ? 'ja' : 'en';
}

export function initI18n(lang: Lang) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: preloaded ?? coreResources,
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

/** Switches the UI language at once (loading that language's screen strings first). */
export async function setUiLanguage(lang: Lang): Promise<void> {
  await loadFeatureStrings(lang);
  await i18next.changeLanguage(lang);
  applyDocumentLang(lang);
}

function applyDocumentLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
