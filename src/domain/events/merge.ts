// Merging events from elsewhere (a backup file, another device) into this device's: set union by
// id. An id already here with the same content is nothing new; with other content it is refused
// (the app never makes two events with one id, so one side is damaged or forged) and the caller
// reports where. Merging is commutative and idempotent, which is what lets devices converge.
import { eventContent } from './canonical';
import type { LearnerEvent } from './types';

export interface EventConflict {
  id: string;
  /** Where the incoming copy is (a JSONPath into the file), as the caller named it. */
  path: string;
}

export interface EventMerge<E extends LearnerEvent = LearnerEvent> {
  /** Incoming events not here yet. */
  added: E[];
  /** Incoming events already here with the same content. */
  known: number;
  conflicts: EventConflict[];
}

/**
 * Compare incoming events with this device's (`local` looks one up by id). Duplicates inside
 * `incoming` must have been refused already (the file check does).
 */
export function mergeEvents<E extends LearnerEvent>(
  local: (id: string) => LearnerEvent | undefined,
  incoming: readonly E[],
  pathOf: (index: number) => string,
): EventMerge<E> {
  const added: E[] = [];
  const conflicts: EventConflict[] = [];
  let known = 0;
  incoming.forEach((e, i) => {
    const here = local(e.id);
    if (here === undefined) added.push(e);
    else if (here.type === e.type && eventContent(here) === eventContent(e)) known += 1;
    else conflicts.push({ id: e.id, path: pathOf(i) });
  });
  return { added, known, conflicts };
}

/** Union of event sets by id (the first copy of an id is kept). */
export function unionEvents(...sets: readonly (readonly LearnerEvent[])[]): LearnerEvent[] {
  const out = new Map<string, LearnerEvent>();
  for (const set of sets) for (const e of set) if (!out.has(e.id)) out.set(e.id, e);
  return [...out.values()];
}
