// Sync test kit: the dev server on a free loopback port, a fetch that behaves like a browser's
// (cookie jar, CORS check, a network switch), an in-memory event store and the test event model.
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../scripts/sync-server';
import type { FetchLike } from '../../src/sync/couch-client';
import type { EventRef, LocalEventStore, QuarantinedEvent, StoredEvent, SyncEvent } from '../../src/sync/types';
import { canonicalJson } from '../../src/sync/event-docs';

export type { SyncServer };

export function startTestServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  return startSyncServer({ port: 0, ...options });
}

/** Creates another learner database on the server (admin), with `member` (the server's user) as its member. */
export async function createDatabase(server: SyncServer, name: string, member = server.user.name): Promise<string> {
  const auth = { authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`, 'content-type': 'application/json' };
  const url = `${server.url}/${name}`;
  const put = await fetch(url, { method: 'PUT', headers: auth });
  if (!put.ok) throw new Error(`create ${name}: ${put.status}`);
  const sec = await fetch(`${url}/_security`, { method: 'PUT', headers: auth, body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [member], roles: [] } }) });
  if (!sec.ok) throw new Error(`_security ${name}: ${sec.status}`);
  return url;
}

/** Writes a raw document as the server admin (a hostile or tampered database). */
export async function adminPut(server: SyncServer, dbUrl: string, doc: Record<string, unknown>, newEdits = true): Promise<void> {
  const auth = { authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`, 'content-type': 'application/json' };
  const res = await fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: [doc], new_edits: newEdits }) });
  if (!res.ok) throw new Error(`adminPut: ${res.status} ${await res.text()}`);
}

export async function adminAllDocs(server: SyncServer, dbUrl: string): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const auth = { authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}` };
  const res = await fetch(`${dbUrl}/_all_docs?include_docs=true`, { headers: auth });
  const body = (await res.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
  return body.rows;
}

/**
 * A browser-like fetch for one device: keeps the AuthSession cookie like a browser profile,
 * refuses cross-origin answers without a matching Access-Control-Allow-Origin (as a browser does
 * with CORS), lets no-cors requests through as opaque, and can be switched offline (requests in
 * flight fail, as when the network drops).
 */
export class DeviceNetwork {
  online = true;
  requests = 0;
  /** The path of every request sent, in order. */
  readonly paths: string[] = [];
  /** Called as each request leaves (tests use it to kill the server mid-replication). */
  onRequest: ((url: string) => void) | null = null;
  private cookie: string | null = null;
  private inflight = new Set<AbortController>();
  constructor(private readonly origin: string = 'http://127.0.0.1:4173') {}

  setOnline(online: boolean): void {
    this.online = online;
    if (!online) for (const c of this.inflight) c.abort(new TypeError('Failed to fetch'));
  }

  readonly fetch: FetchLike = async (input, init = {}) => {
    if (!this.online) throw new TypeError('Failed to fetch');
    this.requests += 1;
    this.paths.push(new URL(input).pathname);
    this.onRequest?.(input);
    const ctl = new AbortController();
    this.inflight.add(ctl);
    const signal = init.signal ? AbortSignal.any([init.signal, ctl.signal]) : ctl.signal;
    const headers = new Headers(init.headers);
    headers.set('origin', this.origin);
    if (this.cookie && init.credentials === 'include') headers.set('cookie', this.cookie);
    try {
      const res = await fetch(input, { ...init, headers, signal });
      if (init.mode === 'no-cors') return new Response(null, { status: 200 });
      if (res.headers.get('access-control-allow-origin') !== this.origin) {
        await res.body?.cancel();
        throw new TypeError('Failed to fetch');
      }
      const set = res.headers.get('set-cookie');
      const m = set ? /AuthSession=([^;]*)/.exec(set) : null;
      if (m) this.cookie = m[1] ? `AuthSession=${m[1]}` : null;
      return res;
    } catch (e) {
      if (init.signal?.aborted) throw e;
      if (ctl.signal.aborted) throw new TypeError('Failed to fetch');
      throw e instanceof TypeError ? e : new TypeError(String(e));
    } finally {
      this.inflight.delete(ctl);
    }
  };
}

/** The device's event log in memory, with the union-and-replay semantics of the real store. */
export class MemoryEventStore implements LocalEventStore {
  readonly log: StoredEvent[] = [];
  readonly byId = new Map<string, SyncEvent>();
  readonly quarantined: QuarantinedEvent[] = [];
  readonly checkpoints = new Map<string, string>();
  private seq = 0;
  private listeners = new Set<() => void>();

  /** A local action: appended and announced. */
  append(event: SyncEvent): void {
    this.seq += 1;
    this.log.push({ seq: this.seq, event, source: null });
    this.byId.set(event.id, event);
    for (const l of this.listeners) l();
  }

  async readSince(seq: number, limit: number) {
    const events = this.log.filter((e) => e.seq > seq).slice(0, limit);
    return { events, lastSeq: this.seq };
  }

  async addPulled(events: SyncEvent[], source: string) {
    let added = 0;
    const rejected: { id: string; reason: string }[] = [];
    for (const e of events) {
      const have = this.byId.get(e.id);
      if (have) {
        if (canonicalJson(have) !== canonicalJson(e)) rejected.push({ id: e.id, reason: 'an event with this id and other content is already here' });
        continue;
      }
      // Pulled events join the log like local ones, marked with where they came from.
      this.seq += 1;
      this.log.push({ seq: this.seq, event: e, source });
      this.byId.set(e.id, e);
      added += 1;
    }
    return { added, rejected };
  }

  async knownIds(refs: readonly EventRef[]) {
    return new Set(refs.map((r) => r.id).filter((id) => this.byId.has(id)));
  }

  private heldKeys = new Map<QuarantinedEvent, number>();
  private nextKey = 0;

  async quarantine(items: QuarantinedEvent[]) {
    for (const q of items) {
      const held = q.until !== undefined;
      if (this.quarantined.some((x) => x.docId === q.docId && x.rev === q.rev && (x.until !== undefined) === held)) continue;
      this.quarantined.push(q);
      if (held) this.heldKeys.set(q, ++this.nextKey);
    }
  }
  async heldDue(now: number) {
    return [...this.heldKeys].filter(([q]) => q.until! <= now).map(([q, key]) => ({ key, docId: q.docId, rev: q.rev, doc: JSON.parse(q.doc ?? 'null') as unknown }));
  }
  async nextHeld() {
    const times = [...this.heldKeys.keys()].map((q) => q.until!);
    return times.length > 0 ? Math.min(...times) : null;
  }
  async releaseHeld(keys: number[]) {
    for (const [q, key] of [...this.heldKeys]) {
      if (!keys.includes(key)) continue;
      this.heldKeys.delete(q);
      this.quarantined.splice(this.quarantined.indexOf(q), 1);
    }
  }
  async getCheckpoint(key: string) {
    return this.checkpoints.get(key) ?? null;
  }
  async setCheckpoint(key: string, value: string) {
    this.checkpoints.set(key, value);
  }
  onLocalEvent(listener: () => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** Polls `cond` until true or `ms` pass. */
export async function until(cond: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
