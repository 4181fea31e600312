// FSRS scheduling over the local study day: rate a card, preview the four answers, replay a log.
// The one module of Kujira that imports ts-fsrs.
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
import {
  fsrs,
  forgetting_curve,
  computeDecayFactor,
  generatorParameters,
  FSRSAlgorithm,
  default_w,
  CLAMP_PARAMETERS,
  FSRSVersion,
  W17_W18_Ceiling,
  State,
  type Card as FsrsCard,
  type FSRS,
  type Grade as FsrsGrade,
  type StepUnit,
} from 'ts-fsrs';
import { dayDiff, dayKey as toDayKey, dayKeyToUtcMs, addDays, startOfStudyDay } from './day';
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

const KIND_TO_STATE: Record<CardStateKind, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_TO_KIND: Record<State, CardStateKind> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** The state of a card never reviewed. */
export function newCardState(): SchedState {
  return {
    kind: 'new',
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

const instances = new Map<string, FSRS>();

function paramsKey(p: SchedulerParams): string {
  return `${p.desiredRetention}|${p.maximumInterval}|${p.enableFuzz}|${p.learningSteps.join(',')}|${p.relearningSteps.join(',')}|${p.weights?.join(',') ?? ''}`;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same values as paramsKey compares, without building the key string. */
function sameParams(a: SchedulerParams, b: SchedulerParams): boolean {
  return (
    a.desiredRetention === b.desiredRetention &&
    a.maximumInterval === b.maximumInterval &&
    a.enableFuzz === b.enableFuzz &&
    sameList(a.learningSteps, b.learningSteps) &&
    sameList(a.relearningSteps, b.relearningSteps) &&
    sameList(a.weights, b.weights)
  );
}

// Every log entry carries its own copy of the parameters (a fresh object per row read), and a
// replay meets the same set thousands of times in a row: comparing values with the last set used
// is much cheaper than building its key string for every entry. The last set is kept as a private
// copy, so a caller mutating its parameter object afterwards cannot make us reuse a stale engine.
let lastParams: SchedulerParams | null = null;
let lastEngine: FSRS | null = null;

/** One ts-fsrs instance per parameter set (building one costs more than a review). */
function engine(p: SchedulerParams): FSRS {
  if (lastEngine && lastParams && sameParams(p, lastParams)) return lastEngine;
  const k = paramsKey(p);
  let f = instances.get(k);
  if (!f) {
    f = fsrs({
      request_retention: p.desiredRetention,
      maximum_interval: p.maximumInterval,
      // Kujira fuzzes the days itself (load-balance.ts): ts-fsrs gives unfuzzed states.
      enable_fuzz: false,
      enable_short_term: true,
      learning_steps: p.learningSteps as StepUnit[],
      relearning_steps: p.relearningSteps as StepUnit[],
      ...(p.weights ? { w: p.weights } : {}),
    });
    if (instances.size > 64) instances.clear();
    instances.set(k, f);
  }
  lastParams = {
    ...p,
    learningSteps: [...p.learningSteps],
    relearningSteps: [...p.relearningSteps],
    ...(p.weights ? { weights: [...p.weights] } : {}),
  };
  lastEngine = f;
  return f;
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
    state: KIND_TO_STATE[s.kind],
    last_review:
      s.lastDayKey !== null
        ? // Clamped so that a review whose study day is earlier (a move west) counts 0 days, never < 0.
          new Date(Math.min(dayKeyToUtcMs(s.lastDayKey), reviewDayMs))
        : undefined,
  };
}

// startOfStudyDay(addDays(dayKey, n), zone, hour), cached by the target day's number (midnight UTC
// ms, see dayKeyToUtcMs): startOfStudyDay() has its own cache, but reaching it builds two strings
// per review (the day key and the cache key), a good part of what replay costs beyond ts-fsrs.
const dayStarts = new Map<string, Map<number, number>>();
let lastZone = '';
let lastStartHour = -1;
let lastDayStarts: Map<number, number> | null = null;

function studyDayStartAfter(dayKey: string, dayMs: number, n: number, timeZone: string, startHour: number): number {
  if (lastDayStarts === null || timeZone !== lastZone || startHour !== lastStartHour) {
    const zoneKey = `${timeZone}|${startHour}`;
    lastDayStarts = dayStarts.get(zoneKey) ?? null;
    if (lastDayStarts === null) {
      if (dayStarts.size > 64) dayStarts.clear();
      lastDayStarts = new Map();
      dayStarts.set(zoneKey, lastDayStarts);
    }
    lastZone = timeZone;
    lastStartHour = startHour;
  }
  const target = dayMs + n * DAY_MS;
  let start = lastDayStarts.get(target);
  if (start === undefined) {
    start = startOfStudyDay(addDays(dayKey, n), timeZone, startHour);
    if (lastDayStarts.size > 50_000) lastDayStarts.clear();
    lastDayStarts.set(target, start);
  }
  return start;
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
      const before = s.kind === 'new' ? null : { difficulty: s.difficulty, stability: s.stability };
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
  const f = engine(input.params);
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
    kind: STATE_TO_KIND[out.state],
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
    s.kind === 'review' && s.lastDayKey !== null ? dayDiff(input.dayKey, addDays(s.lastDayKey, s.scheduledDays)) : null;
  const pick = dayPicker(input.params.enableFuzz, fuzzFraction(s, input.reviewedAt), input.dayKey, balance, ownDay);
  return reviewDays(input.rating, raw, {
    from: s.kind,
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
    record: { ...input, prevKind: s.kind, nextKind: next.kind, scheduledDays: next.scheduledDays, due: next.due },
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

/** Weight counts ts-fsrs accepts: FSRS-4.5 (17), FSRS-5 (19), FSRS-6 (21). */
const WEIGHT_COUNTS = [17, 19, 21];

/**
 * Why a weight vector is unusable, or null when ts-fsrs would use it as it is: a known length
 * and every weight within ts-fsrs's own clamps (it would silently clip anything outside them, so
 * a stored log whose weights were clipped would not replay to what was shown).
 */
export function weightsProblem(weights: readonly number[]): string | null {
  if (!WEIGHT_COUNTS.includes(weights.length)) return `${weights.length} weights (ts-fsrs takes 17, 19 or 21)`;
  const clamps = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const [lo, hi] = clamps[i] ?? [-Infinity, Infinity];
    if (!Number.isFinite(w) || w < lo! || w > hi!) return `weight ${i} is ${w}, outside ${lo}..${hi}`;
  }
  return null;
}

/** The weights moved into ts-fsrs's clamps (so that what is stored is exactly what is used). */
export function clampWeights(weights: readonly number[]): number[] {
  const clamps = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  return weights.map((w, i) => {
    const [lo, hi] = clamps[i] ?? [-Infinity, Infinity];
    return Math.min(Math.max(w, lo!), hi!);
  });
}

/** Probability of recall at `now` (null for a card never reviewed). */
export function retrievability(s: SchedState, now: number, params: Pick<SchedulerParams, 'weights'> = {}): number | null {
  if (s.kind === 'new' || s.lastReview === null || s.stability <= 0) return null;
  const elapsed = Math.max(0, (now - s.lastReview) / DAY_MS);
  return forgetting_curve(params.weights ?? default_w, elapsed, s.stability);
}

export interface CardInfo<E> {
  kind: CardStateKind;
  stability: number | null;
  difficulty: number | null;
  retrievability: number | null;
  due: number | null;
  reps: number;
  lapses: number;
  leech: boolean;
  lastReview: number | null;
  /** Oldest first. */
  history: E[];
}

/** What the card info dialog shows. */
export function cardInfo<E extends { reviewedAt: number; id?: string }>(
  s: SchedState,
  history: readonly E[],
  now: number,
  params: Pick<SchedulerParams, 'weights'> = {},
): CardInfo<E> {
  const isNew = s.kind === 'new';
  return {
    kind: s.kind,
    stability: isNew ? null : s.stability,
    difficulty: isNew ? null : s.difficulty,
    retrievability: retrievability(s, now, params),
    due: isNew ? null : s.due,
    reps: s.reps,
    lapses: s.lapses,
    leech: s.leech,
    lastReview: s.lastReview,
    history: [...history].sort(compareEntries),
  };
}

/** Local study days since the card was last reviewed (null if never). */
export function daysSinceReview(s: SchedState, todayKey: string): number | null {
  return s.lastDayKey === null ? null : dayDiff(s.lastDayKey, todayKey);
}

/** FSRS's memory state of a card: stability (days) and difficulty (1..10). */
export interface MemoryState {
  stability: number;
  difficulty: number;
}

/**
 * FSRS's memory model under a weight vector, without the scheduler around it: what the
 * optimizer's evaluation and the retention simulator need. The same formulas as fsrs-rs: a review
 * on the same study day as the previous one (0 days) takes the short-term stability.
 */
export interface MemoryModel {
  readonly weights: readonly number[];
  /** The state after a review `days` study days after the previous one (null: first review). */
  next(state: MemoryState | null, days: number, rating: Grade): MemoryState;
  /** Probability of recall `days` after a review that left `stability`. */
  recall(days: number, stability: number): number;
  /** The unrounded interval (days) at which recall falls to `retention`. */
  interval(stability: number, retention: number): number;
}

const S_MIN = 1e-3;
const S_MAX = 36_500;
const round8 = (x: number) => Math.round(x * 1e8) / 1e8;
const clampTo = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/**
 * The memory model of `weights` (absent: ts-fsrs's FSRS-6 defaults). The weights are the ones
 * ts-fsrs would use (after its own checks and clipping); the formulas are ts-fsrs's
 * FSRSAlgorithm.next_state and forgetting_curve, operation for operation, over a plain array:
 * ts-fsrs reads its weights through a Proxy on every access, which made the retention simulator's
 * inner loop three times slower. test/domain/scheduler/memory-model.test.ts holds the two to the
 * same bits.
 */
export function memoryModel(weights?: readonly number[]): MemoryModel {
  const algo = new FSRSAlgorithm(generatorParameters({ w: weights && weights.length > 0 ? [...weights] : [...default_w], enable_short_term: true, enable_fuzz: false }));
  const w = Float64Array.from(algo.parameters.w);
  const { decay, factor } = computeDecayFactor([...w]);
  const curve = (t: number, s: number) => round8(Math.pow(1 + (factor * t) / s, decay));
  const initDifficulty = (g: number) => round8(w[4]! - Math.exp((g - 1) * w[5]!) + 1);
  const initEasy = initDifficulty(4);
  const nextDifficulty = (d: number, g: number) => {
    const next = d + round8((-w[6]! * (g - 3) * (10 - d)) / 9);
    return clampTo(round8(w[7]! * initEasy + (1 - w[7]!) * next), 1, 10);
  };
  const shortTermRatio = Math.exp(w[17]! * w[18]!);
  const next = (state: MemoryState | null, days: number, g: Grade): MemoryState => {
    const t = Math.max(0, days);
    if (state === null || (state.difficulty === 0 && state.stability === 0)) {
      return { difficulty: clampTo(initDifficulty(g), 1, 10), stability: Math.max(w[g - 1]!, 0.1) };
    }
    const { difficulty: d, stability: s } = state;
    if (d < 1 || s < S_MIN) throw new RangeError(`Invalid memory state { difficulty: ${d}, stability: ${s} }`);
    const r = curve(t, s);
    let ns: number;
    if (t === 0) {
      const sinc = Math.pow(s, -w[19]!) * Math.exp(w[17]! * (g - 3 + w[18]!));
      ns = round8(clampTo(s * (g >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
    } else if (g === 1) {
      const afterFail = round8(clampTo(w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp((1 - r) * w[14]!), S_MIN, S_MAX));
      ns = clampTo(round8(s / shortTermRatio), S_MIN, afterFail);
    } else {
      const hard = g === 2 ? w[15]! : 1;
      const easy = g === 4 ? w[16]! : 1;
      ns = round8(clampTo(s * (1 + Math.exp(w[8]!) * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - r) * w[10]!) - 1) * hard * easy), S_MIN, S_MAX));
    }
    return { difficulty: nextDifficulty(d, g), stability: ns };
  };
  return {
    weights: Array.from(w),
    next,
    recall: (days, stability) => curve(Math.max(0, days), stability),
    interval: (stability, retention) => (stability / factor) * (Math.pow(retention, 1 / decay) - 1),
  };
}
