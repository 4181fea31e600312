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

/** The stamp of this device's next event (call inside a rw transaction that includes `meta`). */
export async function nextStamp(db: KujiraDB, at: number, id: string = globalThis.crypto.randomUUID()): Promise<EventStamp> {
  const device = await deviceId(db);
  const row = await db.meta.get('seq');
  const seq = (row?.key === 'seq' ? row.value : 0) + 1;
  await db.meta.put({ key: 'seq', value: seq });
  return { id, at, device, seq };
}

/** Append an event made on this device (its stamp is allocated here). */
export async function appendEvent<E extends EventRow>(db: KujiraDB, at: number, body: DistributiveOmit<E, keyof EventStamp>): Promise<EventRow> {
  const event = { ...(await nextStamp(db, at)), ...body } as EventRow;
  await db.events.add(event);
  return event;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
