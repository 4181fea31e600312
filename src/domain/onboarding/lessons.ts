// Onboarding lessons: a deck's sections, in the memo's order, cut into lessons. Pure: the same deck
// always gives the same lessons with the same ids (links a team lead sends point at those ids).
import type { Card, Deck, Localized } from '../deck/types';

/** A section with more commands/options/facts than this is split into several lessons. */
export const MAX_KEYS_PER_LESSON = 10;

/** One command, option or fact of a lesson: every card on that key (both directions of a command). */
export interface LessonItem {
  key: string;
  /** The card shown to introduce the item: command-meaning / option-meaning when there is one. */
  intro: Card;
  /** Every card of the key in the section, the intro card first. */
  cards: Card[];
}

export interface Lesson {
  /** The section id for the first (or only) part; `<section id>-<part>` for later parts. */
  id: string;
  deckId: string;
  sectionId: string;
  title: Localized;
  /** 0-based position on the path. */
  index: number;
  /** 1-based part of its section, and how many parts the section has (1 when not split). */
  part: number;
  parts: number;
  items: LessonItem[];
  /** Every card of the lesson (intro cards and their siblings), in deck order. */
  cards: Card[];
}

const INTRO_PREFERENCE: Record<Card['kind'], number> = {
  'command-meaning': 0,
  'option-meaning': 0,
  fact: 1,
  'meaning-command': 2,
  'meaning-option': 2,
};

function itemsOf(cards: readonly Card[]): LessonItem[] {
  const byKey = new Map<string, Card[]>();
  for (const card of [...cards].sort((a, b) => a.order - b.order)) {
    const group = byKey.get(card.key);
    if (group) group.push(card);
    else byKey.set(card.key, [card]);
  }
  return [...byKey.entries()].map(([key, group]) => {
    const intro = [...group].sort((a, b) => INTRO_PREFERENCE[a.kind] - INTRO_PREFERENCE[b.kind] || a.order - b.order)[0] as Card;
    return { key, intro, cards: [intro, ...group.filter((c) => c !== intro)] };
  });
}

/** `n` items in `parts` runs whose sizes differ by at most one (13 -> 7 + 6, not 10 + 3). */
function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.floor(items.length / parts) + (p < items.length % parts ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/**
 * The path of a deck: one lesson per section in memo order (sections without cards are left
 * out), a section of more than MAX_KEYS_PER_LESSON keys split into even parts. Both directions
 * of a command always stay in one lesson.
 */
export function buildLessons(deck: Deck): Lesson[] {
  const sections = [...deck.sections].sort((a, b) => a.order - b.order);
  const taken = new Set(sections.map((s) => s.id));
  const lessons: Lesson[] = [];
  for (const section of sections) {
    const items = itemsOf(deck.cards.filter((c) => c.sectionId === section.id));
    if (items.length === 0) continue;
    const parts = Math.ceil(items.length / MAX_KEYS_PER_LESSON);
    splitEvenly(items, parts).forEach((partItems, i) => {
      let id = section.id;
      if (i > 0) {
        id = `${section.id}-${i + 1}`;
        // A section really called "<id>-2" keeps its id; the part gets another suffix.
        while (taken.has(id)) id = `${id}~`;
        taken.add(id);
      }
      lessons.push({
        id,
        deckId: deck.id,
        sectionId: section.id,
        title: section.title,
        index: lessons.length,
        part: i + 1,
        parts,
        items: partItems,
        cards: partItems.flatMap((it) => it.cards).sort((a, b) => a.order - b.order),
      });
    });
  }
  return lessons;
}

export function findLesson(lessons: readonly Lesson[], lessonId: string): Lesson | undefined {
  return lessons.find((l) => l.id === lessonId);
}
