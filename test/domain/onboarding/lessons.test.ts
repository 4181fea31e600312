// Lesson building: the Docker deck's sections become lessons in memo order, both directions of a
// command stay together, and a large section is split evenly.
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import type { Deck } from '../../../src/domain/deck/types';
import { buildLessons, findLesson, MAX_KEYS_PER_LESSON } from '../../../src/domain/onboarding/lessons';
import { readDeckFolder } from '../../../scripts/read-decks';
import { createDeck, createSection } from '../../factories';

const docker = compileDeck(readDeckFolder('decks/docker')).deck as Deck;

describe('buildLessons on the Docker deck', () => {
  const lessons = buildLessons(docker);

  it('gives one lesson per section, in the memo order', () => {
    expect(lessons.map((l) => l.id)).toEqual(
      ['uses', 'advantages', 'memo', 'system', 'containers', 'images', 'volumes', 'networks', 'options']);
    expect(lessons.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(lessons.every((l) => l.parts === 1 && l.part === 1)).toBe(true);
  });

  it('puts every card of the deck in exactly one lesson', () => {
    const ids = lessons.flatMap((l) => l.cards.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(docker.cards.map((c) => c.id).sort());
  });

  it('introduces each command once, by its command-meaning card, with its sibling in the lesson', () => {
    const system = findLesson(lessons, 'system');
    expect(system?.items).toHaveLength(7);
    for (const item of system?.items ?? []) {
      expect(item.intro.kind).toBe('command-meaning');
      expect(item.cards.map((c) => c.kind)).toEqual(['command-meaning', 'meaning-command']);
      expect(new Set(item.cards.map((c) => c.key))).toEqual(new Set([item.key]));
    }
    expect(system?.cards).toHaveLength(14);
    const options = findLesson(lessons, 'options');
    expect(options?.items.map((i) => i.intro.kind)).toEqual(['option-meaning', 'option-meaning']);
  });

  it('introduces fact cards one by one', () => {
    const uses = findLesson(lessons, 'uses');
    expect(uses?.items.map((i) => i.intro.kind)).toEqual(['fact', 'fact', 'fact', 'fact']);
    expect(uses?.title).toEqual({ ja: '用途', en: 'Uses' });
  });
});

describe('buildLessons splitting', () => {
  it('splits a section of more than MAX_KEYS_PER_LESSON keys into even parts, siblings together', () => {
    const deck = createDeck({ commands: 13, sectionCount: 1 });
    const lessons = buildLessons(deck);
    expect(MAX_KEYS_PER_LESSON).toBe(10);
    expect(lessons.map((l) => [l.id, l.part, l.parts, l.items.length])).toEqual([
      ['sec-0', 1, 2, 7],
      ['sec-0-2', 2, 2, 6],
    ]);
    for (const l of lessons) expect(l.cards).toHaveLength(l.items.length * 2);
  });

  it('follows section order, not array order, and leaves empty sections out', () => {
    const deck = createDeck({ commands: 4, sectionCount: 2 });
    deck.sections = [createSection({ id: 'sec-1', order: 1 }), createSection({ id: 'empty', order: 5 }), createSection({ id: 'sec-0', order: 0 })];
    expect(buildLessons(deck).map((l) => l.id)).toEqual(['sec-0', 'sec-1']);
  });

  it('keeps a real section id that looks like a part id', () => {
    const deck = createDeck({ commands: 24, sectionCount: 2 });
    deck.sections = [createSection({ id: 'sec-0', order: 0 }), createSection({ id: 'sec-0-2', order: 1 })];
    deck.cards = deck.cards.map((c) => (c.sectionId === 'sec-1' ? { ...c, sectionId: 'sec-0-2' } : c));
    const ids = buildLessons(deck).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('sec-0-2');
  });
});
