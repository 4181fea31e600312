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

/** Card id -> position in one version's card order, built once per order (a dashboard reads it per member). */
const positionsCache = new WeakMap<readonly string[], ReadonlyMap<string, number>>();
function positionsOf(order: readonly string[]): ReadonlyMap<string, number> {
  let p = positionsCache.get(order);
  if (!p) {
    p = new Map(order.map((id, i) => [id, i]));
    positionsCache.set(order, p);
  }
  return p;
}

/**
 * One member's per-card arrays on one deck, with the order they follow; null when the summary is
 * on a version this device does not know (recall unknown), `empty` when it has no such deck.
 */
function deckArrays(summary: SummaryDoc, deck: DashboardDeck): { order: readonly string[]; r: readonly number[]; lapses: readonly number[] } | 'empty' | null {
  const s = summary.decks.find((d) => d.deckId === deck.deck.id);
  if (!s) return 'empty';
  const order = deck.cardOrder.get(s.hash);
  if (!order || s.r.length !== order.length) return null;
  return { order, r: s.r, lapses: s.lapses };
}

/** The assignment's card ids: its lessons' cards, in lesson order. */
const assignmentCards = (assignment: AssignmentDoc, deck: DashboardDeck | undefined): { lessons: readonly Lesson[]; ids: string[] } => {
  const lessons = deck ? deck.lessons.slice(assignment.fromLesson - 1, assignment.toLesson) : [];
  return { lessons, ids: lessons.flatMap((l) => l.cards.map((c) => c.id)) };
};

function progress(summary: SummaryDoc, assignment: AssignmentDoc, deck: DashboardDeck | undefined, { lessons, ids }: { lessons: readonly Lesson[]; ids: readonly string[] }): AssignmentProgress {
  const passed = new Set(summary.decks.find((d) => d.deckId === assignment.deckId)?.lessonsPassed ?? []);
  const lessonsPassed = lessons.filter((l) => passed.has(l.id)).length;
  let meanRecall: number | null = null;
  const arrays = deck ? deckArrays(summary, deck) : null;
  if (arrays && ids.length > 0) {
    // A card not in the summary's version, or never reviewed (-1), counts as 0.
    let sum = 0;
    if (arrays !== 'empty') {
      const at = positionsOf(arrays.order);
      for (const id of ids) {
        const i = at.get(id);
        if (i !== undefined) sum += Math.max(0, arrays.r[i] ?? 0) / 100;
      }
    }
    meanRecall = sum / ids.length;
  }
  const ready = lessons.length > 0 && lessonsPassed === lessons.length && meanRecall !== null && meanRecall >= assignment.retentionTarget - 1e-9;
  return { assignmentId: assignment._id, lessonsPassed, lessonsTotal: lessons.length, meanRecall, ready };
}

export function assignmentProgress(summary: SummaryDoc, assignment: AssignmentDoc, deck: DashboardDeck | undefined): AssignmentProgress {
  return progress(summary, assignment, deck, assignmentCards(assignment, deck));
}

export interface DashboardOptions {
  /** How many weak spots to list (the worst first). */
  weakSpots?: number;
}

/**
 * Aggregated by position, not by card id: each version's order is mapped once to item numbers,
 * and each member's arrays are read by index into reused accumulators (500 members x 2,000
 * cards was a million map entries and item-key strings per aggregation).
 */
