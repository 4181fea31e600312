// Rows <-> domain: how card states, decks, settings and flags are laid out in IndexedDB (the rows
// start-up and the first screen read). The log's rows and quiz results, and how they convert to
// events, are in db/event-mappers.ts; onboarding progress in db/onboarding-mappers.ts (its rules
// come with it, and the first visit reads none of it). Private to src/db.
import type { Card, Deck } from '../domain/deck/types';
import { candidateOf, newRankOf, scheduleStateOf, type QueueCandidate } from '../domain/scheduler/queue';
import type { CardSchedule, SchedState } from '../domain/scheduler/types';
import { normalizeSettings, type Settings } from '../domain/settings/settings';
import {
  QUEUE,
  type AppFlagId,
  type AppFlagRow,
  type CardRow,
  type CardStateRow,
  type DeckRow,
  type QueueNumber,
  type SettingsRow,
} from './schema';

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

/** The schedule of a card as features see it (the row without its queue index). */
export function scheduleFromRow(r: CardStateRow): CardSchedule {
  const { queue: _queue, ...schedule } = r;
  return schedule;
}

export function candidateFromRow(r: CardStateRow): QueueCandidate {
  return candidateOf(r);
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

/** The stored settings as they are, unvalidated (settingsOfRow gives the ones in force). */
export function rawSettingsOfRow(r: SettingsRow | undefined): Partial<Settings> {
  if (!r) return {};
  const { id: _id, ...rest } = r;
  return rest;
}

/** The settings in force from the stored row (defaults for anything missing or out of range). */
export function settingsOfRow(r: SettingsRow | undefined): Settings {
  return normalizeSettings(rawSettingsOfRow(r));
}

export function settingsToRow(s: Settings): SettingsRow {
  return { id: 'settings', ...s };
}

// ---- App flags

export function flagToRow(id: AppFlagId, value: boolean, updatedAt: number): AppFlagRow {
  return { id, value, updatedAt };
}

export function flagFromRow(r: AppFlagRow | undefined): boolean {
  return r?.value === true;
}
