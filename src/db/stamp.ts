// This device's identity and event counter (the `meta` table), and appending an event stamped
// with them. Runs inside the caller's read-write transaction (which must include `meta` and the
// table written), so the counter and the event are written together.
import type { EventStamp } from '../domain/events/types';
import type { EventRow, KujiraDB } from './schema';

/** This device's id, made on first use (databases created at version 8 have none yet). */
export async function deviceId(db: KujiraDB): Promise<string> {
  const row = await db.meta.get('device');
  if (row?.key === 'device') return row.value;
  const value = globalThis.crypto.randomUUID();
  await db.meta.put({ key: 'device', value });
  return value;
}

/**
 * This device's id and the next value of its event counter, which is taken (call inside a rw
 * transaction that includes `meta`). One read of both rows: each IndexedDB request is a round trip
 * to the browser's storage process, and a rating waits for each one it makes in turn.
 *
 * Written as a chain of Dexie's own promises, not an async function: Dexie keeps its transaction
 * across native awaits only a few levels deep, and callers (appendEvent) add levels of their own.
 */
export function takeSeq(db: KujiraDB): Promise<{ device: string; seq: number }> {
  return db.meta.bulkGet(['device', 'seq']).then(([deviceRow, seqRow]) => {
    const device = deviceRow?.key === 'device' ? deviceRow.value : globalThis.crypto.randomUUID();
    const seq = (seqRow?.key === 'seq' ? seqRow.value : 0) + 1;
    const rows = deviceRow?.key === 'device' ? [{ key: 'seq' as const, value: seq }] : [{ key: 'device' as const, value: device }, { key: 'seq' as const, value: seq }];
    return db.meta.bulkPut(rows).then(() => ({ device, seq }));
  });
}

/** The stamp of this device's next event (call inside a rw transaction that includes `meta`). */
export function nextStamp(db: KujiraDB, at: number, id: string = globalThis.crypto.randomUUID()): Promise<EventStamp> {
  return takeSeq(db).then(({ device, seq }) => ({ id, at, device, seq }));
}

/** Append an event made on this device (its stamp is allocated here). */
export async function appendEvent<E extends EventRow>(db: KujiraDB, at: number, body: DistributiveOmit<E, keyof EventStamp>): Promise<EventRow> {
  const event = { ...(await nextStamp(db, at)), ...body } as EventRow;
  await db.events.add(event);
  return event;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
