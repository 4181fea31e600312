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
 * The JSONPath of the first value nested deeper than `max` levels, or null. Safe on any input that
 * JSON.parse accepted: the walk recurses no deeper than `max`.
 */
export function tooDeepAt(value: unknown, max: number = MAX_DEPTH): string | null {
  if (value === null || typeof value !== 'object') return null;
  // Recursive rather than over a stack of frames: a 100k-entry file has hundreds of thousands of
  // containers, and a frame object (and a closure call) for each was most of the walk's time. The
  // path is spelled out only for the culprit, from the keys gathered on the way back up.
  const culprit: (string | number)[] = [];
  const walk = (v: object, depth: number): boolean => {
    if (depth >= max) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (c !== null && typeof c === 'object' && walk(c, depth + 1)) {
          culprit.push(i);
          return true;
        }
      }
      return false;
    }
    // Keys last to first: the order in which the walk over a stack of frames met them, so the
    // same culprit is named when several values are too deep.
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const c = obj[keys[i]!];
      if (c !== null && typeof c === 'object' && walk(c, depth + 1)) {
        culprit.push(keys[i]!);
        return true;
      }
    }
    return false;
  };
  if (!walk(value, 0)) return null;
  let path = '$';
  for (let i = culprit.length - 1; i >= 0; i--) {
    const k = culprit[i]!;
    path += typeof k === 'number' ? `[${k}]` : pathKey(k);
  }
  return path;
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

/** A string JSON.stringify writes as it is between quotes: no quote, backslash, control character or surrogate. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON.stringify escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify's text of `v` written to `out`, a plain string without copying it into quotes first. */
function writeJson(out: TextSink, v: unknown): void {
  if (typeof v === 'string' && PLAIN.test(v)) {
    out.update('"');
    out.update(v);
    out.update('"');
  } else out.update(json(v));
}

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
  writeJson(out, e.cardId);
  out.update(',"dayKey":');
  writeJson(out, e.dayKey);
  out.update(',"dayStartHour":');
  out.update(num(e.dayStartHour));
  out.update(',"deckId":');
  writeJson(out, e.deckId);
  out.update(',"due":');
  out.update(num(e.due));
  out.update(',"durationMs":');
  out.update(num(e.durationMs));
  out.update(',"id":');
  writeJson(out, e.id);
  out.update(',"nextState":');
  writeJson(out, e.nextState);
  out.update(',"params":');
  out.update(paramsText(e.params));
  out.update(',"prevState":');
  writeJson(out, e.prevState);
  out.update(',"rating":');
  out.update(num(e.rating));
  out.update(',"reviewedAt":');
  out.update(num(e.reviewedAt));
  out.update(',"scheduledDays":');
  out.update(num(e.scheduledDays));
  out.update(',"timeZone":');
  writeJson(out, e.timeZone);
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
  writeJson(out, e.device);
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
