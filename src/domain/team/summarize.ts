// A member's progress summary for one study day, from the learner's own data: counts over the
// review log, and per card only lapses and current retrievability (FSRS, from stability and the
// time since the last review). `now` and the day boundary are inputs; nothing here reads a clock.
import type { Deck } from '../deck/types';
import { addDays, dayKey, startOfStudyDay } from '../scheduler/day';
import { retrievability } from '../scheduler/card-info';
import { countPassedReviews, retentionDaysFrom } from '../stats/stats';
import type { CardSchedule, DayBoundary, ReviewLogEntry, SchedState } from '../scheduler/types';
import { summaryDocId, type DeckSummary, type RetentionCount, type SummaryDoc } from './types';

/** One review as the summary reads it (the log never leaves the device). */
export type SummaryLogEntry = Pick<ReviewLogEntry, 'cardId' | 'rating' | 'reviewedAt' | 'prevState'>;

/** A card's schedule as the summary reads it. */
export type SummaryCardState = SchedState & Pick<CardSchedule, 'cardId' | 'suspended' | 'retired'>;

export interface SummaryDeckInput {
  deck: Deck;
  /** Ids of the lessons passed on this deck. */
  lessonsPassed: readonly string[];
  /** Epoch ms of the newest lesson passed, if any. */
  lastLessonAt?: number | null;
}

export interface SummaryInput {
  member: string;
  now: number;
  day: DayBoundary;
  /** The decks shared (the team's decks and the decks assignments name). */
  decks: readonly SummaryDeckInput[];
  /** The learner's card states (only the shared decks' cards are read). */
  states: readonly SummaryCardState[];
  /**
   * The learner's reviews (counted, never copied): at least those recorded from summaryLogFrom(),
   * and all of them when none of those falls in the summary's 30 days (readsWholeLog()), so the
   * latest review before then gives "last active".
   */
  log: readonly SummaryLogEntry[];
  /** How many of the learner's events the device holds (its share of the learner's history). */
  events: number;
  /** FSRS weights in force (absent: the defaults). */
  weights?: number[];
}

const retentionOver = (log: readonly SummaryLogEntry[], from: number, to: number): RetentionCount => countPassedReviews(log, from, to);

/** Retrievability in whole percent, -1 for a card never reviewed. */
export function percentRecall(state: SchedState | undefined, now: number, weights?: number[]): number {
  if (!state) return -1;
  const r = retrievability(state, now, weights ? { weights } : {});
  return r === null ? -1 : Math.round(r * 100);
}

/** The 30 study days a summary counts, as times: [from30, end). */
function summaryWindow(now: number, day: DayBoundary): { from30: number; end: number } {
  const today = dayKey(now, day.timeZone, day.startHour);
  return { from30: startOfStudyDay(addDays(today, -29), day.timeZone, day.startHour), end: startOfStudyDay(addDays(today, 1), day.timeZone, day.startHour) };
}

/**
 * The first recorded study day whose reviews a summary reads: its 30 days and three more (a review
 * recorded under another boundary: retentionDaysFrom). A year of reviews is not read each round.
 */
export function summaryLogFrom(now: number, day: DayBoundary): string {
  return retentionDaysFrom(now, day, 30);
}

/**
 * Whether a summary needs the whole log, given the reviews recorded from summaryLogFrom(): when
 * none of them is in its 30 days, the learner's latest review ("last active") is older and can be
 * anywhere in the log. Any review recorded before summaryLogFrom() is older than the 30 days.
 */
export function readsWholeLog(recent: readonly Pick<SummaryLogEntry, 'reviewedAt'>[], now: number, day: DayBoundary): boolean {
  const { from30, end } = summaryWindow(now, day);
  return !recent.some((e) => e.reviewedAt >= from30 && e.reviewedAt < end);
}

export function summarize(input: SummaryInput): SummaryDoc {
  const { now, day } = input;
  const today = dayKey(now, day.timeZone, day.startHour);
  const dayStart = (key: string) => startOfStudyDay(key, day.timeZone, day.startHour);
  const { from30, end } = summaryWindow(now, day);
  const from7 = dayStart(addDays(today, -6));

  // Reviews per study day over the 30 days: bucket by day start (binary search over 31 bounds).
  const bounds = Array.from({ length: 31 }, (_, i) => dayStart(addDays(today, i - 29)));
  const daily = new Array<number>(30).fill(0);
  let reviews7 = 0;
  let lastActiveAt: number | null = null;
  for (const e of input.log) {
    if (e.reviewedAt >= end) continue;
    if (lastActiveAt === null || e.reviewedAt > lastActiveAt) lastActiveAt = e.reviewedAt;
    if (e.reviewedAt < from30) continue;
    let lo = 0;
    let hi = 30;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (e.reviewedAt >= bounds[mid]!) lo = mid;
      else hi = mid;
    }
    daily[lo]! += 1;
    if (e.reviewedAt >= from7) reviews7 += 1;
  }
  for (const d of input.decks) {
    const t = d.lastLessonAt ?? null;
    if (t !== null && t < end && (lastActiveAt === null || t > lastActiveAt)) lastActiveAt = t;
  }

  const byCard = new Map(input.states.map((s) => [s.cardId, s]));
  const todayStart = dayStart(today);
  // Overdue counts the shared decks' cards only: the rest of the learner's study stays private.
  const shared = new Set(input.decks.flatMap((d) => d.deck.cards.map((c) => c.id)));
  let overdue = 0;
  for (const s of input.states) {
    if (shared.has(s.cardId) && s.state !== 'new' && !s.suspended && !s.retired && s.due < todayStart) overdue += 1;
  }

  const decks: DeckSummary[] = input.decks.map(({ deck, lessonsPassed }) => ({
    deckId: deck.id,
    hash: deck.hash,
    lessonsPassed: [...lessonsPassed],
    lapses: deck.cards.map((c) => byCard.get(c.id)?.lapses ?? 0),
    r: deck.cards.map((c) => percentRecall(byCard.get(c.id), now, input.weights)),
  }));

  return {
    _id: summaryDocId(input.member, today),
    kujira: 1,
    type: 'summary',
    member: input.member,
    day: today,
    at: now,
    lastActiveAt,
    reviews7,
    reviews30: daily.reduce((a, b) => a + b, 0),
    retention7: retentionOver(input.log, from7, end),
    retention30: retentionOver(input.log, from30, end),
    overdue,
    daily,
    decks,
    events: input.events,
  };
}

/**
 * Whether `next` may take the place of `stored`, the member's newest summary on the server (today's
 * or an earlier day's). One member, one truthful summary whatever the device (issue 26): events
 * are immutable and merge by set union, so the number of the learner's events a device holds
 * only grows as it catches up (an undo or a reset is one more event, never one less). A device
 * holding fewer of them than the one that wrote `stored` (a fresh browser before sync brought the
 * history, a device without sync) knows less of the learner, and its summary ("0/2 lessons,
 * recall 0 %") would replace a truthful one ("2/2 lessons, recall 89 %"): it waits until it has
 * caught up. A summary written before the count existed counts as 0 events.
 */
export function summaryMayReplace(stored: SummaryDoc | null, next: SummaryDoc): boolean {
  return stored === null || (stored.events ?? 0) <= (next.events ?? 0);
}

/** An earlier day's summary as it is kept once a newer one exists: the counts, no per-card arrays. */
export function withoutCards(doc: SummaryDoc): SummaryDoc {
  return { ...doc, decks: doc.decks.map((d) => ({ ...d, lapses: [], r: [] })) };
}
