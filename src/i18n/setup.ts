// i18next set-up. The first visit follows the browser language (ja -> Japanese, anything else ->
// English); a saved choice wins after that. Strings load per language: the first screen's (the
// shell and Home) at start-up, before the first render, for the UI language only; the other
// screens' lazily with their routes (loadFeatureStrings); a switch loads both sets of the new
// language first. Every chunk is precached by the service worker, so a switch works offline.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../domain/deck/types';
import { byFileName } from './bundles/by-file-name';

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

/** A bundle's locale files, keyed by path (src/i18n/bundles). */
type Bundle = { files: Record<string, Record<string, unknown>> };

/** One load per language and set; a failed load is forgotten, so the next call tries again. */
function loader(load: (lang: Lang) => Promise<Bundle>): (lang: Lang) => Promise<void> {
  const loads = new Map<Lang, Promise<void>>();
  return (lang) => {
    if (preloaded) return Promise.resolve();
    let done = loads.get(lang);
    if (!done) {
      done = load(lang).then(
        (bundle) => void i18next.addResourceBundle(lang, 'translation', byFileName(bundle.files), true, false),
        (error: unknown) => {
          loads.delete(lang);
          throw error;
        },
      );
      loads.set(lang, done);
    }
    return done;
  };
}

/** Loads the first screen's strings (the shell and Home) for `lang` (once). Call after initI18n. */
export const loadCoreStrings = loader((lang) => (lang === 'ja' ? import('./bundles/core-ja') : import('./bundles/core-en')));

const loadFeatures = loader((lang) => (lang === 'ja' ? import('./bundles/features-ja') : import('./bundles/features-en')));

/** Loads the strings of every screen beyond the first, for `lang` (once). */
export function loadFeatureStrings(lang: Lang = currentLang()): Promise<void> {
  return loadFeatures(lang);
}

function currentLang(): Lang {
  return i18next.language === 'ja' ? 'ja' : 'en';
}

export function initI18n(lang: Lang) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      // Tests register every string up front; the app adds each language's sets as they load.
      resources: preloaded ?? {},
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

/** Switches the UI language at once (loading that language's strings first). */
export async function setUiLanguage(lang: Lang): Promise<void> {
  await Promise.all([loadCoreStrings(lang), loadFeatureStrings(lang)]);
  await i18next.changeLanguage(lang);
  applyDocumentLang(lang);
}

function applyDocumentLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
