// Types of the virtual module served by scripts/vite-plugin-decks.ts: every compiled deck.
declare module 'virtual:kujira-decks' {
  export const decks: import('./domain/deck/types').Deck[];
}
