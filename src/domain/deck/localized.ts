// Localized text with a fallback: the text in the asked language, else in the deck's other
// language. An empty string counts as missing (a deck or sidecar may leave one side blank).
import type { Lang, Localized } from './types';

const OTHER: Record<Lang, Lang> = { ja: 'en', en: 'ja' };

/** The text in `lang`, else in the other language, with the language it is in; null if neither. */
export function pickLocalized(text: Localized | undefined, lang: Lang): { text: string; lang: Lang } | null {
  if (!text) return null;
  const own = text[lang];
  if (own) return { text: own, lang };
  const other = text[OTHER[lang]];
  return other ? { text: other, lang: OTHER[lang] } : null;
}

/** The text in `lang`, else in the other language; '' if neither. */
export function localizedText(text: Localized | undefined, lang: Lang): string {
  return pickLocalized(text, lang)?.text ?? '';
}
