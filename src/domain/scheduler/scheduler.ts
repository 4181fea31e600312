// FSRS scheduling over the local study day: rate a card, preview the four answers, replay a log.
// ts-fsrs is imported only in this folder: here for scheduling, in weights.ts (its clamps),
// card-info.ts (the forgetting curve) and memory-model.ts (its formulas for the optimizer).
//
// Day boundary. ts-fsrs counts elapsed days by UTC calendar date and adds intervals as multiples
// of 24 h from the review instant. Kujira's day starts at a local hour (default 04:00) in the
// user's zone, like Anki, so that a review at 23:00 and one at 01:00 the same night count as the
// same day, and "due in 1 day" means "due tomorrow morning", whatever the zone or DST.
// So ts-fsrs never sees the real clock for day arithmetic: it is given a *virtual now*, the
// midnight UTC of the study day's date plus the time of day (the latter only varies the fuzz
// seed), and the last review as the midnight UTC of its study day. Its UTC day difference is then
// exactly the number of local study days. Going back to real time:
//   - day-scale results (scheduledDays > 0) are due at the *start* of the local study day
//     `dayKey + scheduledDays` (04:00 local, DST-aware), as in Anki: a card due "tomorrow" shows
//     up from the first minute of tomorrow's study day;
//   - minute-scale results (learning steps) keep their real length: due = review time + step.
// The study day of each review, the zone and the start hour are stored with the log entry, so
// replay does not depend on today's settings and gives the same state, bit for bit.
//
// Intervals. ts-fsrs gives the memory state (stability, difficulty) and the learning steps; the
// whole days of a review interval follow Anki's rules (intervals.ts), and fuzz, the load balancer
// and easy days pick the day (load-balance.ts). The balancer reads how many reviews other cards
// have due, which differs from device to device: so the interval chosen is part of the log entry
// (`scheduledDays`) and replay takes it from there instead of choosing again. An entry without a
// usable interval (0 or missing where the answer leads to review) is given one by the rules,
// without the balancer.
//
// Speed: replay meets the same parameters and the same zone thousands of times in a row, so the
// ts-fsrs instance (./fsrs-engine.ts) and the start of a study day (./day-starts.ts) are cached
// in modules of their own.
import {
  default_w,
  FSRSVersion,
  State,
  type Card as FsrsCard,
  type FSRS,
  type Grade as FsrsGrade,
} from 'ts-fsrs';
import { dayDiff, dayKey as toDayKey, dayKeyToUtcMs, addDays } from './day';
import { studyDayStartAfter } from './day-starts';
import { fsrsEngine } from './fsrs-engine';
import { reviewDays } from './intervals';
import { dayPicker, seededFraction, type BalanceOptions } from './load-balance';
import { DEFAULT_MAXIMUM_INTERVAL, LEECH_LAPSES, normalizeParams } from './params';
import type {
  CardStateKind,
  DayBoundary,
  Grade,
  ReviewInput,
  ReviewRecord,
  SchedState,
  SchedulerParams,
} from './types';

const DAY_MS = 86_400_000;

const TS_FSRS_STATE: Record<CardStateKind, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_OF_TS_FSRS: Record<State, CardStateKind> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** The state of a card never reviewed. */
export function newCardState(): SchedState {
  return {
    state: 'new',
    due: 0,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
    lastDayKey: null,
    leech: false,
  };
}

function toFsrsCard(s: SchedState, reviewDayMs: number): FsrsCard {
  // One object shape whether or not the card was reviewed (last_review present, maybe undefined,
  // which ts-fsrs reads as absent): ts-fsrs copies the card twice per review, and copying objects
  // of a single shape is markedly faster.
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: TS_FSRS_STATE[s.state],
    last_review:
      s.lastDayKey !== null
        ? // Clamped so that a review whose study day is earlier (a move west) counts 0 days, never < 0.
          new Date(Math.min(dayKeyToUtcMs(s.lastDayKey), reviewDayMs))
        : undefined,
  };
}

