// The lead's dashboard from the members' newest summaries: per member and assignment the lessons
// passed, the mean retrievability of the assignment's cards and ready / not yet; and the team
// weak-spot map (the cards the team forgets most). Pure: `now` is an input.
import type { Card, Deck } from '../deck/types';
import type { Lesson } from '../onboarding/lessons';
import type { AssignmentDoc, RetentionCount, SummaryDoc } from './types';

/** A deck the lead knows: the current version, its path, and every version's card order by hash. */
export interface DashboardDeck {
  deck: Deck;
  lessons: readonly Lesson[];
  /** Card ids in deck order for each compiled version (the current one included), by deck hash. */
  cardOrder: ReadonlyMap<string, readonly string[]>;
}

export interface AssignmentProgress {
  assignmentId: string;
  lessonsPassed: number;
  lessonsTotal: number;
  /** Mean retrievability (0-1) of the assignment's cards; a card never reviewed counts as 0. Null when unknown (no per-card data for this deck version). */
  meanRecall: number | null;
  ready: boolean;
}

export interface MemberRow {
  member: string;
  /** The summary's study day and when it was computed. */
  day: string;
  at: number;
  lastActiveAt: number | null;
  reviews7: number;
  retention7: number | null;
  retention30: number | null;
  overdue: number;
  assignments: AssignmentProgress[];
}

/**
 * One command, option or fact the team forgets (issue 26: a command's two cards, both directions,
 * are one weak spot, not two rows of "kubectl get pods").
 */
export interface WeakSpot {
  /** The item's first card in memo order: the link, and what names the item. */
  cardId: string;
  /** Every card of the item (a command's two directions). */
  cardIds: string[];
  deckId: string;
  key: string;
  /** FILE:LINE of the memo line the item comes from. */
  source: string;
  card: Card;
  /** Members who have reviewed any card of it. */
  learners: number;
  /** Lapses over its cards and those members. */
  lapses: number;
  /** Lapses per member who reviewed it (0: nobody forgot it). */
  lapseRate: number;
  /** Mean retrievability (0-1): each member's mean over the cards they reviewed, averaged over members. */
  meanRecall: number;
}

export interface Dashboard {
  members: MemberRow[];
  weakSpots: WeakSpot[];
}

const rate = (r: RetentionCount): number | null => (r.total === 0 ? null : r.passed / r.total);

