// What a JSON Schema cannot say about an event from outside (a backup file, another device):
// times in a believable range, a study day that matches the time it names, scheduler parameters
// ts-fsrs uses as they are, sane learning steps. Returns the first bad field, or null. Pure: the
// caller passes `now`.
import { addDays, dayKeyToUtcMs, isValidTimeZone, startOfStudyDay } from '../scheduler/day';
import { MAX_RETENTION, MIN_RETENTION } from '../scheduler/params';
import { MAX_STEP_MINUTES, stepMinutes } from '../scheduler/steps';
import { weightsProblem } from '../scheduler/weights';
import { copyParams, sameParams } from '../scheduler/fsrs-engine';
import { FSRS_MODEL } from '../optimizer/fitted-params';
import type { SchedulerParams } from '../scheduler/types';
import { SETTINGS_FIELDS, type LearnerEvent, type RatingEvent, type SettingsValues } from './types';
import { DECK_ID } from '../deck/deck-ids';
import { CLOCK_TOLERANCE_MS } from './clock-bounds';

/** 2000-01-01T00:00:00Z: no event of this app is older. */
export const EARLIEST_EVENT_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
/** A due date may lie up to the longest interval (100 years) after the review, plus slack. */
const LATEST_DUE_AFTER_MS = (36_500 + 2) * DAY_MS;

export interface EventProblem {
  /** Field path inside the event: `reviewedAt`, `params.weights`, `questions[2].prompt`. */
  field: string;
  detail: string;
}

const iso = (ms: number) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

/**
 * A time from outside: after 2000 and no more than the clock tolerance (10 minutes) past `now`, the
 * checking device's clock. Sync holds a later one until its time comes (clock-bounds.ts); a backup
 * import refuses it.
 */
function timeProblem(field: string, ms: number, now: number): EventProblem | null {
  if (!Number.isFinite(ms) || ms < EARLIEST_EVENT_MS || ms > now + CLOCK_TOLERANCE_MS) {
    return { field, detail: `${iso(ms)} is outside 2000-01-01 .. now + 10 minutes (this device's clock, with its tolerance)` };
  }
  return null;
}

const zoneOk = new Map<string, boolean>();
function knownZone(tz: string): boolean {
  let ok = zoneOk.get(tz);
  if (ok === undefined) {
    ok = isValidTimeZone(tz);
    if (zoneOk.size > 1000) zoneOk.clear();
    zoneOk.set(tz, ok);
  }
  return ok;
}

/** Problems of a parameter set (cached by its text: a log has few distinct sets). */
const paramsCache = new Map<string, EventProblem | null>();
// A log carries the same set in thousands of entries in a row (a fresh object each): comparing
// with the last set checked costs less than the text of each (JSON.stringify per entry was half
// of the per-event checks of a 100,000-rating file).
let last: { params: SchedulerParams; field: string; problem: EventProblem | null } | null = null;
export function paramsProblem(p: SchedulerParams, field = 'params'): EventProblem | null {
  if (last && last.field === field && sameParams(p, last.params)) return last.problem;
  const problem = paramsProblemOf(p, field);
  last = { params: copyParams(p), field, problem };
  return problem;
}

function paramsProblemOf(p: SchedulerParams, field: string): EventProblem | null {
  const key = `${field}|${JSON.stringify(p)}`;
  if (paramsCache.has(key)) return paramsCache.get(key)!;
  let out: EventProblem | null = null;
  if (!(p.desiredRetention >= MIN_RETENTION && p.desiredRetention <= MAX_RETENTION)) {
    out = { field: `${field}.desiredRetention`, detail: `${p.desiredRetention} is outside ${MIN_RETENTION}..${MAX_RETENTION}` };
  } else if (!(Number.isInteger(p.maximumInterval) && p.maximumInterval >= 1 && p.maximumInterval <= 36_500)) {
    out = { field: `${field}.maximumInterval`, detail: `${p.maximumInterval} is outside 1..36500 days` };
  } else {
    for (const name of ['learningSteps', 'relearningSteps'] as const) {
      const steps = p[name];
      for (let i = 0; i < steps.length && !out; i++) {
        const m = stepMinutes(steps[i]!);
        if (m === null || m <= 0 || m > MAX_STEP_MINUTES) out = { field: `${field}.${name}[${i}]`, detail: `step ${steps[i]} is not between 1 minute and 30 days` };
      }
    }
    if (!out && p.weights !== undefined) {
      const w = weightsProblem(p.weights);
      if (w) out = { field: `${field}.weights`, detail: w };
    }
  }
  if (paramsCache.size > 1000) paramsCache.clear();
  paramsCache.set(key, out);
  return out;
}

