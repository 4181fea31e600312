// Benchmark of live sync into the app's own event store (src/db/sync-store.ts: Dexie on
// fake-indexeddb in Node, a slower IndexedDB than a browser's), through the dev server: the
// initial sync of 10k (and, with SIZES, more) rating events to an empty device, each pulled event
// checked like a backup import and merged and replayed like one. Prints figures; asserts nothing.
// Run: npx tsx bench/sync-idb.ts   (SIZES=10000,100000 for the big one: minutes on fake-indexeddb)
import { syncEventStore } from '../src/db/sync-store';
import { checkEventLikeImport } from '../src/domain/backup/event-check';
import { validate, validateV1 } from '../src/domain/backup/validator.generated.js';
import { dayKey } from '../src/domain/scheduler/day';
import { DEFAULT_PARAMS } from '../src/domain/scheduler/params';
import { applyReview, newCardState } from '../src/domain/scheduler/scheduler';
import type { Grade } from '../src/domain/scheduler/types';
import type { RatingEvent } from '../src/domain/events/types';
import { Replicator } from '../src/sync/replicator';
import { eventToDoc } from '../src/sync/event-docs';
import { createSeededTestDb } from '../test/db/helpers';
import { createDatabase, DeviceNetwork, startTestServer } from '../test/sync/helpers';

const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);
const DAY = 86_400_000;
const validators = { v1: validateV1, v2: validate };

/** `n` ratings of another device over `cards` cards: each card rated every few days, as the scheduler would. */
function ratings(n: number, cardIds: string[]): RatingEvent[] {
  const out: RatingEvent[] = [];
  const states = new Map(cardIds.map((id) => [id, newCardState()]));
  const params = { ...DEFAULT_PARAMS, enableFuzz: false };
  for (let i = 0; i < n; i++) {
    const cardId = cardIds[i % cardIds.length]!;
    const round = Math.floor(i / cardIds.length);
    const reviewedAt = T0 + round * 2 * DAY + (i % cardIds.length) * 1000;
    const rating = ((i * 7) % 10 === 0 ? 1 : 3) as Grade;
    const input = { rating, reviewedAt, dayKey: dayKey(reviewedAt, 'UTC', 4), params, timeZone: 'UTC', dayStartHour: 4 };
    const before = states.get(cardId)!;
    const next = applyReview(before, input);
    states.set(cardId, next);
    out.push({ id: `bench-${i}`, type: 'rating', at: reviewedAt, device: 'other-device', seq: i + 1, cardId, deckId: 'deck', durationMs: 3000, ...input, prevState: before.state, nextState: next.state, scheduledDays: next.scheduledDays, due: next.due });
  }
  return out;
}

async function initialSync(n: number) {
  const server = await startTestServer();
  try {
    const { db, deck } = await createSeededTestDb(Math.min(2000, Math.max(10, Math.round(n / 50))), T0);
    const url = await createDatabase(server, `bench-idb-${n}`);
    const events = ratings(n, deck.cards.map((c) => c.id));
    const auth = { authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`, 'content-type': 'application/json' };
    for (let i = 0; i < events.length; i += 5000) {
      const res = await fetch(`${url}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: events.slice(i, i + 5000).map(eventToDoc), new_edits: false }) });
      if (!res.ok) throw new Error(`seeding: ${res.status}`);
    }
    const net = new DeviceNetwork();
    let updates = 0;
    const rep = new Replicator({
      dbUrl: url,
      store: syncEventStore(db),
      check: (raw) => checkEventLikeImport(raw, validators, T0 + 10_000 * DAY),
      deviceId: 'bench-phone',
      batchSize: Number(process.env.BATCH ?? 500),
      fetch: net.fetch,
      onStatus: (s) => s.kind === 'syncing' && (updates += 1),
    });
    const t = performance.now();
    rep.start({ name: server.user.name, password: server.user.password });
    for (;;) {
      if (rep.status.kind === 'error') throw new Error(JSON.stringify(rep.status));
      if (rep.status.kind === 'synced' && rep.totals.pulled >= n) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - t;
    await rep.stop();
    const live = await db.reviewLog.count();
    console.log(
      `initial sync of ${n.toLocaleString('en')} events to an empty device (IndexedDB store on fake-indexeddb, checked and replayed): ${(ms / 1000).toFixed(1)} s, ${Math.round(n / (ms / 1000)).toLocaleString('en')} events/s, ${updates} progress updates, ${live.toLocaleString('en')} ratings stored, ${rep.totals.quarantined} refused`,
    );
    db.close();
  } finally {
    await server.close();
  }
}

for (const n of (process.env.SIZES ?? '10000').split(',').map(Number)) await initialSync(n);
process.exit(0);
