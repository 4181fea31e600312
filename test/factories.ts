// Test data: override-style factories for compiled decks and cards.
import type { Card, Deck, Section } from '../src/domain/deck/types';

export function createSection(overrides: Partial<Section> = {}): Section {
  return { id: 'sec-0', title: { en: 'Section', ja: 'セクション' }, order: 0, ...overrides };
}

export function createCard(overrides: Partial<Card> = {}): Card {
  const key = overrides.key ?? 'docker ps';
  const kind = overrides.kind ?? 'command-meaning';
  const deckId = overrides.deckId ?? 'deck';
  return {
    id: `${deckId}:${key}:${kind}`,
    deckId,
    kind,
    key,
    sectionId: 'sec-0',
    order: 0,
    front: { en: `\`${key}\``, ja: `\`${key}\`` },
    back: { en: `What ${key} does`, ja: `${key} の意味` },
    source: 'memo.md:1',
    ...overrides,
  };
}

/**
 * A deck of `commands` commands spread over `sectionCount` sections, each command with both
 * directions (command-meaning and meaning-command) as sibling cards, in memo order.
 */
export function createDeck(
  overrides: Partial<Omit<Deck, 'sections'>> & { sections?: Section[]; commands?: number; sectionCount?: number } = {},
): Deck {
  const { commands = 4, sectionCount: nSections = 2, ...rest } = overrides;
  const id = rest.id ?? 'deck';
  const sections = Array.from({ length: nSections }, (_, i) => createSection({ id: `sec-${i}`, order: i }));
  const cards: Card[] = [];
  for (let i = 0; i < commands; i++) {
    const sectionId = `sec-${Math.floor((i * nSections) / Math.max(1, commands))}`;
    for (const kind of ['command-meaning', 'meaning-command'] as const) {
      cards.push(createCard({ deckId: id, key: `cmd-${i}`, kind, sectionId, order: cards.length }));
    }
  }
  return {
    id,
    title: { en: 'Deck', ja: 'デッキ' },
    languages: ['ja', 'en'],
    sections,
    cards,
    hash: `hash-${cards.length}`,
    ...rest,
  };
}
