// Statistics over the review log and the card states: the review heatmap, the due forecast, true
// retention, cards by state, mastery per section, quiz history and leeches. Pure: `now` and the
// day boundary (zone and "next day starts at" hour) are inputs; days are local study days from
// the scheduler's day module, so the charts agree with the queue and the streak.
import { addDays, dayKey, dayKeyToUtcMs, startOfStudyDay } from '../scheduler/day';
import type { CardStateKind, DayBoundary, Grade, ReviewLogEntry } from '../scheduler/types';
import type { QuizRecord } from '../events/types';

/** Stability (days) above which a card counts as mastered. */
export const MASTERY_STABILITY_DAYS = 21;

export interface StatsLogEntry {
  cardId: string;
  rating: Grade;
  reviewedAt: number;
  prevState: CardStateKind;
}

export interface StatsCardState {
  cardId: string;
  deckId: string;
  state: CardStateKind;
  due: number;
  stability: number;
  lapses: number;
  suspended: boolean;
  retired: boolean;
  leech: boolean;
}

export interface DayCount {
  /** Study day, YYYY-MM-DD. */
  key: string;
  count: number;
}

export interface HeatmapDay extends DayCount {
  /** 0 = Sunday .. 6 = Saturday (of the calendar date the study day is named by). */
  weekday: number;
}

export interface Heatmap {
  /** Oldest first; the last one is today. */
  days: HeatmapDay[];
  max: number;
  total: number;
  /** Days with at least one review. */
  activeDays: number;
}

/** The study days the heatmap shows: the `days` ending with today, oldest first. */
export function heatmapDays(now: number, day: DayBoundary, days = 365): string[] {
  const today = dayKey(now, day.timeZone, day.startHour);
  return Array.from({ length: days }, (_, i) => addDays(today, i - (days - 1)));
}

/**
 * Reviews per study day over the last `days` days (today included). Each review counts on the
 * study day it was recorded on (its `dayKey`, the days the streak counts), so a later change of
 * time zone or "next day starts at" does not move past reviews; and a year of reviews is counted
 * in the log's day index, not read. `reviewsOn` maps a study day to its reviews (absent: none).
 */
export function reviewHeatmap(reviewsOn: ReadonlyMap<string, number>, now: number, day: DayBoundary, days = 365): Heatmap {
  let max = 0;
  let total = 0;
  let activeDays = 0;
  const out = heatmapDays(now, day, days).map((key) => {
    const count = reviewsOn.get(key) ?? 0;
    max = Math.max(max, count);
    total += count;
    if (count > 0) activeDays += 1;
    return { key, count, weekday: new Date(dayKeyToUtcMs(key)).getUTCDay() };
  });
  return { days: out, max, total, activeDays };
}

/**
 * The first recorded study day whose ratings can fall in the last `days` study days under the
 * current boundary. A rating recorded under another time zone or start hour can be on a day up to
 * three days from today's reading of it (zones 26 h apart, start hours 23 h apart: 49 h), so a
 * reader takes three days more and trueRetention() keeps the exact window by time.
 */
export function retentionDaysFrom(now: number, day: DayBoundary, days: number): string {
  return addDays(dayKey(now, day.timeZone, day.startHour), -(days - 1) - 3);
}

const scheduled = (s: StatsCardState) => !s.suspended && !s.retired && s.state !== 'new';

/**
 * Cards due on each of the next `days` study days (today first). Cards already overdue count
 * for today, as the queue shows them today.
 */
export function dueForecast(states: readonly StatsCardState[], now: number, day: DayBoundary, days = 30): DayCount[] {
  const today = dayKey(now, day.timeZone, day.startHour);
  const keys = Array.from({ length: days }, (_, i) => addDays(today, i));
  const ends = keys.map((k) => startOfStudyDay(addDays(k, 1), day.timeZone, day.startHour));
  const counts = new Array<number>(days).fill(0);
  for (const s of states) {
    if (!scheduled(s)) continue;
    // First day whose end is after the due instant.
    let lo = 0;
    let hi = days;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > s.due) hi = mid;
      else lo = mid + 1;
    }
    if (lo < days) counts[lo]! += 1;
  }
  return keys.map((key, i) => ({ key, count: counts[i]! }));
}

export interface Retention {
  /** Review answers that were not Again. */
  passed: number;
  /** Answers given to cards in review state (learning and relearning steps excluded). */
  total: number;
  /** passed / total, null when there were none. */
  rate: number | null;
}

