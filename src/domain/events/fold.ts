// The replay: everything the app shows about the learner, computed from a set of events. The
// result depends only on the set (not on the order events arrived in), so two devices holding the
// same events hold the same state, whatever order they merged in.
//  - A card's schedule: its ratings not voided, in (reviewedAt, id) order, through the scheduler,
//    from its latest reset on (a reset sends the card back to learning; earlier ratings stay).
//  - Suspension, each setting and each flag: the last writer by (at, device, seq, id).
//  - A lesson's result: its first pass by the same order; a lesson is complete once passed anywhere.
//  - Quiz results: every quiz event.
import { applyReview, compareEntries, newCardState } from '../scheduler/scheduler';
import type { SchedState } from '../scheduler/types';
import type {
  EventStamp,
  FlagEvent,
  LearnerEvent,
  LessonEvent,
  QuizEvent,
  RatingEvent,
  ResetEvent,
  SettingsEvent,
  SettingsValues,
  SuspendEvent,
  VoidEvent,
} from './types';

/** Total order of stamps for last-writer-wins: time, then device, then the device's sequence, then id. */
export function compareStamps(a: EventStamp, b: EventStamp): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The later of two stamped events (b when a is undefined). */
export function lastWriter<T extends EventStamp>(a: T | undefined, b: T): T {
  return a === undefined || compareStamps(b, a) > 0 ? b : a;
}

/** Ids taken back by a void event. */
export function voidedIds(events: Iterable<LearnerEvent>): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.type === 'void') out.add(e.target);
  return out;
}

/** A rating replay could not apply, skipped (Repair reports these). */
export interface SkippedRating {
  id: string;
  cardId: string;
  reason: string;
}

/**
 * A card's state from its live ratings (any order). With `onSkip`, a rating the scheduler
 * throws on is skipped and reported; without it the error propagates. From `initial` when the
 * ratings all come after those the state was replayed from (an append: see AppendBase).
 */
export function replayRatings(
  ratings: readonly RatingEvent[],
  onSkip?: (s: SkippedRating) => void,
  resetAt: number | null = null,
  initial: SchedState = newCardState(),
): SchedState {
  const sorted = afterReset([...ratings], resetAt).sort(compareEntries);
  let s = initial;
  for (const r of sorted) {
    if (!onSkip) {
      s = applyReview(s, r);
      continue;
    }
    try {
      s = applyReview(s, r);
    } catch (x) {
      onSkip({ id: r.id, cardId: r.cardId, reason: x instanceof Error ? x.message : String(x) });
    }
  }
  return s;
}

/** The ratings a card's schedule is replayed from: those after its latest reset (all without one). */
export function afterReset<T extends { reviewedAt: number }>(ratings: T[], resetAt: number | null | undefined): T[] {
  return resetAt === null || resetAt === undefined ? ratings : ratings.filter((r) => r.reviewedAt > resetAt);
}

/** The latest reset time of each card. */
export function latestResets(events: Iterable<LearnerEvent>): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) if (e.type === 'reset' && e.at > (out.get(e.cardId) ?? -Infinity)) out.set(e.cardId, e.at);
  return out;
}

/** Everything derived from the events. */
export interface LearnerState {
  /** Live (not voided) ratings per card, in replay order. */
  ratings: Map<string, RatingEvent[]>;
  /** The schedule of every card with at least one live rating. */
  cards: Map<string, SchedState>;
  /** Ids voided (whether or not the rating has arrived). */
  voided: Set<string>;
  /** Suspension per card, for cards with a suspend event (the last writer's value). */
  suspended: Map<string, boolean>;
  /** Each setting ever changed: its last writer's value. */
  settings: Partial<SettingsValues>;
  /** Per deck, per lesson: the first pass. */
  lessons: Map<string, Map<string, LessonEvent>>;
  quizResults: QuizEvent[];
  flags: Map<string, boolean>;
}

export interface FoldOptions {
  /** Skip ratings the scheduler throws on and report them (Repair); otherwise replay throws. */
  onSkip?: (s: SkippedRating) => void;
}

/** The state a set of events gives. */
export function foldEvents(events: Iterable<LearnerEvent>, options: FoldOptions = {}): LearnerState {
  const all = [...events];
  const voided = voidedIds(all);
  const ratings = new Map<string, RatingEvent[]>();
  const suspendBy = new Map<string, SuspendEvent>();
  const settingBy = new Map<keyof SettingsValues, SettingsEvent>();
  const flagBy = new Map<string, FlagEvent>();
  const lessons = new Map<string, Map<string, LessonEvent>>();
  const quizResults: QuizEvent[] = [];
  const resets = new Map<string, ResetEvent>();
  for (const e of all) {
    switch (e.type) {
      case 'rating': {
        if (voided.has(e.id)) break;
        const list = ratings.get(e.cardId);
        if (list) list.push(e);
        else ratings.set(e.cardId, [e]);
        break;
      }
      case 'suspend':
        suspendBy.set(e.cardId, lastWriter(suspendBy.get(e.cardId), e));
        break;
      case 'settings':
        for (const k of Object.keys(e.changes) as (keyof SettingsValues)[]) {
          if (e.changes[k] !== undefined) settingBy.set(k, lastWriter(settingBy.get(k), e));
        }
        break;
      case 'flag':
        flagBy.set(e.key, lastWriter(flagBy.get(e.key), e));
        break;
      case 'lesson': {
        let deck = lessons.get(e.deckId);
        if (!deck) lessons.set(e.deckId, (deck = new Map()));
        const first = deck.get(e.lessonId);
        // The first pass wins, except that a pass with a result beats one whose result is unknown.
        if (first === undefined || (first.result === null && e.result !== null) || ((first.result === null) === (e.result === null) && compareStamps(e, first) < 0)) {
          deck.set(e.lessonId, e);
        }
        break;
      }
      case 'quiz':
        quizResults.push(e);
        break;
      case 'reset':
        resets.set(e.cardId, lastWriter(resets.get(e.cardId), e));
        break;
      case 'void':
        break;
    }
  }
  const cards = new Map<string, SchedState>();
  for (const [cardId, list] of ratings) {
    list.sort(compareEntries);
    cards.set(cardId, replayRatings(list, options.onSkip, resets.get(cardId)?.at ?? null));
  }
  const settings: Partial<SettingsValues> = {};
  for (const [k, e] of settingBy) (settings as Record<string, unknown>)[k] = e.changes[k];
  quizResults.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ratings,
    cards,
    voided,
    suspended: new Map([...suspendBy].map(([k, e]) => [k, e.suspended])),
    settings,
    lessons,
    quizResults,
    flags: new Map([...flagBy].map(([k, e]) => [k, e.value])),
  };
}

/**
 * What Undo takes back on `device`: its rating with the highest sequence number that is not
 * voided yet. Only this device's own events count, whatever their times, so a rating that
 * arrived from another device (even one stamped in the future) is never the one undone.
 */
export function undoTarget(events: Iterable<LearnerEvent>, device: string, voided: ReadonlySet<string> = voidedIds(events)): RatingEvent | null {
  let best: RatingEvent | null = null;
  for (const e of events) {
    if (e.type !== 'rating' || e.device !== device || voided.has(e.id)) continue;
    if (best === null || e.seq > best.seq) best = e;
  }
  return best;
}

/** A void of `target`, stamped as this device's next event. */
export function voidOf(target: RatingEvent, stamp: EventStamp): VoidEvent {
  return { ...stamp, type: 'void', target: target.id };
}
