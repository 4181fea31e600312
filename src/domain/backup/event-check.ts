// One event from outside the device that is not in a file (an event pulled from a sync server),
// checked exactly as a backup import checks it: wrapped in a one-event format-2 file and put
// through checkBackup (JSON Schema, time bounds, study day, scheduler parameters). So a sync
// server can send nothing a backup file could not.
import { EVENT_TYPES, type LearnerEvent } from '../events/types';
import { buildBackup } from './format';
import { BackupValidationError, checkBackup, type BackupValidators } from './validate';

export type EventCheckResult = { ok: true; event: LearnerEvent } | { ok: false; path: string; reason: string };

/** The event as the import would store it, or the JSONPath (within the event) of its first bad field. */
export function checkEventLikeImport(raw: unknown, validators: BackupValidators, now: number): EventCheckResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, path: '$', reason: 'not an object' };
  const type = (raw as { type?: unknown }).type;
  if (!(EVENT_TYPES as readonly unknown[]).includes(type)) return { ok: false, path: '$.type', reason: `unknown event type ${JSON.stringify(type)?.slice(0, 40)}` };
  try {
    const file = checkBackup(buildBackup([raw as LearnerEvent], { device: '', deckVersions: {} }, now), validators, now);
    const event = file.events[0];
    if (!event) return { ok: false, path: '$', reason: 'no event' };
    return { ok: true, event };
  } catch (e) {
    if (!(e instanceof BackupValidationError)) return { ok: false, path: '$', reason: e instanceof Error ? e.message : String(e) };
    // `$.ratings[0].dayKey` in the one-event file is `$.dayKey` in the event.
    return { ok: false, path: e.path.replace(/^\$\.[A-Za-z]+\[0\]/, '$'), reason: e.detail };
  }
}

/**
 * Many events, each result what checkEventLikeImport gives for it. They are checked as one file
 * first: the file's checks are those of each event plus one across them (no id twice), so a file
 * that passes says every event passes, for one schema run and one checksum instead of one per
 * event. When the file fails (an event is bad, or two share an id), each is checked alone.
 */
export function checkEventsLikeImport(raws: readonly unknown[], validators: BackupValidators, now: number): EventCheckResult[] {
  const typed = (raw: unknown) => raw !== null && typeof raw === 'object' && !Array.isArray(raw) && (EVENT_TYPES as readonly unknown[]).includes((raw as { type?: unknown }).type);
  if (raws.length > 1 && raws.every(typed)) {
    try {
      const file = checkBackup(buildBackup(raws as LearnerEvent[], { device: '', deckVersions: {} }, now), validators, now);
      const byId = new Map(file.events.map((e) => [e.id, e]));
      const events = raws.map((raw) => byId.get((raw as { id?: unknown }).id as string));
      if (file.events.length === raws.length && events.every((e) => e !== undefined)) return events.map((event) => ({ ok: true, event: event! }));
    } catch (e) {
      if (!(e instanceof BackupValidationError)) throw e;
      // One of them is bad: each is checked alone below, for its own path and reason.
    }
  }
  return raws.map((raw) => checkEventLikeImport(raw, validators, now));
}
