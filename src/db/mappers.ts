// Rows <-> domain for what start-up and the first screen read: card states as schedules and queue
// candidates, the settings, app flags. A state's row as the writers make it, and decks' and cards'
// rows, are in db/write-mappers.ts (the first visit writes none); the log's rows and quiz results, and how they
// convert to events, in db/event-mappers.ts; onboarding progress in db/onboarding-mappers.ts (its
// rules come with it, and the first visit reads none of it). Private to src/db.
import { candidateOf, type QueueCandidate } from '../domain/scheduler/queue';
import type { CardSchedule } from '../domain/scheduler/types';
import { normalizeSettings, type Settings } from '../domain/settings/settings';
import type { AppFlagId, AppFlagRow, CardStateRow, SettingsRow } from './schema';

/** The schedule of a card as features see it (the row without its queue index). */
export function scheduleFromRow(r: CardStateRow): CardSchedule {
  const { queue: _queue, ...schedule } = r;
  return schedule;
}

export function candidateFromRow(r: CardStateRow): QueueCandidate {
  return candidateOf(r);
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

/** The flag events' keys (src/domain/events/types.ts FlagEvent): the welcome seen, a deck's lessons all unlocked. */
export const WELCOME_FLAG = 'welcome-seen';
export const unlockAllFlag = (deckId: string): string => `unlock-all:${deckId}`;

export function flagToRow(id: AppFlagId, value: boolean, updatedAt: number): AppFlagRow {
  return { id, value, updatedAt };
}

export function flagFromRow(r: AppFlagRow | undefined): boolean {
  return r?.value === true;
}
