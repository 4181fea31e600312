// One line for a card in the Decks page's lists (the preview before adding, the update report):
// a command or option with what it does, a fact by its answer (the memo's line).
import { localizedText } from '../../domain/deck/localized';
import type { Card, Lang } from '../../domain/deck/types';

export function cardLabel(card: Card, lang: Lang): string {
  const front = localizedText(card.front, lang);
  const back = localizedText(card.back, lang);
  return card.kind === 'fact' ? back || front : `${card.key}: ${localizedText(card.description, lang) || back}`;
}

/** One line per command, option or fact: a command's two cards (both directions) read the same. */
export const once = (labels: readonly string[]): string[] => [...new Set(labels)];
