// The language the UI is shown in, as a deck language: the one place that works it out from
// i18next's current language (anything but Japanese shows English, the fallback language).
import { useTranslation } from 'react-i18next';
import type { Lang } from '../domain/deck/types';

export function uiLanguageOf(language: string | undefined): Lang {
  return language === 'ja' ? 'ja' : 'en';
}

/** The UI language; re-renders the caller when it changes. */
export function useUiLanguage(): Lang {
  const { i18n } = useTranslation();
  return uiLanguageOf(i18n.language);
}
