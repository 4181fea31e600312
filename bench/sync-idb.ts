// Benchmark of live sync into the app's own event store (src/db/sync-store.ts: Dexie on
// fake-indexeddb in Node, a slower IndexedDB than a browser's), through the dev server: the
// initial sync of 10k (and, with SIZES, more) rating events to an empty device, each pulled event
// checked like a backup import and merged and replayed like one, with where the time went (the
// server's answers, the check, each store method). Prints figures; asserts nothing.
// Run: npx tsx bench/sync-idb.ts   (SIZES=10000,100000; CARDS=82 puts them on the Docker deck's count)
import { syncEventStore } from '../src/db/sync-store';
import { checkEventLikeImport } from '../src/domain/backup/event-check';
import { validate, validateV1 } from '../src/domain/backup/validator.generated.js';
import { Replicator } from '../src/sync/replicator';
import { eventToDoc } from '../src/sync/event-docs';
import { createSeededTestDb } from '../test/db/helpers';
import { createDatabase, DeviceNetwork, startTestServer } from '../test/sync/helpers';
import { ratingHistory } from './rating-history';

const validators = { v1: validateV1, v2: validate };

/** Wraps every method of `store` to add its time to `split` under `store.<name>`. */
function timed<T extends object>(store: T, split: Map<string, number>): T {
  const out = { ...store } as Record<string, unknown>;
  for (const [name, f] of Object.entries(store)) {
    if (typeof f !== 'function' || name === 'onLocalEvent') continue;
    out[name] = async (...args: unknown[]) => {
      const t = performance.now();
      try {
        return await (f as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        split.set(`store.${name}`, (split.get(`store.${name}`) ?? 0) + performance.now() - t);
      }
    };
  }
  return out as T;
}

async function initialSync(n: number) {
  const server = await startTestServer();
  try {
    const cards = Number(process.env.CARDS ?? Math.min(2000, Math.max(10, Math.round(n / 50))));
    const now = Date.now();
    const { db, deck } = await createSeededTestDb(Math.ceil(cards / 2), now);
    const url = await createDatabase(server, `bench-idb-${n}`);
    const events = ratingHistory(n, deck.cards.slice(0, cards), now - 3_600_000);
    const auth = { authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`, 'content-type': 'application/json' };
    for (let i = 0; i < events.length; i += 5000) {
      const res = await fetch(`${url}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: events.slice(i, i + 5000).map(eventToDoc), new_edits: false }) });
      if (!res.ok) throw new Error(`seeding: ${res.status}`);
    }
    const net = new DeviceNetwork();
    const split = new Map<string, number>();
    const add = (k: string, ms: number) => split.set(k, (split.get(k) ?? 0) + ms);
    let updates = 0;
    const rep = new Replicator({
      dbUrl: url,
      store: timed(syncEventStore(db), split),
      check: (raw) => {
        const t = performance.now();
        const r = checkEventLikeImport(raw, validators, Date.now());
        add('check', performance.now() - t);
        return r;
      },
      deviceId: 'bench-phone',
      batchSize: Number(process.env.BATCH ?? 500),
      // Until the answer's headers: the body is read, and counted, in the engine's time.
      fetch: async (input, init) => {
        const t = performance.now();
        const res = await net.fetch(input, init);
        add(`server ${new URL(input).pathname.split('/').pop()!.replace(/^kujira-(pull|push)-.*/, '_local')}`, performance.now() - t);
        return res;
      },
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
      `initial sync of ${n.toLocaleString('en')} events on ${cards.toLocaleString('en')} cards to an empty device (IndexedDB store on fake-indexeddb, checked and replayed): ${(ms / 1000).toFixed(1)} s, ${Math.round(n / (ms / 1000)).toLocaleString('en')} events/s, ${updates} progress updates, ${live.toLocaleString('en')} ratings stored, ${rep.totals.quarantined} refused`,
    );
    const top = [...split].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 10);
    const rest = ms - top.reduce((a, [, v]) => a + v, 0);
    console.log(`  where the time went: ${top.map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}, ${rest >= 0 ? `the rest (reading answers, the engine) ${(rest / 1000).toFixed(2)} s` : `together ${((ms - rest) / 1000).toFixed(2)} s: more than the wall time, since the next _changes answer and the last checkpoint are on their way while a batch is written`}`);
    db.close();
  } finally {
    await server.close();
  }
}

for (const n of (process.env.SIZES ?? '10000').split(',').map(Number)) await initialSync(n);
process.exit(0);
