// Small formatting helpers of the team page: a time and a day in the UI language, a deck's title.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../domain/deck/types';
import { useDecks } from '../../hooks/use-decks';
import { localizedText } from '../../domain/deck/localized';
import { publishedDeckId } from '../../domain/team/documents';
import { dayKeyToUtcMs } from '../../domain/scheduler/day';

export function useFormatTime(): (ms: number) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  // One formatter per language, not one per call: a dashboard formats a time per member.
  const format = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }), [lang]);
  return useCallback((ms: number) => format.format(ms), [format]);
}

/** A calendar day (`2026-12-14`) in the same words as the times beside it (`Dec 14, 2026`). */
export function useFormatDay(): (day: string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const format = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }), [lang]);
  return useCallback((day: string) => format.format(dayKeyToUtcMs(day)), [format]);
}

export function useDeckTitle(deckId: string): string {
  const { i18n } = useTranslation();
  const { decks } = useDecks();
  const deck = decks.find((d) => d.id === deckId);
  // A deck not on this device yet is named as the team published it (`docker`, not `team:...:docker`).
  if (!deck) return publishedDeckId(deckId);
  return localizedText(deck.title, i18n.language as Lang) || publishedDeckId(deckId);
}

/** "87 %", the number and its sign held together (a no-break space: "87" above "%" on a phone). */
export const percent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}\u00a0%`);
