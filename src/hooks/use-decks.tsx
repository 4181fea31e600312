// The compiled decks, loaded once (a lazily imported chunk, precached for offline use) and
// shared through context. Tests pass their own decks to <DecksProvider decks={...}>.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Card, Deck } from '../domain/deck/types';

export interface DecksState {
  decks: Deck[];
  cardById: ReadonlyMap<string, Card>;
  /** False while the decks load and sync at start-up (only the home screen renders then). */
  ready: boolean;
}

const DecksContext = createContext<DecksState | null>(null);

export async function loadBuiltInDecks(): Promise<Deck[]> {
  const module = await import('virtual:kujira-decks');
  return module.decks;
}

function indexDecks(decks: Deck[], ready = true): DecksState {
  const cardById = new Map<string, Card>();
  for (const deck of decks) for (const card of deck.cards) cardById.set(card.id, card);
  return { decks, cardById, ready };
}

export function DecksProvider({ decks, ready = true, children }: { decks: Deck[]; ready?: boolean; children: ReactNode }) {
  const value = useMemo(() => indexDecks(decks, ready), [decks, ready]);
  return <DecksContext.Provider value={value}>{children}</DecksContext.Provider>;
}

export function useDecks(): DecksState {
  const value = useContext(DecksContext);
  if (!value) throw new Error('useDecks() needs a <DecksProvider> above it');
  return value;
}
