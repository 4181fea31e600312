// Card states, decks and cards as the writers lay them out (rating, replay, deck install, import),
// and a stored schedule back as the scheduler's state: mappings no first-screen query uses, apart
// from db/mappers.ts (which the first visit loads) so that they come with the writers' chunks.
// Private to src/db.
import type { Card, Deck } from '../domain/deck/types';
import { newRankOf, scheduleStateOf } from '../domain/scheduler/stored-schedule';
import type { SchedState } from '../domain/scheduler/types';
import { QUEUE, type CardRow, type CardStateRow, type DeckRow, type QueueNumber } from './schema';

export function queueOf(s: Pick<SchedState, 'state'>, suspended: boolean, retired: boolean): QueueNumber {
  if (suspended || retired) return QUEUE.off;
  switch (s.state) {
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
  // A state row is a stored schedule plus its queue index: the domain's mapping is the one.
  return scheduleStateOf(r);
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
    state: s.state,
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

export function deckToRow(d: Deck, version: number, syncedAt: number): DeckRow {
  return { id: d.id, hash: d.hash, version, syncedAt, title: d.title, languages: d.languages, sections: d.sections };
}

export function cardToRow(c: Card, retired: boolean, updatedAt: number): CardRow {
  return { id: c.id, deckId: c.deckId, retired: retired ? 1 : 0, content: c, updatedAt };
}

export function newRankOfCard(c: Card, sectionOrder: ReadonlyMap<string, number>): number {
  return newRankOf(sectionOrder.get(c.sectionId) ?? 999_999, c.order);
}