/**
 * The longest recorded interval replay takes as it is: the largest maximum, plus the 2 days that
 * ts-fsrs's ordering after its cap could add to entries written before Kujira took Anki's rules.
 */
const MAX_RECORDED_DAYS = DEFAULT_MAXIMUM_INTERVAL + 2;

/** A recorded interval replay can use: a whole number of days, 1 to MAX_RECORDED_DAYS. */
function recordedDays(d: number | undefined): number | null {
  return typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= MAX_RECORDED_DAYS ? d : null;
}

/**
 * FSRS's unrounded interval (days) for each answer, computed when a rule asks for it: the answer
 * given from the state ts-fsrs returned, the others from the memory state before the review.
 */
function rawIntervals(f: FSRS, s: SchedState, grade: Grade, out: FsrsCard): (g: Grade) => number {
  const m = f.interval_modifier;
  const known = new Map<Grade, number>([[grade, out.stability * m]]);
  return (g) => {
    let x = known.get(g);
    if (x === undefined) {
      const before = s.state === 'new' ? null : { difficulty: s.difficulty, stability: s.stability };
      x = f.next_state(before, out.elapsed_days, g).stability * m;
      known.set(g, x);
    }
    return x;
  };
}

/**
 * Apply one review to a state: the single step both rating and replay go through. `balance`
 * (load balancing and easy days) is read only when the entry carries no interval of its own.
 */
export function applyReview(s: SchedState, input: ReviewInput, balance?: BalanceOptions): SchedState {
  const dayMs = dayKeyToUtcMs(input.dayKey);
  const virtualNow = dayMs + (((input.reviewedAt % DAY_MS) + DAY_MS) % DAY_MS);
  const f = fsrsEngine(input.params);
  const card = toFsrsCard(s, dayMs);
  const out = f.next(card, new Date(virtualNow), input.rating as FsrsGrade).card;
  let days = 0;
  if (out.scheduled_days > 0) {
    days = recordedDays(input.scheduledDays) ?? chooseDays(s, input, rawIntervals(f, s, input.rating, out), balance);
  }
  const due =
    days > 0
      ? studyDayStartAfter(input.dayKey, dayMs, days, input.timeZone, input.dayStartHour)
      : input.reviewedAt + (out.due.getTime() - virtualNow);
  return {
    state: STATE_OF_TS_FSRS[out.state],
    due,
    stability: out.stability,
    difficulty: out.difficulty,
    elapsedDays: out.elapsed_days,
    scheduledDays: days,
    learningSteps: out.learning_steps,
    reps: out.reps,
    lapses: out.lapses,
    lastReview: input.reviewedAt,
    lastDayKey: input.dayKey,
    leech: out.lapses >= LEECH_LAPSES,
  };
}

/** The fuzz draw of a review: seeded by the review time and the card's reps and memory. */
export function fuzzFraction(s: SchedState, reviewedAt: number): number {
  return seededFraction(`${reviewedAt}_${s.reps}_${s.difficulty * s.stability}`);
}

/** Days to the next review for an answer leading to review: Anki's rules, then fuzz/balancer. */
function chooseDays(
  s: SchedState,
  input: ReviewInput,
  raw: (g: Grade) => number,
  balance: BalanceOptions | undefined,
): number {
  // The card counts in the load on its own due day: not against itself.
  const ownDay =
    s.state === 'review' && s.lastDayKey !== null ? dayDiff(input.dayKey, addDays(s.lastDayKey, s.scheduledDays)) : null;
  const pick = dayPicker(input.params.enableFuzz, fuzzFraction(s, input.reviewedAt), input.dayKey, balance, ownDay);
  return reviewDays(input.rating, raw, {
    from: s.state,
    previous: s.scheduledDays,
    maximum: input.params.maximumInterval,
    pick,
  });
}

