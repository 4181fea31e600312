// Rows <-> domain: the one place that knows how domain values are laid out in IndexedDB.
import type { Card, Deck } from '../domain/deck/types';
import { newRankOf, type QueueCandidate } from '../domain/scheduler/queue';
import type { ReviewRecord, SchedState } from '../domain/scheduler/types';
import { QUEUE, type CardRow, type CardStateRow, type DeckRow, type QueueNumber, type ReviewLogRow, type SettingsRow } from './schema';
import type { Settings } from './settings';

/** A review log entry as the rest of the app sees it. */
export type ReviewLogEntry = ReviewLogRow;

export function queueOf(s: Pick<SchedState, 'kind'>, suspended: boolean, retired: boolean): QueueNumber {
  if (suspended || retired) return QUEUE.off;
  switch (s.kind) {
    case 'new':
      return QUEUE.new;
    case 'learning':
    case 'relearning':
      return QUEUE.learning;
    case 'review':
      return QUEUE.review;
  }
}

export function stateFromRow(r: CardStateRow): SchedState {
  return {
    kind: r.state,
    due: r.due,
    stability: r.stability,
    difficulty: r.difficulty,
    elapsedDays: r.elapsedDays,
    scheduledDays: r.scheduledDays,
    learningSteps: r.learningSteps,
    reps: r.reps,
    lapses: r.lapses,
    lastReview: r.lastReview,
    lastDayKey: r.lastDayKey,
    leech: r.leech,
  };
}

/** The row for `s`, keeping the card's identity and flags from `meta`. */
export function stateToRow(
  s: SchedState,
  meta: Pick<CardStateRow, 'cardId' | 'deckId' | 'key' | 'newRank' | 'suspended' | 'retired'>,
): CardStateRow {
  return {
    cardId: meta.cardId,
    deckId: meta.deckId,
    key: meta.key,
    newRank: meta.newRank,
    suspended: meta.suspended,
    retired: meta.retired,
    queue: queueOf(s, meta.suspended, meta.retired),
    leech: s.leech,
    state: s.kind,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
    lastDayKey: s.lastDayKey,
  };
}

export function candidateFromRow(r: CardStateRow): QueueCandidate {
  return {
    cardId: r.cardId,
    deckId: r.deckId,
    key: r.key,
    kind: r.state,
    due: r.due,
    newRank: r.newRank,
    suspended: r.suspended,
    retired: r.retired,
  };
}

export function logRowFromRecord(
  rec: ReviewRecord,
  ids: { id: string; cardId: string; deckId: string; durationMs: number },
): ReviewLogRow {
  return {
    id: ids.id,
    cardId: ids.cardId,
    deckId: ids.deckId,
    rating: rec.rating,
    reviewedAt: rec.reviewedAt,
    durationMs: ids.durationMs,
    dayKey: rec.dayKey,
    timeZone: rec.timeZone,
    dayStartHour: rec.dayStartHour,
    params: rec.params,
    prevState: rec.prevKind,
    nextState: rec.nextKind,
    scheduledDays: rec.scheduledDays,
    due: rec.due,
  };
}

export function deckToRow(d: Deck, version: number, syncedAt: number): DeckRow {
  return { id: d.id, hash: d.hash, version, syncedAt, title: d.title, languages: d.languages, sections: d.sections };
}

export function cardToRow(c: Card, retired: boolean, updatedAt: number): CardRow {
  return { id: c.id, deckId: c.deckId, retired: retired ? 1 : 0, content: c, updatedAt };
}

export function newRankOfCard(c: Card, sectionOrder: ReadonlyMap<string, number>): number {
  return newRankOf(sectionOrder.get(c.sectionId) ?? 999_999, c.order);
}

/** Stored settings, unvalidated (settings.ts normalises them). */
export function settingsFromRow(r: SettingsRow | undefined): Partial<Settings> {
  if (!r) return {};
  const { id: _id, ...rest } = r;
  return rest;
}

export function settingsToRow(s: Settings): SettingsRow {
  return { id: 'settings', ...s };
}
