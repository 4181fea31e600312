// Canonical text of JSON values and events: the same value always gives the same text (object
// keys sorted), for checksums and to tell whether two copies of an event id hold the same event.
// Depth-limited and iterative over arrays, so a crafted, deeply nested value is refused with a
// typed error instead of overflowing the stack.
import type { LearnerEvent, RatingEvent } from './types';

/** Deepest nesting accepted anywhere in a backup or an event (the deepest real field is at 6). */
export const MAX_DEPTH = 32;

export class TooDeepError extends Error {
  /** JSONPath of the first value nested deeper than MAX_DEPTH. */
  readonly path: string;
  constructor(path: string) {
    super(`Nested deeper than ${MAX_DEPTH} levels at ${path}`);
    this.name = 'TooDeepError';
    this.path = path;
  }
}

const pathKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);

/**
 * The JSONPath of the first value nested deeper than `max` levels, or null. Iterative: safe on
 * any input that JSON.parse accepted.
 */
export function tooDeepAt(value: unknown, max: number = MAX_DEPTH): string | null {
  // Containers only, each with its parent and key: the path is spelled out only for the culprit
  // (a 100k-entry file has millions of values; building a path string for each would dominate).
  interface Frame {
    v: object;
    depth: number;
    parent: Frame | null;
    key: string | number;
  }
  const stack: Frame[] = [];
  const push = (v: unknown, depth: number, parent: Frame | null, key: string | number) => {
    if (v !== null && typeof v === 'object') stack.push({ v, depth, parent, key });
  };
  push(value, 0, null, '$');
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.depth >= max) {
      let path = '';
      for (let g: Frame | null = f; g !== null && g.parent !== null; g = g.parent) path = (typeof g.key === 'number' ? `[${g.key}]` : pathKey(g.key)) + path;
      return `$${path}`;
    }
    if (Array.isArray(f.v)) {
      for (let i = f.v.length - 1; i >= 0; i--) push(f.v[i], f.depth + 1, f, i);
    } else {
      const obj = f.v as Record<string, unknown>;
      for (const k in obj) push(obj[k], f.depth + 1, f, k);
    }
  }
  return null;
}

/** JSON with object keys sorted at every level. Throws TooDeepError past MAX_DEPTH. */
export function stableStringify(value: unknown, depth = 0, path = '$'): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= MAX_DEPTH) throw new TooDeepError(path);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + stableStringify(value[i], depth + 1, `${path}[${i}]`);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k], depth + 1, path + pathKey(k))}`).join(',')}}`;
}

const j = JSON.stringify;

/**
 * The content of a rating (what replay and statistics read), fields in a fixed order: written
 * out by hand because it runs for every entry of a 100k-entry file.
 */
export function canonicalRatingContent(e: Omit<RatingEvent, 'type' | 'at' | 'device' | 'seq'>): string {
  const p = e.params;
  const params = `{"desiredRetention":${j(p.desiredRetention)},"enableFuzz":${j(p.enableFuzz)},"learningSteps":${j(p.learningSteps)},"maximumInterval":${j(p.maximumInterval)},"relearningSteps":${j(p.relearningSteps)}${p.weights !== undefined ? `,"weights":${j(p.weights)}` : ''}}`;
  return `{"cardId":${j(e.cardId)},"dayKey":${j(e.dayKey)},"dayStartHour":${j(e.dayStartHour)},"deckId":${j(e.deckId)},"due":${j(e.due)},"durationMs":${j(e.durationMs)},"id":${j(e.id)},"nextState":${j(e.nextState)},"params":${params},"prevState":${j(e.prevState)},"rating":${j(e.rating)},"reviewedAt":${j(e.reviewedAt)},"scheduledDays":${j(e.scheduledDays)},"timeZone":${j(e.timeZone)}}`;
}

/**
 * What makes an event the event it is: everything but who stored it (device, seq). Two copies of
 * an id with the same content are the same event, whichever device each copy says it came from
 * (an old log migrated on this device, re-imported from a version-1 file, has no origin there).
 */
export function eventContent(e: LearnerEvent): string {
  if (e.type === 'rating') return `rating|${e.at}|${canonicalRatingContent(e)}`;
  const { device: _d, seq: _s, ...rest } = e;
  return stableStringify(rest);
}

/** The whole event, stamp included (checksums). */
export function canonicalEvent(e: LearnerEvent): string {
  return `${j(e.device)}|${e.seq}|${eventContent(e)}`;
}