/** The newest summary of each member (by day, then by time computed). */
export function latestByMember(docs: Iterable<SummaryDoc>): SummaryDoc[] {
  const best = new Map<string, SummaryDoc>();
  for (const d of docs) {
    const have = best.get(d.member);
    if (!have || d.day > have.day || (d.day === have.day && d.at > have.at)) best.set(d.member, d);
  }
  return [...best.values()].sort((a, b) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
}

/** Card id -> [lapses, recall percent] of one member on one deck, or null when the version is unknown. */
function cardsOf(summary: SummaryDoc, deck: DashboardDeck): Map<string, [number, number]> | null {
  const s = summary.decks.find((d) => d.deckId === deck.deck.id);
  if (!s) return new Map();
  const order = deck.cardOrder.get(s.hash);
  if (!order || s.r.length !== order.length) return null;
  const out = new Map<string, [number, number]>();
  order.forEach((id, i) => out.set(id, [s.lapses[i] ?? 0, s.r[i] ?? -1]));
  return out;
}

export function assignmentProgress(summary: SummaryDoc, assignment: AssignmentDoc, deck: DashboardDeck | undefined): AssignmentProgress {
  const lessons = deck ? deck.lessons.slice(assignment.fromLesson - 1, assignment.toLesson) : [];
  const passed = new Set(summary.decks.find((d) => d.deckId === assignment.deckId)?.lessonsPassed ?? []);
  const lessonsPassed = lessons.filter((l) => passed.has(l.id)).length;
  let meanRecall: number | null = null;
  const cards = deck ? cardsOf(summary, deck) : null;
  if (cards) {
    const ids = lessons.flatMap((l) => l.cards.map((c) => c.id));
    if (ids.length > 0) meanRecall = ids.reduce((sum, id) => sum + Math.max(0, cards.get(id)?.[1] ?? 0) / 100, 0) / ids.length;
  }
  const ready = lessons.length > 0 && lessonsPassed === lessons.length && meanRecall !== null && meanRecall >= assignment.retentionTarget - 1e-9;
  return { assignmentId: assignment._id, lessonsPassed, lessonsTotal: lessons.length, meanRecall, ready };
}

export interface DashboardOptions {
  /** How many weak spots to list (the worst first). */
  weakSpots?: number;
}

export function buildDashboard(
  summaries: readonly SummaryDoc[],
  assignments: readonly AssignmentDoc[],
  decks: readonly DashboardDeck[],
  options: DashboardOptions = {},
): Dashboard {
  const deckById = new Map(decks.map((d) => [d.deck.id, d]));
  const latest = latestByMember(summaries);
  const members: MemberRow[] = latest.map((s) => ({
    member: s.member,
    day: s.day,
    at: s.at,
    lastActiveAt: s.lastActiveAt,
    reviews7: s.reviews7,
    retention7: rate(s.retention7),
    retention30: rate(s.retention30),
    overdue: s.overdue,
    assignments: assignments.map((a) => assignmentProgress(s, a, deckById.get(a.deckId))),
  }));

  // Weak spots over every known deck, one per command, option or fact (deck + key): per member, the
  // lapses and mean recall of the item's cards they reviewed; then summed over those members.
  const cardIndex = new Map<string, Card>();
  for (const d of decks) for (const c of d.deck.cards) cardIndex.set(c.id, c);
  const acc = new Map<string, { cards: Card[]; learners: number; lapses: number; recall: number }>();
  for (const s of latest) {
    const mine = new Map<string, { lapses: number; recall: number; reviewed: number }>();
    for (const d of decks) {
      const cards = cardsOf(s, d);
      if (!cards) continue;
      for (const [id, [lapses, r]] of cards) {
        const card = cardIndex.get(id);
        // A card no longer in the current memo has no line to rewrite: left out.
        if (r < 0 || !card) continue;
        const item = `${card.deckId}\u0000${card.key}`;
        const m = mine.get(item) ?? { lapses: 0, recall: 0, reviewed: 0 };
        m.lapses += lapses;
        m.recall += r / 100;
        m.reviewed += 1;
        mine.set(item, m);
      }
    }
    for (const [item, m] of mine) {
      const a = acc.get(item) ?? { cards: [], learners: 0, lapses: 0, recall: 0 };
      a.learners += 1;
      a.lapses += m.lapses;
      a.recall += m.recall / m.reviewed;
      acc.set(item, a);
    }
  }
  const itemCards = new Map<string, Card[]>();
  for (const c of cardIndex.values()) {
    const item = `${c.deckId}\u0000${c.key}`;
    if (acc.has(item)) itemCards.set(item, [...(itemCards.get(item) ?? []), c]);
  }
  const weakSpots: WeakSpot[] = [];
  for (const [item, a] of acc) {
    const cards = (itemCards.get(item) ?? []).sort((x, y) => x.order - y.order);
    const card = cards[0]!;
    weakSpots.push({
      cardId: card.id,
      cardIds: cards.map((c) => c.id),
      deckId: card.deckId,
      key: card.key,
      source: card.source,
      card,
      learners: a.learners,
      lapses: a.lapses,
      lapseRate: a.lapses / a.learners,
      meanRecall: a.recall / a.learners,
    });
  }
  // Worst first: most lapses per learner, then lowest recall, then memo order.
  weakSpots.sort((x, y) => y.lapseRate - x.lapseRate || x.meanRecall - y.meanRecall || x.card.order - y.card.order);
  return { members, weakSpots: weakSpots.slice(0, options.weakSpots ?? 20) };
}
