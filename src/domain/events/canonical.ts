// Canonical text of JSON values and events: the same value always gives the same text (object
// keys sorted), for checksums and to tell whether two copies of an event id hold the same event.
// Depth-limited and iterative over arrays, so a crafted, deeply nested value is refused with a
// typed error instead of overflowing the stack.
import { copyParams, sameParams } from '../scheduler/fsrs-engine';
import type { SchedulerParams } from '../scheduler/types';
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
/** JSON text of any value, as a template literal would spell `${JSON.stringify(v)}`. */
const json = (v: unknown): string => String(j(v));
/** JSON.stringify's text of a number (the same for every finite one), without its generic walk. */
const num = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : json(v));

/**
 * Where canonical text is written: a Hasher (checksums), or a string being built. Fed in small
 * pieces: a checksum over 100,000 events hashes each piece as it is, where one string per event
 * would first be concatenated and then copied flat to be read (in Chromium that doubled the
 * checksum's time).
 */
export interface TextSink {
  update(text: string): unknown;
}

class TextBuilder implements TextSink {
  text = '';
  update(text: string): this {
    this.text += text;
    return this;
  }
}

// A log carries the same scheduler parameters in thousands of entries in a row (a fresh object
// per entry): the text of the last set is kept and reused while the values are the same.
let lastParams: SchedulerParams | null = null;
let lastParamsText = '';

function paramsText(p: SchedulerParams): string {
  // Lists only: an event not yet checked (a sync server's, wrapped in a file to be checked) may
  // hold anything there, and its text must still be JSON.stringify's.
  const lists = Array.isArray(p.learningSteps) && Array.isArray(p.relearningSteps) && (p.weights === undefined || Array.isArray(p.weights));
  if (lists && lastParams && sameParams(p, lastParams)) return lastParamsText;
  const text = `{"desiredRetention":${num(p.desiredRetention)},"enableFuzz":${json(p.enableFuzz)},"learningSteps":${json(p.learningSteps)},"maximumInterval":${num(p.maximumInterval)},"relearningSteps":${json(p.relearningSteps)}${p.weights !== undefined ? `,"weights":${json(p.weights)}` : ''}}`;
  if (lists) {
    lastParams = copyParams(p);
    lastParamsText = text;
  }
  return text;
}

/**
 * The content of a rating (what replay and statistics read), fields in a fixed order, written to
 * `out`: spelled out by hand because it runs for every entry of a 100k-entry file.
 */
export function writeRatingContent(out: TextSink, e: Omit<RatingEvent, 'type' | 'at' | 'device' | 'seq'>): void {
  out.update('{"cardId":');
  out.update(json(e.cardId));
  out.update(',"dayKey":');
  out.update(json(e.dayKey));
  out.update(',"dayStartHour":');
  out.update(num(e.dayStartHour));
  out.update(',"deckId":');
  out.update(json(e.deckId));
  out.update(',"due":');
  out.update(num(e.due));
  out.update(',"durationMs":');
  out.update(num(e.durationMs));
  out.update(',"id":');
  out.update(json(e.id));
  out.update(',"nextState":');
  out.update(json(e.nextState));
  out.update(',"params":');
  out.update(paramsText(e.params));
  out.update(',"prevState":');
  out.update(json(e.prevState));
  out.update(',"rating":');
  out.update(num(e.rating));
  out.update(',"reviewedAt":');
  out.update(num(e.reviewedAt));
  out.update(',"scheduledDays":');
  out.update(num(e.scheduledDays));
  out.update(',"timeZone":');
  out.update(json(e.timeZone));
  out.update('}');
}

/** eventContent's text, written to `out`. */
function writeEventContent(out: TextSink, e: LearnerEvent): void {
  if (e.type === 'rating') {
    out.update('rating|');
    out.update(String(e.at));
    out.update('|');
    writeRatingContent(out, e);
    return;
  }
  const { device: _d, seq: _s, ...rest } = e;
  out.update(stableStringify(rest));
}

/**
 * What makes an event the event it is: everything but who stored it (device, seq). Two copies of
 * an id with the same content are the same event, whichever device each copy says it came from
 * (an old log migrated on this device, re-imported from a version-1 file, has no origin there).
 */
export function eventContent(e: LearnerEvent): string {
  const b = new TextBuilder();
  writeEventContent(b, e);
  return b.text;
}

/** The whole event, stamp included (checksums), written to `out`. */
export function writeCanonicalEvent(out: TextSink, e: LearnerEvent): void {
  out.update(json(e.device));
  out.update('|');
  out.update(String(e.seq));
  out.update('|');
  writeEventContent(out, e);
}

/** The whole event, stamp included, as one string (see writeCanonicalEvent). */
export function canonicalEvent(e: LearnerEvent): string {
  const b = new TextBuilder();
  writeCanonicalEvent(b, e);
  return b.text;
}
