// The data upgrades of the schema's versions (db/schema.ts declares the tables and indexes of
// every version and calls these): what a version does to the rows the one before it left. Like
// the versions, they are only added, never edited once released: a database may meet any of them.
import type { Transaction } from 'dexie';
import { SETTINGS_FIELDS, UNKNOWN_DEVICE } from '../domain/events/types';
import type { SettingsEvent } from '../domain/events/types';
import { v1SuspendId } from '../domain/backup/v1-ids';
import type { AppFlagRow, CardStateRow, EventRow, OnboardingRow, ReviewLogRow, SettingsRow } from './schema';

/**
 * Versions 1 and 2 kept the welcome flag in an onboarding row under this key, which is not a deck
 * id; version 3 moved it to the appFlags table. Kept so old databases and backups can be read.
 */
export const LEGACY_APP_ROW_ID = '~app';

/** Version 2: every onboarding row carries the whole progress. */
export function fillOnboardingProgress(tx: Transaction) {
  return tx
    .table('onboarding')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      if (row.deckId === LEGACY_APP_ROW_ID) return;
      row.cardIndex ??= 0;
      row.results ??= {};
      row.unlockAll ??= false;
      row.startedAt ??= null;
    });
}

/** Version 3: the welcome flag moves out of the '~app' onboarding row into appFlags. */
export async function moveWelcomeFlag(tx: Transaction): Promise<void> {
  const legacy = (await tx.table('onboarding').get(LEGACY_APP_ROW_ID)) as
    | { welcomeSeen?: unknown; updatedAt?: unknown }
    | undefined;
  if (!legacy) return;
  const flag: AppFlagRow = {
    id: 'welcomeSeen',
    value: legacy.welcomeSeen === true,
    updatedAt: typeof legacy.updatedAt === 'number' ? legacy.updatedAt : 0,
  };
  await tx.table('appFlags').put(flag);
  await tx.table('onboarding').delete(LEGACY_APP_ROW_ID);
}

/** Version 8: the learner's record becomes immutable events, once. */
export async function recordAsEvents(tx: Transaction): Promise<void> {
  const device = globalThis.crypto.randomUUID();
  let seq = 0;
  const stamp = (id: string, at: number) => ({ id, at, device, seq: ++seq });
  // Ratings in time order become this device's first events (its sequence follows time). Sorted
  // here, in the order the reviewedAt index gave (time, then id), because version 11 drops that
  // index: this upgrade must not depend on which indexes a later version keeps.
  const log = ((await tx.table('reviewLog').toArray()) as ReviewLogRow[]).sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await tx.table('reviewLog').bulkPut(log.map((r) => ({ ...r, device, seq: ++seq })));
  const events: EventRow[] = [];
  // A suspension's time is unknown: stamped 0 with no origin, the same event a version-1
  // backup of this device makes, so importing such a file later finds it already here.
  for (const st of (await tx.table('cardStates').toArray()) as CardStateRow[]) {
    if (st.suspended) events.push({ id: v1SuspendId(st.cardId), at: 0, device: UNKNOWN_DEVICE, seq: 0, type: 'suspend', cardId: st.cardId, suspended: true });
  }
  // Settings saved here: stamped 1, after anything a version-1 file says (0), before any
  // change made from now on.
  const settings = (await tx.table('settings').get('settings')) as SettingsRow | undefined;
  if (settings) {
    const changes: Record<string, unknown> = {};
    for (const k of SETTINGS_FIELDS) if (settings[k] !== undefined) changes[k] = settings[k];
    events.push({ ...stamp(`migrated-settings:${device}`, 1), type: 'settings', changes: changes as SettingsEvent['changes'] });
  }
  // The welcome flag (moved to appFlags by version 3).
  const welcome = (await tx.table('appFlags').get('welcomeSeen')) as AppFlagRow | undefined;
  if (welcome) events.push({ ...stamp(`migrated-flag:welcome-seen:${device}`, 1), type: 'flag', key: 'welcome-seen', value: welcome.value === true });
  for (const row of (await tx.table('onboarding').toArray()) as OnboardingRow[]) {
    if (row.deckId === LEGACY_APP_ROW_ID) continue;
    for (const lessonId of Array.isArray(row.completed) ? row.completed : []) {
      const r = row.results?.[lessonId];
      const n = (x: unknown, min: number) => (typeof x === 'number' && Number.isFinite(x) ? Math.max(min, Math.round(x)) : min);
      // A completion time before 2000 is not one: stamped 0 (unknown) like a version-1 file's.
      const at = n(r?.completedAt, 0) >= Date.UTC(2000, 0, 1) ? n(r?.completedAt, 0) : 0;
      events.push({
        ...stamp(`migrated-lesson:${row.deckId}:${lessonId}`, at),
        type: 'lesson',
        deckId: row.deckId,
        lessonId,
        result: r ? { score: n(r.score, 0), total: Math.max(n(r.total, 0), n(r.score, 0)), durationMs: n(r.durationMs, 0), attempts: n(r.attempts, 1) } : null,
      });
    }
    if (row.unlockAll) {
      events.push({ ...stamp(`migrated-flag:unlock-all:${row.deckId}:${device}`, 1), type: 'flag', key: `unlock-all:${row.deckId}`, value: true });
    }
  }
  await tx.table('events').bulkAdd(events);
  await tx.table('meta').bulkPut([
    { key: 'device', value: device },
    { key: 'seq', value: seq },
  ]);
}
