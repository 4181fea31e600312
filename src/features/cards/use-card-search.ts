// The card browser's search: every card of the loaded decks with its stored state, filtered by
// text (either language: front, back, key, note), section and state. Pure filtering over an
// index built once per deck set, so typing stays fast with thousands of cards.
import { useMemo } from 'react';
import { useCardStates } from '../../db';
import type { CardSchedule } from '../../domain/scheduler/types';
import type { Card, Deck, Localized } from '../../domain/deck/types';

export type StateFilter = 'all' | 'new' | 'learning' | 'review' | 'suspended' | 'leech';
export const STATE_FILTERS: readonly StateFilter[] = ['all', 'new', 'learning', 'review', 'suspended', 'leech'];

export interface CardFilters {
  query: string;
  /** sectionValue(deckId, sectionId), or '' for every section. */
  section: string;
  state: StateFilter;
}

export interface BrowserCard {
  card: Card;
  /** null: no stored state yet (a card not synced yet counts as new). */
  state: CardSchedule | null;
}

export function sectionValue(deckId: string, sectionId: string): string {
  return `${deckId}\u0000${sectionId}`;
}

/** Case-, width- and backtick-insensitive form for matching (`ｄｏｃｋｅｒ` finds `docker`). */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/`/g, '').replace(/\s+/g, ' ');
}

function localizedTexts(l: Localized | undefined): string[] {
  return l ? Object.values(l).filter((x): x is string => typeof x === 'string') : [];
}

interface Indexed {
  card: Card;
  haystack: string;
  section: string;
}

function indexCards(decks: readonly Deck[]): Indexed[] {
  const out: Indexed[] = [];
  for (const deck of decks) {
    for (const card of [...deck.cards].sort((a, b) => a.order - b.order)) {
      const parts = [card.key, ...localizedTexts(card.front), ...localizedTexts(card.back), ...localizedTexts(card.note)];
      out.push({ card, haystack: normalizeForSearch(parts.join('\n')), section: sectionValue(card.deckId, card.sectionId) });
    }
  }
  return out;
}

export function matchesState(state: CardSchedule | null, filter: StateFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'new':
      return state === null || state.state === 'new';
    case 'learning':
      return state !== null && (state.state === 'learning' || state.state === 'relearning');
    case 'review':
      return state !== null && state.state === 'review';
    case 'suspended':
      return state !== null && state.suspended;
    case 'leech':
      return state !== null && state.leech;
  }
}

/** The cards that match, in deck order; undefined while the stored states load. */
export function useCardSearch(decks: readonly Deck[], filters: CardFilters): BrowserCard[] | undefined {
  const index = useMemo(() => indexCards(decks), [decks]);
  const rows = useCardStates();
  const states = useMemo(() => (rows ? new Map(rows.map((r) => [r.cardId, r])) : undefined), [rows]);
  const { query, section, state } = filters;
  return useMemo(() => {
    if (!states) return undefined;
    const terms = normalizeForSearch(query).split(' ').filter(Boolean);
    const out: BrowserCard[] = [];
    for (const item of index) {
      if (section !== '' && item.section !== section) continue;
      if (!terms.every((term) => item.haystack.includes(term))) continue;
      const row = states.get(item.card.id) ?? null;
      if (!matchesState(row, state)) continue;
      out.push({ card: item.card, state: row });
    }
    return out;
  }, [index, states, query, section, state]);
}