export function buildDashboard(
  summaries: readonly SummaryDoc[],
  assignments: readonly AssignmentDoc[],
  decks: readonly DashboardDeck[],
  options: DashboardOptions = {},
): Dashboard {
  const deckById = new Map(decks.map((d) => [d.deck.id, d]));
  const latest = latestByMember(summaries);
  const wanted = assignments.map((a) => assignmentCards(a, deckById.get(a.deckId)));
  const members: MemberRow[] = latest.map((s) => ({
    member: s.member,
    day: s.day,
    at: s.at,
    lastActiveAt: s.lastActiveAt,
    reviews7: s.reviews7,
    retention7: rate(s.retention7),
    retention30: rate(s.retention30),
    overdue: s.overdue,
    assignments: assignments.map((a, i) => progress(s, a, deckById.get(a.deckId), wanted[i]!)),
  }));

  // Weak spots over every known deck, one per command, option or fact (deck + key): per member, the
  // lapses and mean recall of the item's cards they reviewed; then summed over those members.
  const cardIndex = new Map<string, Card>();
  for (const d of decks) for (const c of d.deck.cards) cardIndex.set(c.id, c);
  const itemNumber = new Map<string, number>();
  const itemCards: Card[][] = [];
  for (const c of cardIndex.values()) {
    const key = `${c.deckId}\u0000${c.key}`;
    let n = itemNumber.get(key);
    if (n === undefined) {
      n = itemCards.length;
      itemNumber.set(key, n);
      itemCards.push([]);
    }
    itemCards[n]!.push(c);
  }
  // Per version order, each position's item (-1: a card no longer in the current memo, left out).
  const itemsAt = new Map<readonly string[], Int32Array>();
  const itemsOf = (order: readonly string[]): Int32Array => {
    let at = itemsAt.get(order);
    if (!at) {
      at = new Int32Array(order.length);
      order.forEach((id, i) => {
        const card = cardIndex.get(id);
        at![i] = card ? itemNumber.get(`${card.deckId}\u0000${card.key}`)! : -1;
      });
      itemsAt.set(order, at);
    }
    return at;
  };
  const n = itemCards.length;
  // One member's sums (reset after each member), then the team's.
  const mineLapses = new Float64Array(n);
  const mineRecall = new Float64Array(n);
  const mineReviewed = new Int32Array(n);
  const touched: number[] = [];
  const learners = new Int32Array(n);
  const lapsesAll = new Float64Array(n);
  const recallAll = new Float64Array(n);
  // Items in the order they were first seen: ties in the ranking keep it.
  const seen: number[] = [];
  for (const s of latest) {
    for (const d of decks) {
      const arrays = deckArrays(s, d);
      if (!arrays || arrays === 'empty') continue;
      const at = itemsOf(arrays.order);
      for (let i = 0; i < at.length; i++) {
        const r = arrays.r[i] ?? -1;
        const item = at[i]!;
        if (r < 0 || item < 0) continue;
        if (mineReviewed[item] === 0) touched.push(item);
        mineLapses[item]! += arrays.lapses[i] ?? 0;
        mineRecall[item]! += r / 100;
        mineReviewed[item]! += 1;
      }
    }
    for (const item of touched) {
      if (learners[item] === 0) seen.push(item);
      learners[item]! += 1;
      lapsesAll[item]! += mineLapses[item]!;
      recallAll[item]! += mineRecall[item]! / mineReviewed[item]!;
      mineLapses[item] = 0;
      mineRecall[item] = 0;
      mineReviewed[item] = 0;
    }
    touched.length = 0;
  }
  const weakSpots: WeakSpot[] = seen.map((item) => {
    const cards = [...itemCards[item]!].sort((x, y) => x.order - y.order);
    const card = cards[0]!;
    return {
      cardId: card.id,
      cardIds: cards.map((c) => c.id),
      deckId: card.deckId,
      key: card.key,
      source: card.source,
      card,
      learners: learners[item]!,
      lapses: lapsesAll[item]!,
      lapseRate: lapsesAll[item]! / learners[item]!,
      meanRecall: recallAll[item]! / learners[item]!,
    };
  });
  // Worst first: most lapses per learner, then lowest recall, then memo order.
  weakSpots.sort((x, y) => y.lapseRate - x.lapseRate || x.meanRecall - y.meanRecall || x.card.order - y.card.order);
  return { members, weakSpots: weakSpots.slice(0, options.weakSpots ?? 20) };
}
