// What importing a checked file will do, decided before anything is written: the events that are
// new here (set union by id; an id here with other content is refused with its path), and a
// replay in memory of every card the new events touch, over the MERGED log (this device's
// ratings and voids plus the file's), so a file whose log cannot be replayed is refused here and
// not on some later start-up. A card whose new ratings all come after its stored log is replayed
// from its stored state instead (an append, see AppendBase): the same state, without its history.
import { compareEntries } from '../scheduler/scheduler';
import { replayRatings } from '../events/fold';
import { mergeEvents } from '../events/merge';
import type { EventType, LearnerEvent, RatingEvent } from '../events/types';
import type { SchedState } from '../scheduler/types';
import { BackupValidationError, type BackupFile } from './validate';

/**
 * A card's stored state, when it is the replay of the card's whole live log (the caller leaves out
 * cards with a reset, whose state replays part of it). Its `lastReview` is the time of the log's
 * last rating, so new ratings all later than that are an append: replaying them from this state
 * gives what replaying the whole merged log would, reading none of it. This is what keeps a
 * catch-up of 100k events proportional to the events (each batch would otherwise replay every
 * touched card's whole history).
 */
export type AppendBase = SchedState;

/** This device's side of the merge (read inside one transaction by the caller). */
export interface LocalEvents {
  /** The event stored here under `id`. */
  get(id: string): LearnerEvent | undefined;
  /**
   * Every rating stored here for the card (voided or not). Asked only for cards that are not an
   * append on their `appendBase`.
   */
  ratingsOf(cardId: string): readonly RatingEvent[];
  /** Ids voided here. */
  voided: ReadonlySet<string>;
  /** The card's append base, when the caller read one (see AppendBase). */
  appendBase?(cardId: string): AppendBase | undefined;
}

/**
 * Whether `incoming` (a card's new live ratings) can be replayed from `base`: the card has a base,
 * no new void or reset touches it, and every new rating is later than its last one (a rating at
 * the same millisecond may sort before it by id: the whole log decides).
 */
export function isAppend(base: AppendBase | undefined, incoming: readonly RatingEvent[], rewritten: boolean): base is AppendBase {
  if (!base || rewritten) return false;
  const last = base.lastReview;
  return last === null || incoming.every((r) => r.reviewedAt > last);
}

export interface ImportPlan {
  /** Events to write (none of them is here yet). */
  toAdd: LearnerEvent[];
  /** New events per kind. */
  added: Record<EventType, number>;
  /** Events of the file already here. */
  known: number;
  /** Cards whose ratings, voids or suspension the import changes. */
  affectedCards: string[];
  isEmpty: boolean;
}

const noneAdded = (): Record<EventType, number> => ({ rating: 0, void: 0, suspend: 0, lesson: 0, quiz: 0, settings: 0, flag: 0, reset: 0 });

/**
 * The plan, or BackupValidationError: 'conflict' for an id stored here with other content,
 * 'replay' for a card whose merged log the scheduler cannot replay (with the path of the file's
 * entry at fault).
 */
export function planImport(file: BackupFile, local: LocalEvents): ImportPlan {
  const merge = mergeEvents((id) => local.get(id), file.events, (i) => file.paths[i]!);
  const conflict = merge.conflicts[0];
  if (conflict) {
    throw new BackupValidationError('conflict', `${conflict.path}.id`, `id ${conflict.id} is already stored here with different content`);
  }
  const added = noneAdded();
  const byCard = new Map<string, RatingEvent[]>();
  for (const e of merge.added) {
    added[e.type] += 1;
    if (e.type !== 'rating') continue;
    const list = byCard.get(e.cardId);
    if (list) list.push(e);
    else byCard.set(e.cardId, [e]);
  }
  // The new ratings by id, for the targets of new voids only (a file without voids needs none).
  let incomingRatings: Map<string, RatingEvent> | null = null;
  const voided = new Set(local.voided);
  const affected = new Set<string>();
  /** Cards whose log a new void or reset rewrites (never an append). */
  const rewritten = new Set<string>();
  for (const e of merge.added) {
    if (e.type === 'rating' || e.type === 'suspend' || e.type === 'reset') affected.add(e.cardId);
    if (e.type === 'reset') rewritten.add(e.cardId);
    if (e.type === 'void') {
      voided.add(e.target);
      incomingRatings ??= new Map(merge.added.flatMap((r) => (r.type === 'rating' ? [[r.id, r] as const] : [])));
      const target = incomingRatings.get(e.target) ?? local.get(e.target);
      if (target?.type === 'rating') {
        affected.add(target.cardId);
        rewritten.add(target.cardId);
      }
    }
  }
  for (const cardId of affected) {
    const incoming = (byCard.get(cardId) ?? []).filter((r) => !voided.has(r.id));
    const base = local.appendBase?.(cardId);
    let bad: { id: string; reason: string } | null = null;
    if (isAppend(base, incoming, rewritten.has(cardId))) replayRatings(incoming, (s) => (bad ??= s), null, base);
    else replayRatings([...local.ratingsOf(cardId), ...incoming].filter((r) => !voided.has(r.id)).sort(compareEntries), (s) => (bad ??= s));
    if (bad) {
      const { id, reason } = bad as { id: string; reason: string };
      // Looked up only now: a map of every event's path would cost more than the rare refusal.
      const at = file.events.findIndex((e) => e.id === id);
      const path = at >= 0 ? file.paths[at] : undefined;
      throw new BackupValidationError(
        'replay',
        path ?? '$',
        path ? `card ${cardId} cannot be scheduled with this entry (${reason})` : `this device's log of card ${cardId} cannot be replayed (${reason}); run Repair in Settings first`,
      );
    }
  }
  return {
    toAdd: merge.added,
    added,
    known: merge.known,
    affectedCards: [...affected].sort(),
    isEmpty: merge.added.length === 0,
  };
}