/** True retention over the last `days` study days (today included). */
export function trueRetention(log: readonly StatsLogEntry[], now: number, day: DayBoundary, days: number): Retention {
  const today = dayKey(now, day.timeZone, day.startHour);
  const from = startOfStudyDay(addDays(today, -(days - 1)), day.timeZone, day.startHour);
  const to = startOfStudyDay(addDays(today, 1), day.timeZone, day.startHour);
  const { passed, total } = countPassedReviews(log, from, to);
  return { passed, total, rate: total === 0 ? null : passed / total };
}

/** What true retention counts, one definition for statistics and the team summary. */
/** What counting passed reviews reads of a rating. */
export type RatedReview = Pick<ReviewLogEntry, 'prevState' | 'rating' | 'reviewedAt'>;

/**
 * Reviews of cards in review state answered in [from, to), and how many passed: a **passed
 * review** is an answer that was not Again (learning and relearning steps are not counted).
 */
export function countPassedReviews(log: readonly RatedReview[], from: number, to: number): { passed: number; total: number } {
  let passed = 0;
  let total = 0;
  for (const e of log) {
    if (e.prevState !== 'review' || e.reviewedAt < from || e.reviewedAt >= to) continue;
    total += 1;
    if (e.rating !== 1) passed += 1;
  }
  return { passed, total };
}

export interface StateCounts {
  new: number;
  learning: number;
  relearning: number;
  review: number;
  /** Suspended cards (counted here, not under their schedule state). */
  suspended: number;
  total: number;
}

/** Cards by state; retired cards (no longer in their deck) are left out. */
export function cardsByState(states: readonly StatsCardState[]): StateCounts {
  const c: StateCounts = { new: 0, learning: 0, relearning: 0, review: 0, suspended: 0, total: 0 };
  for (const s of states) {
    if (s.retired) continue;
    c.total += 1;
    if (s.suspended) c.suspended += 1;
    else c[s.state] += 1;
  }
  return c;
}

export interface SectionRef {
  deckId: string;
  sectionId: string;
}

export interface SectionMastery extends SectionRef {
  mastered: number;
  total: number;
  /** mastered / total (0 for an empty section). */
  share: number;
}

/**
 * Per section (in the order given): the share of its cards whose stability is above 21 days.
 * `sectionOf` maps a card id to its section; retired cards are left out.
 */
export function masteryBySection(
  states: readonly StatsCardState[],
  sections: readonly SectionRef[],
  sectionOf: (cardId: string) => string | undefined,
): SectionMastery[] {
  const key = (d: string, s: string) => `${d}\u0000${s}`;
  const acc = new Map<string, { mastered: number; total: number }>();
  for (const r of sections) acc.set(key(r.deckId, r.sectionId), { mastered: 0, total: 0 });
  for (const s of states) {
    if (s.retired) continue;
    const sec = sectionOf(s.cardId);
    const a = sec === undefined ? undefined : acc.get(key(s.deckId, sec));
    if (!a) continue;
    a.total += 1;
    if (s.state !== 'new' && s.stability > MASTERY_STABILITY_DAYS) a.mastered += 1;
  }
  return sections.map((r) => {
    const a = acc.get(key(r.deckId, r.sectionId))!;
    return { ...r, mastered: a.mastered, total: a.total, share: a.total === 0 ? 0 : a.mastered / a.total };
  });
}

/** A recorded quiz without its questions (the history counts scores, not answers). */
export type QuizResultInput = Omit<QuizRecord, 'questions'>;

export interface QuizPoint {
  id: string;
  deckId: string;
  at: number;
  score: number;
  total: number;
  /** score / total (0 when total is 0). */
  accuracy: number;
}

/** Finished quizzes per mode, oldest first (modes in alphabetical order). */
export function quizHistory(results: readonly QuizResultInput[]): { mode: string; points: QuizPoint[] }[] {
  const byMode = new Map<string, QuizPoint[]>();
  for (const r of results) {
    if (r.finishedAt === null) continue;
    const p: QuizPoint = { id: r.id, deckId: r.deckId, at: r.finishedAt, score: r.score, total: r.total, accuracy: r.total === 0 ? 0 : r.score / r.total };
    const list = byMode.get(r.mode);
    if (list) list.push(p);
    else byMode.set(r.mode, [p]);
  }
  return [...byMode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([mode, points]) => ({ mode, points: points.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)) }));
}

export interface Leech {
  cardId: string;
  deckId: string;
  lapses: number;
  suspended: boolean;
}

/** Leeches still in their deck, most lapses first. */
export function leeches(states: readonly StatsCardState[]): Leech[] {
  return states
    .filter((s) => s.leech && !s.retired)
    .map((s) => ({ cardId: s.cardId, deckId: s.deckId, lapses: s.lapses, suspended: s.suspended }))
    .sort((a, b) => b.lapses - a.lapses || (a.cardId < b.cardId ? -1 : 1));
}
