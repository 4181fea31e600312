// What each document pulled from the server is, decided without I/O: an event to add (checked by
// the injected validator), a deck's sources for the store, or an entry for the quarantine: bad for
// good (not a Kujira document, over the byte cap, an event that fails the check) or held until its
// time, because it claims a moment too far past this device's clock (a peer's clock is a claim).
// pull.ts does the reading and the writing around it.
import type { ChangesResult } from './couch-client';
import { readDoc } from './event-docs';
import { CLOCK_TOLERANCE_MS, heldUntil, latestStampOf } from '../domain/events/clock-bounds';
import type { EventBatchCheck, EventCheck, QuarantinedEvent, SyncDeckSource, SyncEvent } from './types';

/** One _changes entry; `tooLarge`: over the byte cap alone, read without its document (pull.ts). */
export type PulledChange = ChangesResult['results'][number] & { tooLarge?: boolean };

export interface PulledDeck {
  deck: SyncDeckSource;
  docId: string;
  rev: string;
  doc: unknown;
}

export interface ClassifiedDocs {
  /** For the store, each id once (events it holds already included: it refuses one whose content differs). */
  events: SyncEvent[];
  decks: PulledDeck[];
  /** Quarantined, or held until their `until`. */
  quarantined: QuarantinedEvent[];
}

const SAMPLE_CHARS = 4000;

const iso = (ms: number): string => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

/** A document's JSON, cut to 4,000 characters, for a person to look at. */
export function sample(doc: unknown): string {
  try {
    const s = JSON.stringify(doc) ?? String(doc);
    return s.length > SAMPLE_CHARS ? `${s.slice(0, SAMPLE_CHARS)}…` : s;
  } catch {
    return '(not serialisable)';
  }
}

/** A document refused for good: why, where, and a sample of it. */
export function quarantineEntry(docId: string, rev: string, path: string, reason: string, receivedAt: number, doc: unknown): QuarantinedEvent {
  return { docId, rev, path, reason, receivedAt, sample: sample(doc) };
}

/**
 * Sorts pulled documents (from _changes, or held ones now due). `known`: the ids the store holds
 * already (this device's own, echoed back), which skip the check and the clock bound.
 */
export function classifyPulled(
  results: readonly PulledChange[],
  known: ReadonlySet<string>,
  { now, check, checkMany, maxBatchBytes }: { now: number; check: EventCheck; checkMany?: EventBatchCheck; maxBatchBytes: number },
): ClassifiedDocs {
  const events: SyncEvent[] = [];
  const decks: PulledDeck[] = [];
  const quarantined: QuarantinedEvent[] = [];
  const seen = new Set<string>();
  /** A claim about time more than the tolerance past this device's clock: held, with the whole document, until then. */
  const hold = (docId: string, rev: string, path: string, at: number, until: number, doc: unknown) =>
    quarantined.push({
      docId,
      rev,
      path,
      reason: `stamped ${iso(at)}, more than ${CLOCK_TOLERANCE_MS / 60_000} minutes past this device's clock: held until ${iso(until)}`,
      receivedAt: now,
      sample: sample(doc),
      until,
      doc: JSON.stringify(doc),
    });
  const readings = results.map((change) => ((change as PulledChange).tooLarge ? null : readDoc(change?.doc)));
  // The events to check (neither held here already nor held back for their time), checked at once.
  const toCheck: number[] = [];
  readings.forEach((reading, i) => {
    if (reading?.kind !== 'event' || known.has((reading.event as { id: string }).id)) return;
    const stamp = latestStampOf(reading.event);
    if (!stamp || heldUntil(stamp.at, now) === null) toCheck.push(i);
  });
  const raws = toCheck.map((i) => (readings[i] as { event: unknown }).event);
  const checkResults = checkMany ? checkMany(raws) : raws.map(check);
  const checkedAt = new Map(toCheck.map((i, k) => [i, checkResults[k]!]));
  for (const [i, change] of results.entries()) {
    const reading = readings[i];
    if (reading === null || reading === undefined) {
      const rev = String(change.changes?.[0]?.rev ?? '').slice(0, 100);
      quarantined.push({ docId: String(change.id).slice(0, 200), rev, path: '$', reason: `larger than ${maxBatchBytes} bytes: not read`, receivedAt: now, sample: '' });
      continue;
    }
    const doc = change?.doc;
    const docId = String((doc as { _id?: unknown } | undefined)?._id ?? change?.id ?? '').slice(0, 200);
    const rev = String((doc as { _rev?: unknown } | undefined)?._rev ?? '').slice(0, 100);
    if (reading.kind === 'skip') continue;
    if (reading.kind === 'deck') {
      const until = heldUntil(reading.deck.at, now);
      if (until !== null) hold(docId, rev, '$.deck.at', reading.deck.at, until, doc);
      else decks.push({ deck: reading.deck, docId, rev, doc });
      continue;
    }
    if (reading.kind === 'bad') {
      quarantined.push(quarantineEntry(docId, rev, reading.path, reading.reason, now, doc));
      continue;
    }
    const id = (reading.event as { id: string }).id;
    if (known.has(id)) {
      if (!seen.has(id)) events.push(reading.event as SyncEvent);
      seen.add(id);
      continue;
    }
    const stamp = latestStampOf(reading.event);
    const until = stamp ? heldUntil(stamp.at, now) : null;
    if (stamp && until !== null) {
      hold(docId, rev, `$.event.${stamp.field}`, stamp.at, until, doc);
      continue;
    }
    const checked = checkedAt.get(i)!;
    if (!checked.ok) {
      quarantined.push(quarantineEntry(docId, rev, `$.event${checked.path.replace(/^\$/, '')}`, checked.reason, now, doc));
      continue;
    }
    if (seen.has(checked.event.id)) continue;
    seen.add(checked.event.id);
    events.push(checked.event);
  }
  return { events, decks, quarantined };
}
