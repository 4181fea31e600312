// How pulled documents are sorted (src/sync/pulled-docs.ts), without a server or a store: events to
// add (each once), decks for the store, and what goes to the quarantine: broken, over the byte
// cap, failing the check, or held because it claims a time too far past this device's clock.
import { describe, expect, it } from 'vitest';
import { classifyPulled, type PulledChange } from '../../src/sync/pulled-docs';
import { deckToDoc, eventToDoc } from '../../src/sync/event-docs';
import { checkTestEvent, ratingEvent, voidEvent } from './events';

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const HOUR = 3_600_000;
const how = { now: NOW, check: checkTestEvent, maxBatchBytes: 1_000 };

const change = (doc: unknown, id = (doc as { _id?: string })._id ?? '?'): PulledChange => ({ seq: null, id, changes: [{ rev: '1-x' }], doc });

describe('classifyPulled', () => {
  it('passes checked events once each, and hands decks to the store', () => {
    const r1 = ratingEvent('r1', 'docker:ps', 3, NOW - HOUR);
    const deck = { id: 'my-deck', at: NOW - HOUR, version: 2, files: [] };
    const sorted = classifyPulled([change(eventToDoc(r1)), change(eventToDoc(r1)), change(deckToDoc(deck)), change({ _id: '_design/kujira', _rev: '1-a' })], new Set(), how);
    expect(sorted.events).toEqual([r1]);
    expect(sorted.decks.map((d) => d.deck)).toEqual([deck]);
    expect(sorted.quarantined).toEqual([]);
  });

  it('quarantines a tampered document, one over the byte cap and an event that fails the check', () => {
    const tampered = { ...eventToDoc(voidEvent('v1', 'r1', NOW - HOUR)), _rev: '1-00000000000000000000000000000000' };
    const failing = voidEvent('v2', 'r1', -5);
    const sorted = classifyPulled([change(tampered), { ...change(null, 'huge'), tooLarge: true }, change(eventToDoc(failing))], new Set(), how);
    expect(sorted.events).toEqual([]);
    expect(sorted.quarantined.map((q) => [q.docId, q.path, q.receivedAt])).toEqual([
      ['v1', '$._rev', NOW],
      ['huge', '$', NOW],
      ['v2', '$.event.at', NOW],
    ]);
    expect(sorted.quarantined[1]!.reason).toMatch(/larger than 1000 bytes/);
  });

  it('holds an event stamped past the tolerance until its time, with the whole document', () => {
    const future = voidEvent('v3', 'r1', NOW + 2 * HOUR);
    const [held] = classifyPulled([change(eventToDoc(future))], new Set(), how).quarantined;
    expect(held).toMatchObject({ docId: 'v3', path: '$.event.at', until: NOW + 2 * HOUR - 10 * 60_000 });
    expect(JSON.parse(held!.doc!)).toEqual(eventToDoc(future));
  });

  it('lets an event the store already holds through unchecked (the store compares its content)', () => {
    const own = voidEvent('v4', 'r1', NOW + 2 * HOUR);
    expect(classifyPulled([change(eventToDoc(own))], new Set(['v4']), how)).toEqual({ events: [own], decks: [], quarantined: [] });
  });

  it('checks a batch at once when it can, with the same outcome, and only the events that need it', () => {
    const mine = ratingEvent('mine', 'docker:ps', 3, NOW - 2 * HOUR);
    const docs = [
      change(eventToDoc(mine)),
      change(eventToDoc(ratingEvent('r1', 'docker:ps', 3, NOW - HOUR))),
      change(eventToDoc(voidEvent('v2', 'r1', -5))),
      change(eventToDoc(voidEvent('v3', 'r1', NOW + 2 * HOUR))),
      change(eventToDoc(voidEvent('v4', 'r1', NOW - HOUR))),
    ];
    const asked: unknown[][] = [];
    const checkMany = (raws: readonly unknown[]) => {
      asked.push([...raws]);
      return raws.map(checkTestEvent);
    };
    const known = new Set(['mine']);
    const once = classifyPulled(docs, known, { ...how, checkMany });
    expect(once).toEqual(classifyPulled(docs, known, how));
    // Neither the event held here already nor the one held back for its time is checked.
    expect(asked.map((raws) => raws.map((r) => (r as { id: string }).id))).toEqual([['r1', 'v2', 'v4']]);
    expect(once.events.map((e) => e.id)).toEqual(['mine', 'r1', 'v4']);
  });
});
