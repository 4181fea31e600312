// How an event travels as a CouchDB document: `{_id: event id, _rev: "1-<hash>", kujira: 1, event}`.
// The revision is derived from the event's content (SHA-256 of its canonical JSON), so every device
// writes the same revision for the same event: pushing it twice, or from two devices, is a no-op and
// never a conflict. A pulled document whose revision does not match its content was changed on the
// server after it was written (events are immutable) and is quarantined.
import type { CouchDoc } from './couch-client';
import type { SyncEvent } from './types';

export const DOC_FORMAT = 1;
/** Event ids travel as document ids: printable ASCII, not starting with `_` (reserved by CouchDB). */
export const EVENT_ID = /^[\x21-\x5e\x60-\x7e][\x21-\x7e]{0,199}$/;
const MAX_DEPTH = 32;

/** JSON with sorted keys; refuses nesting deeper than 32 (a hostile document must not overflow the stack). */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new RangeError(`nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k], depth + 1)}`).join(',')}}`;
}

async function sha256Hex32(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const b of new Uint8Array(digest, 0, 16)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The revision every device gives this event. */
export async function eventRev(event: SyncEvent): Promise<string> {
  return `1-${await sha256Hex32(canonicalJson(event))}`;
}

export async function eventToDoc(event: SyncEvent): Promise<CouchDoc> {
  if (!EVENT_ID.test(event.id)) throw new RangeError(`event id ${JSON.stringify(event.id).slice(0, 60)} cannot be a document id`);
  return { _id: event.id, _rev: await eventRev(event), kujira: DOC_FORMAT, event };
}

export type DocReading =
  | { kind: 'event'; event: unknown }
  /** Not an event document (a design document, a tombstone): not ours to apply, not an error. */
  | { kind: 'skip' }
  | { kind: 'bad'; path: string; reason: string };

/** The event inside a pulled document, before the event check. */
export async function readDoc(doc: unknown): Promise<DocReading> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { kind: 'bad', path: '$', reason: 'not a document' };
  const d = doc as Partial<CouchDoc> & { kujira?: unknown; event?: unknown };
  if (typeof d._id !== 'string' || typeof d._rev !== 'string') return { kind: 'bad', path: '$._id', reason: 'no _id or _rev' };
  if (d._id.startsWith('_design/')) return { kind: 'skip' };
  // The app never deletes an event; a deletion made on the server is not replayed as one.
  if (d._deleted === true) return { kind: 'skip' };
  if (d.kujira !== DOC_FORMAT) return { kind: 'bad', path: '$.kujira', reason: `not a Kujira event document (format ${JSON.stringify(d.kujira)?.slice(0, 20)})` };
  const ev = d.event;
  if (ev === null || typeof ev !== 'object' || Array.isArray(ev)) return { kind: 'bad', path: '$.event', reason: 'no event' };
  if ((ev as { id?: unknown }).id !== d._id) return { kind: 'bad', path: '$.event.id', reason: 'the event id differs from the document id' };
  let rev: string;
  try {
    rev = await eventRev(ev as SyncEvent);
  } catch (e) {
    return { kind: 'bad', path: '$.event', reason: e instanceof Error ? e.message : String(e) };
  }
  if (rev !== d._rev) return { kind: 'bad', path: '$._rev', reason: 'changed on the server after it was written (events are immutable)' };
  return { kind: 'event', event: ev };
}