/**
 * The replay inputs of a rating given now. Time never runs backwards for one card: a rating
 * stamped at or before the card's last review (a clock set back) is stamped 1 ms after it, so
 * that sorting the log by time replays it in the order it was rated.
 */
export function reviewInput(
  s: SchedState,
  rating: Grade,
  now: number,
  params: SchedulerParams,
  day: DayBoundary,
): ReviewInput {
  const reviewedAt = s.lastReview !== null ? Math.max(now, s.lastReview + 1) : now;
  return {
    rating,
    reviewedAt,
    dayKey: toDayKey(reviewedAt, day.timeZone, day.startHour),
    params: normalizeParams(params),
    timeZone: day.timeZone,
    dayStartHour: day.startHour,
  };
}

export interface RateResult {
  state: SchedState;
  record: ReviewRecord;
}

/** Rate a card: its new state and the record to append to the log. */
export function rateCard(
  s: SchedState,
  rating: Grade,
  now: number,
  params: SchedulerParams,
  day: DayBoundary,
  balance?: BalanceOptions,
): RateResult {
  if (![1, 2, 3, 4].includes(rating)) throw new RangeError(`Rating must be 1 to 4, got ${String(rating)}`);
  const input = reviewInput(s, rating, now, params, day);
  const next = applyReview(s, input, balance);
  return {
    state: next,
    record: { ...input, prevState: s.state, nextState: next.state, scheduledDays: next.scheduledDays, due: next.due },
  };
}

export interface RatingPreview {
  rating: Grade;
  state: SchedState;
  due: number;
  /** What to show on the button: the interval in days for day-scale outcomes, else due - now. */
  intervalMs: number;
}

/** The outcome of each of the four answers, for the interval shown on each button. */
export function previewRatings(
  s: SchedState,
  now: number,
  params: SchedulerParams,
  day: DayBoundary,
  balance?: BalanceOptions,
): Record<Grade, RatingPreview> {
  const one = (g: Grade): RatingPreview => {
    const { state } = rateCard(s, g, now, params, day, balance);
    const intervalMs = state.scheduledDays > 0 ? state.scheduledDays * DAY_MS : Math.max(0, state.due - now);
    return { rating: g, state, due: state.due, intervalMs };
  };
  return { 1: one(1), 2: one(2), 3: one(3), 4: one(4) };
}

/** Sort order of a log: time, then entry id (the order IndexedDB's [cardId+reviewedAt] index gives). */
export function compareEntries(
  a: { reviewedAt: number; id?: string },
  b: { reviewedAt: number; id?: string },
): number {
  if (a.reviewedAt !== b.reviewedAt) return a.reviewedAt - b.reviewedAt;
  const x = a.id ?? '';
  const y = b.id ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function isSorted(entries: readonly { reviewedAt: number; id?: string }[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    if (compareEntries(entries[i - 1] as { reviewedAt: number }, entries[i] as { reviewedAt: number }) > 0) return false;
  }
  return true;
}

/** A card's state from its log (entries of one card, any order). */
export function replay(entries: readonly (ReviewInput & { id?: string })[], initial: SchedState = newCardState()): SchedState {
  // A log read in [cardId+reviewedAt] order, or appended rating by rating, is already in order:
  // checking is cheaper than copying and sorting it (a rebuild replays thousands of cards).
  const sorted = isSorted(entries) ? entries : [...entries].sort(compareEntries);
  let s = initial;
  for (const e of sorted) s = applyReview(s, e);
  return s;
}

/**
 * What the states computed from a log depend on besides the log: ts-fsrs's version, its default
 * weights, and how this module maps study days (bump the last part when that changes). Stored
 * with the states; a different value at start-up means the states are stale and are rebuilt.
 */
export const SCHEDULER_FINGERPRINT = `${FSRSVersion}|${default_w.join(',')}|study-day-1`;
