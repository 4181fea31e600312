// The compiled decks, loaded once (a lazily imported chunk, precached for offline use) and
// shared through context. Tests pass their own decks to <DecksProvider decks={...}>.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Card, Deck } from '../domain/deck/types';

export interface DecksState {
  decks: Deck[];
  cardById: ReadonlyMap<string, Card>;
}

const DecksContext = createContext<DecksState | null>(null);

export async function loadBuiltInDecks(): Promise<Deck[]> {
  const module = await import('virtual:kujira-decks');
  return module.decks;
}

export function indexDecks(decks: Deck[]): DecksState {
  const cardById = new Map<string, Card>();
  for (const deck of decks) for (const card of deck.cards) cardById.set(card.id, card);
  return { decks, cardById };
}

export function DecksProvider({ decks, children }: { decks: Deck[]; children: ReactNode }) {
  const value = useMemo(() => indexDecks(decks), [decks]);
  return <DecksContext.Provider value={value}>{children}</DecksContext.Provider>;
}

export function useDecks(): DecksState {
  const value = useContext(DecksContext);
  if (!value) throw new Error('useDecks() needs a <DecksProvider> above it');
  return value;
}

/** Loads the built-in decks; `null` while loading. */
export function useBuiltInDecks(): { decks: Deck[] | null; error: unknown } {
  const [state, setState] = useState<{ decks: Deck[] | null; error: unknown }>({ decks: null, error: null });
  useEffect(() => {
    let live = true;
    loadBuiltInDecks().then(
      (decks) => live && setState({ decks, error: null }),
      (error: unknown) => live && setState({ decks: null, error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
