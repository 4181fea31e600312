// A version-1 backup (rows) as events, so old files import through the same merge as new ones.
// The events made here have ids derived from their content and no origin (device '', seq 0), so
// importing the same old file twice, or on two devices, makes the same events. Those without a
// time of their own are stamped 0, older than anything: a suspension or setting the learner
// changes afterwards (a real event) always wins over what an old file said.
import { stableStringify } from '../events/canonical';
import { SETTINGS_FIELDS, UNKNOWN_DEVICE, type LearnerEvent, type SettingsValues } from '../events/types';
import type { BackupV1 } from './format-v1';
import { Hasher } from './hasher';

import { v1LessonId, v1SuspendId } from './v1-ids';

export { v1LessonId, v1SuspendId };
export const v1SettingsId = (settings: Partial<SettingsValues>) => `v1-settings:${new Hasher().update(stableStringify(settings)).hex()}`;

const origin = { device: UNKNOWN_DEVICE, seq: 0 } as const;

/** The settings as one event stamped 0 (any setting changed on this device since wins). */
export function settingsEventOfV1(settings: Partial<SettingsValues>): LearnerEvent {
  const changes: Partial<SettingsValues> = {};
  // Settings added after version 1 (load balancing, easy days) are absent from old files.
  for (const k of SETTINGS_FIELDS) if (settings[k] !== undefined) (changes as Record<string, unknown>)[k] = settings[k];
  return { id: v1SettingsId(settings), at: 0, ...origin, type: 'settings', changes };
}

/** Every record of an old file as events, each with the JSONPath of the row it came from. */
export function eventsOfV1(b: BackupV1): [LearnerEvent, string][] {
  const out: [LearnerEvent, string][] = [];
  b.reviewLog.forEach((e, i) => out.push([{ ...e, type: 'rating', at: e.reviewedAt, ...origin }, `$.reviewLog[${i}]`]));
  b.quizResults.forEach((q, i) =>
    out.push([{ ...q, type: 'quiz', at: q.finishedAt ?? q.startedAt, ...origin, questions: q.questions as never }, `$.quizResults[${i}]`]),
  );
  // A lesson or card listed twice in an old file is one event (version 1 did not forbid it).
  const seen = new Set<string>();
  const once = (id: string) => !seen.has(id) && (seen.add(id), true);
  b.onboarding.forEach((o, i) =>
    o.completed.forEach((lessonId, j) =>
      once(v1LessonId(o.deckId, lessonId)) &&
      out.push([
        { id: v1LessonId(o.deckId, lessonId), at: 0, ...origin, type: 'lesson', deckId: o.deckId, lessonId, result: null },
        `$.onboarding[${i}].completed[${j}]`,
      ]),
    ),
  );
  b.suspended.forEach((cardId, i) =>
    once(v1SuspendId(cardId)) &&
    out.push([{ id: v1SuspendId(cardId), at: 0, ...origin, type: 'suspend', cardId, suspended: true }, `$.suspended[${i}]`]),
  );
  if (b.settings) out.push([settingsEventOfV1(b.settings), '$.settings']);
  return out;
}