function ratingProblem(e: RatingEvent, now: number): EventProblem | null {
  const t = timeProblem('reviewedAt', e.reviewedAt, now);
  if (t) return t;
  if (e.at !== e.reviewedAt) return { field: 'at', detail: 'a rating is stamped at its review time' };
  if (!knownZone(e.timeZone)) return { field: 'timeZone', detail: `unknown time zone ${e.timeZone}` };
  // The study day must be the one reviewedAt falls in under the entry's own zone and start hour:
  // replay counts days by dayKey, so a wrong one would schedule the card from another day.
  // A day key far from the review (year 9999) is refused before any calendar arithmetic on it.
  const keyMs = dayKeyToUtcMs(e.dayKey);
  if (!(keyMs >= e.reviewedAt - 2 * DAY_MS && keyMs <= e.reviewedAt + 2 * DAY_MS)) {
    return { field: 'dayKey', detail: `${e.dayKey} is not the study day of ${iso(e.reviewedAt)}` };
  }
  const start = startOfStudyDay(e.dayKey, e.timeZone, e.dayStartHour);
  const end = startOfStudyDay(addDays(e.dayKey, 1), e.timeZone, e.dayStartHour);
  if (!(e.reviewedAt >= start && e.reviewedAt < end)) {
    return { field: 'dayKey', detail: `${e.dayKey} is not the study day of ${iso(e.reviewedAt)} in ${e.timeZone} (day starts ${e.dayStartHour}:00)` };
  }
  if (!(e.due >= EARLIEST_EVENT_MS && e.due <= e.reviewedAt + LATEST_DUE_AFTER_MS)) {
    return { field: 'due', detail: `${iso(e.due)} is not within 100 years after the review` };
  }
  return paramsProblem(e.params);
}

function settingsProblem(c: Partial<SettingsValues>): EventProblem | null {
  const keys = Object.keys(c);
  if (keys.length === 0) return { field: 'changes', detail: 'no setting changed' };
  for (const k of keys) if (!(SETTINGS_FIELDS as readonly string[]).includes(k)) return { field: `changes.${k}`, detail: 'not a setting' };
  if (c.desiredRetention !== undefined && !(c.desiredRetention >= MIN_RETENTION && c.desiredRetention <= MAX_RETENTION)) {
    return { field: 'changes.desiredRetention', detail: `${c.desiredRetention} is outside ${MIN_RETENTION}..${MAX_RETENTION}` };
  }
  if (c.timeZone != null && !knownZone(c.timeZone)) return { field: 'changes.timeZone', detail: `unknown time zone ${c.timeZone}` };
  // Weights of the model the scheduler runs must be usable as they are; another model's (a later
  // FSRS) are kept and simply not used.
  if (c.fsrsParams != null && c.fsrsParams.model === FSRS_MODEL) {
    const w = weightsProblem(c.fsrsParams.weights);
    if (w) return { field: 'changes.fsrsParams.weights', detail: w };
  }
  for (const [deckId, r] of Object.entries(c.deckRetention ?? {})) {
    // A key that is no deck id (`__proto__`: an own key after JSON.parse) is refused.
    if (!DECK_ID.test(deckId)) return { field: 'changes.deckRetention', detail: `${JSON.stringify(deckId).slice(0, 60)} is not a deck id` };
    if (!(r >= MIN_RETENTION && r <= MAX_RETENTION)) return { field: `changes.deckRetention.${deckId}`, detail: `${r} is outside ${MIN_RETENTION}..${MAX_RETENTION}` };
  }
  return null;
}

/** The first thing wrong with an event (already schema-valid) as of `now`, or null. */
export function eventProblem(e: LearnerEvent, now: number): EventProblem | null {
  if (e.type === 'rating') return ratingProblem(e, now);
  if (e.type === 'quiz') {
    const t = timeProblem('startedAt', e.startedAt, now) ?? (e.finishedAt !== null ? timeProblem('finishedAt', e.finishedAt, now) : null);
    if (t) return t;
    if (e.finishedAt !== null && e.finishedAt < e.startedAt) return { field: 'finishedAt', detail: 'before startedAt' };
    if (e.score > e.total) return { field: 'score', detail: `${e.score} right of ${e.total}` };
  }
  // Version-1 backups carried no time for some records: their events are stamped 0 (older than
  // anything), never in the future.
  if (e.at !== 0) {
    const t = timeProblem('at', e.at, now);
    if (t) return t;
  }
  switch (e.type) {
    case 'lesson':
      if (e.result && e.result.score > e.result.total) return { field: 'result.score', detail: `${e.result.score} right of ${e.result.total}` };
      return null;
    case 'settings':
      return settingsProblem(e.changes);
    default:
      return null;
  }
}
