// How an event travels as a CouchDB document: `{_id: event id, _rev: "1-<hash>", kujira: 1, event}`.
// The revision is derived from the event's content (a 128-bit hash of its canonical JSON), so every device
// writes the same revision for the same event: pushing it twice, or from two devices, is a no-op and
// never a conflict. A pulled document whose revision does not match its content was changed on the
// server after it was written (events are immutable) and is quarantined.
import type { CouchDoc } from './couch-client';
import type { SyncDeckSource, SyncEvent } from './types';

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

/**
 * cyrb128 (128 bits, as 32 hex digits, CouchDB's revision hash length). Synchronous and fast:
 * crypto.subtle's SHA-256 costs ~0.2 ms a call in promise overhead, 20 s for 100k events. Not a
 * security measure (anyone who can write the database can compute it); it makes one event one
 * revision everywhere and shows an event that was edited in place.
 */
function hash128(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The revision every device gives this event. */
export function eventRev(event: SyncEvent): string {
  return `1-${hash128(canonicalJson(event))}`;
}

export function eventToDoc(event: SyncEvent): CouchDoc {
  if (!EVENT_ID.test(event.id)) throw new RangeError(`event id ${JSON.stringify(event.id).slice(0, 60)} cannot be a document id`);
  return { _id: event.id, _rev: eventRev(event), kujira: DOC_FORMAT, event };
}

/** The highest deck version counter accepted (a version near 2^53 would leave no room for a newer one). */
export const MAX_DECK_VERSION = 1_000_000_000;

/**
 * Where a deck's sources travel: one immutable document per deck version, named by its counter
 * and content (`deck:<id>:<version>:<hash>`; documents from before the counter have no version part).
 */
export function deckDocId(deck: SyncDeckSource): string {
  const hash = hash128(canonicalJson(deck.files)).slice(0, 16);
  return deck.version ? `deck:${deck.id}:${deck.version}:${hash}` : `deck:${deck.id}:${hash}`;
}

export function deckToDoc(deck: SyncDeckSource): CouchDoc {
  return { _id: deckDocId(deck), _rev: `1-${hash128(canonicalJson(deck))}`, kujira: DOC_FORMAT, deck };
}

export type DocReading =
  | { kind: 'event'; event: unknown }
  /** A deck's Markdown sources (checked by the store, which compiles them). */
  | { kind: 'deck'; deck: SyncDeckSource }
  /** Not an event document (a design document, a tombstone): not ours to apply, not an error. */
  | { kind: 'skip' }
  | { kind: 'bad'; path: string; reason: string };

/** The event inside a pulled document, before the event check. */
export function readDoc(doc: unknown): DocReading {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { kind: 'bad', path: '$', reason: 'not a document' };
  const d = doc as Partial<CouchDoc> & { kujira?: unknown; event?: unknown };
  if (typeof d._id !== 'string' || typeof d._rev !== 'string') return { kind: 'bad', path: '$._id', reason: 'no _id or _rev' };
  if (d._id.startsWith('_design/')) return { kind: 'skip' };
  // The app never deletes an event; a deletion made on the server is not replayed as one.
  if (d._deleted === true) return { kind: 'skip' };
  // Two versions of one immutable document (a second first revision written in replication mode):
  // which one the server shows is its arbitrary pick, so neither is applied, on any device.
  const conflicts = (d as { _conflicts?: unknown })._conflicts;
  if (conflicts !== undefined && !(Array.isArray(conflicts) && conflicts.length === 0)) {
    return { kind: 'bad', path: '$._conflicts', reason: `the server holds ${Array.isArray(conflicts) ? conflicts.length + 1 : 'several'} versions of this document (documents are immutable: one was tampered with)` };
  }
  if (d.kujira !== DOC_FORMAT) return { kind: 'bad', path: '$.kujira', reason: `not a Kujira event document (format ${JSON.stringify(d.kujira)?.slice(0, 20)})` };
  const ev = d.event;
  if (ev === undefined && 'deck' in d) return readDeckDoc(d as CouchDoc);
  if (ev === null || typeof ev !== 'object' || Array.isArray(ev)) return { kind: 'bad', path: '$.event', reason: 'no event' };
  if ((ev as { id?: unknown }).id !== d._id) return { kind: 'bad', path: '$.event.id', reason: 'the event id differs from the document id' };
  let rev: string;
  try {
    rev = eventRev(ev as SyncEvent);
  } catch (e) {
    return { kind: 'bad', path: '$.event', reason: e instanceof Error ? e.message : String(e) };
  }
  if (rev !== d._rev) return { kind: 'bad', path: '$._rev', reason: 'changed on the server after it was written (events are immutable)' };
  return { kind: 'event', event: ev };
}

function readDeckDoc(d: CouchDoc): DocReading {
  const deck = d.deck as Partial<SyncDeckSource> | null;
  if (deck === null || typeof deck !== 'object' || Array.isArray(deck)) return { kind: 'bad', path: '$.deck', reason: 'not a deck' };
  if (typeof deck.id !== 'string' || !EVENT_ID.test(deck.id)) return { kind: 'bad', path: '$.deck.id', reason: 'not a deck id' };
  if (typeof deck.at !== 'number' || !Number.isFinite(deck.at)) return { kind: 'bad', path: '$.deck.at', reason: 'not a time' };
  if (deck.version !== undefined && !(Number.isSafeInteger(deck.version) && deck.version >= 0 && deck.version <= MAX_DECK_VERSION)) {
    return { kind: 'bad', path: '$.deck.version', reason: `not a version counter (0..${MAX_DECK_VERSION})` };
  }
  if (!Array.isArray(deck.files)) return { kind: 'bad', path: '$.deck.files', reason: 'no files' };
  let doc: CouchDoc;
  try {
    doc = deckToDoc(deck as SyncDeckSource);
  } catch (e) {
    return { kind: 'bad', path: '$.deck', reason: e instanceof Error ? e.message : String(e) };
  }
  if (doc._id !== d._id) return { kind: 'bad', path: '$._id', reason: 'the document id does not name these sources' };
  if (doc._rev !== d._rev) return { kind: 'bad', path: '$._rev', reason: 'changed on the server after it was written (deck versions are immutable)' };
  return { kind: 'deck', deck: deck as SyncDeckSource };
}
