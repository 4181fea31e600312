// The few CouchDB HTTP API calls replication needs (documented API, any CouchDB 2/3, PouchDB
// Server, Cloudant): _session, database info, _revs_diff, _bulk_docs with new_edits=false,
// _changes with since/limit (normal and longpoll), _local checkpoint documents; for the team space
// plain document reads and writes and _all_docs. `fetch` is injected.
// Requests carry the browser's session cookie (credentials: 'include'); the password is held in
// memory only when the browser will not keep the cookie (third-party cookies blocked, see docs/sync.md).
import { abortable } from './abortable';
import { SyncError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface CouchDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

export interface ChangesResult {
  results: { seq: unknown; id: string; changes: { rev: string }[]; deleted?: boolean; doc?: unknown }[];
  last_seq: unknown;
  pending?: number;
}

/** A CouchDB sequence is an opaque JSON value (a number on PouchDB, a string on CouchDB 2+). */
export const seqText = (seq: unknown): string => (typeof seq === 'string' ? seq : JSON.stringify(seq ?? 0));

/** An answer's text, read only up to `maxBytes` (the rest is not downloaded). */
async function readCapped(res: Response, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () => new SyncError('too-large', `${what}: the answer is larger than ${maxBytes} bytes`);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) {
    const text = await res.text();
    if (new TextEncoder().encode(text).length > maxBytes) throw tooLarge();
    return text;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** This computer: `localhost` (and `*.localhost`), 127.0.0.0/8, `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '[::1]';
}

/**
 * The server root of a database URL: everything before its last path segment. `http://` is
 * refused for any host but this computer (kind `cleartext`): the password and every event would
 * cross the network readable by anyone on the way, and only the built app's CSP stopped that.
 */
export function splitDbUrl(dbUrl: string, options: { cleartext?: 'refuse' | 'allow' } = {}): { root: string; db: string } {
  let u: URL;
  try {
    u = new URL(dbUrl);
  } catch {
    throw new SyncError('no-database', `${dbUrl} is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new SyncError('no-database', `${dbUrl} is not an http(s) URL`);
  if (u.protocol === 'http:' && options.cleartext !== 'allow' && !isLoopbackHost(u.hostname)) throw new SyncError('cleartext', `${u.origin} is http://: the password would travel in clear text (use https://)`);
  const parts = u.pathname.replace(/\/+$/, '').split('/');
  const db = parts.pop() ?? '';
  if (db === '') throw new SyncError('no-database', `${dbUrl} names no database (expected https://host/database)`);
  return { root: `${u.origin}${parts.join('/')}`, db: `${u.origin}${parts.join('/')}/${db}` };
}

/** An `Authorization` header value for Basic authentication (UTF-8 names and passwords). */
export function basicAuth(name: string, password: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(`${name}:${password}`)) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** The typed error for a CouchDB answer that is not 2xx (`what` names what was asked for). */
export function httpError(status: number, body: unknown, what: string): SyncError {
  const reason = typeof body === 'object' && body !== null ? String((body as { reason?: unknown }).reason ?? (body as { error?: unknown }).error ?? '') : '';
  const detail = `${what}: ${status} ${reason}`.trim();
  if (status === 404) return new SyncError('no-database', detail, 404);
  if (status === 401) return new SyncError('signed-out', detail, 401);
  if (status === 403) return new SyncError('forbidden', detail, 403);
  if (status >= 500 || status === 408 || status === 429) return new SyncError('server', detail, status);
  return new SyncError('protocol', detail, status);
}

/**
 * A typed database address (the sync server, a team database) as the engine will use it
 * (`https://host/db`, trimmed, no trailing slash), or what is wrong with it, for a form to say:
 * not one at all, or http:// to another computer. The one normalizer the sign-in forms share.
 */
export function normalizeDbUrl(text: string): { url: string } | { problem: 'invalid' | 'cleartext' } {
  try {
    return { url: splitDbUrl(text.trim()).db };
  } catch (e) {
    return { problem: e instanceof SyncError && e.kind === 'cleartext' ? 'cleartext' : 'invalid' };
  }
}

/** What is wrong with a typed database address: not one at all, or cleartext (null: nothing). */
export function dbUrlProblem(text: string): 'invalid' | 'cleartext' | null {
  const r = normalizeDbUrl(text);
  return 'problem' in r ? r.problem : null;
}

export class CouchClient {
  readonly root: string;
  readonly dbUrl: string;
  private readonly fetch: FetchLike;
  /** Only when the session cookie is not kept by the browser; never persisted. */
  private basic: string | null = null;
  private readonly now: () => number;
  /**
   * This device's clock minus the server's, from the last answer's `Date` header (null until one
   * was read: a cross-origin server must expose the header, see docs/sync.md).
   */
  clockSkewMs: number | null = null;

  /**
   * `cleartext`: whether an http:// address of another computer is refused. Refused in a browser
   * (the app: the person's password would cross the network in clear); allowed by default in Node,
   * where the operator's tools run on the server's own private network (deploy/: http://couchdb:5984).
   */
  constructor(dbUrl: string, fetchImpl: FetchLike, now: () => number = () => Date.now(), options: { cleartext?: 'refuse' | 'allow' } = {}) {
    const inBrowser = typeof (globalThis as { document?: unknown }).document !== 'undefined';
    const { root, db } = splitDbUrl(dbUrl, { cleartext: options.cleartext ?? (inBrowser ? 'refuse' : 'allow') });
    this.root = root;
    this.dbUrl = db;
    this.fetch = fetchImpl;
    this.now = now;
  }

  private async request<T>(url: string, init: RequestInit & { json?: unknown; maxBytes?: number } = {}, what = 'the database'): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (this.basic) headers.authorization = this.basic;
    let res: Response;
    try {
      // The request settles when its signal aborts even if the fetch does not (abortable.ts):
      // stopping sync must never wait on the network.
      res = await abortable(
        this.fetch(url, {
          method: init.method ?? 'GET',
          headers,
          body: init.json !== undefined ? JSON.stringify(init.json) : null,
          credentials: 'include',
          signal: init.signal ?? null,
          cache: 'no-store',
        }),
        init.signal,
      );
    } catch (e) {
      if (init.signal?.aborted) throw e;
      throw new SyncError('network', `no answer from ${new URL(url).host} (${e instanceof Error ? e.message : String(e)})`);
    }
    const date = Date.parse(res.headers?.get?.('date') ?? '');
    // The header has whole seconds: compare with the middle of the second it names.
    if (Number.isFinite(date)) this.clockSkewMs = this.now() - (date + 500);
    let body: unknown = null;
    try {
      body = init.maxBytes !== undefined && res.ok ? JSON.parse(await abortable(readCapped(res, init.maxBytes, what), init.signal)) : await abortable(res.json(), init.signal);
    } catch (e) {
      if (init.signal?.aborted || (e instanceof SyncError && e.kind === 'too-large')) throw e;
      // The connection dropped while the body was read (a train's tunnel, a server restart): the
      // answer is not wrong, it is missing, and asking again can help.
      if (!(e instanceof SyntaxError)) throw new SyncError('network', `${what}: the answer was cut off (${e instanceof Error ? e.message : String(e)})`, res.status);
      if (res.ok) throw new SyncError('protocol', `${what}: the answer is not JSON`, res.status);
    }
    if (res.ok) return body as T;
    throw httpError(res.status, body, what);
  }

  /**
   * Sends the name and password with every request (Basic authentication, held in memory): for
   * Node tools such as the admin CLI, which keep no cookies.
   */
  useBasicAuth(name: string, password: string): void {
    this.basic = basicAuth(name, password);
  }

  /**
   * Exchanges the name and password for a session cookie. When the browser does not keep the
   * cookie (third-party cookies blocked), falls back to Basic authentication held in memory.
   */
  async login(name: string, password: string, signal?: AbortSignal): Promise<void> {
    // The credentials also go as Basic on this one request: a CouchDB with require_valid_user
    // (deploy/) refuses even POST /_session from a client that is not yet authenticated.
    this.basic = basicAuth(name, password);
    try {
      await this.request(`${this.root}/_session`, { method: 'POST', json: { name, password }, signal }, 'signing in');
    } catch (e) {
      this.basic = null;
      if (e instanceof SyncError && e.status === 401) throw new SyncError('wrong-password', 'the server refused this user name and password', 401);
      throw e;
    }
    // Does the browser keep the cookie? Ask without Basic; with require_valid_user no cookie is a 401.
    this.basic = null;
    let who: string | null;
    try {
      who = await this.session(signal);
    } catch (e) {
      if (!(e instanceof SyncError && e.status === 401)) throw e;
      who = null;
    }
    if (who !== name) this.basic = basicAuth(name, password);
  }

  /** The signed-in user's name, or null. */
  async session(signal?: AbortSignal): Promise<string | null> {
    const s = await this.request<{ userCtx?: { name?: unknown } }>(`${this.root}/_session`, { signal }, 'the session');
    return typeof s.userCtx?.name === 'string' ? s.userCtx.name : null;
  }

  async logout(): Promise<void> {
    this.basic = null;
    await this.request(`${this.root}/_session`, { method: 'DELETE' }, 'signing out');
  }

  info(signal?: AbortSignal): Promise<{ db_name: string; update_seq: unknown; doc_count?: number }> {
    return this.request(this.dbUrl, { signal });
  }

  revsDiff(revs: Record<string, string[]>, signal?: AbortSignal): Promise<Record<string, { missing: string[] }>> {
    return this.request(`${this.dbUrl}/_revs_diff`, { method: 'POST', json: revs, signal });
  }

  /** Writes documents with their revisions as given (replication mode): writing one twice is a no-op. */
  async bulkDocs(docs: CouchDoc[], signal?: AbortSignal): Promise<void> {
    const res = await this.request<unknown>(`${this.dbUrl}/_bulk_docs`, { method: 'POST', json: { docs, new_edits: false }, signal });
    if (Array.isArray(res)) {
      const bad = res.find((r) => typeof r === 'object' && r !== null && 'error' in r) as { id?: string; error?: string; reason?: string } | undefined;
      if (bad) {
        const detail = `the server refused event ${bad.id ?? '?'}: ${bad.error ?? ''} ${bad.reason ?? ''}`.trim();
        throw new SyncError(bad.error === 'forbidden' || bad.error === 'unauthorized' ? 'forbidden' : 'protocol', detail);
      }
    }
  }

  /**
   * A batch of changes. `maxBytes` caps the answer (a hostile server could send thousands of
   * 10 MB documents in one batch): reading stops past it with a `too-large` SyncError.
   * `includeDocs: false` reads only ids and revisions (to step past one document over the cap).
   */
  changes(since: string, opts: { limit: number; longpollMs?: number; signal?: AbortSignal; maxBytes?: number; includeDocs?: boolean }): Promise<ChangesResult> {
    // conflicts=true: a document with two first revisions (a tampered copy written in replication
    // mode) comes with `_conflicts`, so every device sees it, not only one that holds the other.
    const q = new URLSearchParams({ since, limit: String(opts.limit) });
    if (opts.includeDocs !== false) {
      q.set('include_docs', 'true');
      q.set('conflicts', 'true');
    }
    if (opts.longpollMs !== undefined) {
      q.set('feed', 'longpoll');
      q.set('timeout', String(opts.longpollMs));
    }
    return this.request(`${this.dbUrl}/_changes?${q}`, { signal: opts.signal, ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}) }, 'the changes');
  }

  /** A document by id, or null when there is none (the team space reads and writes ordinary documents). */
  async getDoc<T = CouchDoc>(id: string, signal?: AbortSignal): Promise<T | null> {
    try {
      return await this.request<T>(`${this.dbUrl}/${encodeURIComponent(id)}`, { signal }, id);
    } catch (e) {
      if (e instanceof SyncError && e.status === 404) return null;
      throw e;
    }
  }

  /** Writes a document (a normal edit: `_rev` must be the current one for an update); returns the new revision. */
  async putDoc<T extends { _id: string; _rev?: string }>(doc: T, signal?: AbortSignal): Promise<string> {
    const r = await this.request<{ rev?: string }>(`${this.dbUrl}/${encodeURIComponent(doc._id)}`, { method: 'PUT', json: doc, signal }, doc._id);
    return r.rev ?? '';
  }

  /** Replaces the database's `_security` object (a database or server admin only). */
  async putSecurity(security: object, signal?: AbortSignal): Promise<void> {
    await this.request(`${this.dbUrl}/_security`, { method: 'PUT', json: security, signal }, '_security');
  }

  /** `_all_docs` over an id range (`prefix`), or for the given `keys`; documents only with `includeDocs`. */
  async allDocs<T = CouchDoc>(opts: { prefix?: string; keys?: string[]; includeDocs?: boolean; signal?: AbortSignal }): Promise<{ id: string; rev: string; doc?: T }[]> {
    const q = new URLSearchParams();
    if (opts.includeDocs) q.set('include_docs', 'true');
    if (opts.prefix !== undefined) {
      q.set('startkey', JSON.stringify(opts.prefix));
      q.set('endkey', JSON.stringify(`${opts.prefix}￰`));
    }
    const url = `${this.dbUrl}/_all_docs?${q}`;
    const body = await this.request<{ rows: { id?: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: T; error?: string }[] }>(
      url,
      opts.keys ? { method: 'POST', json: { keys: opts.keys }, signal: opts.signal } : { signal: opts.signal },
      'the documents',
    );
    return body.rows.filter((r) => r.id !== undefined && r.value && !r.value.deleted && !r.error).map((r) => ({ id: r.id as string, rev: r.value!.rev, ...(r.doc ? { doc: r.doc } : {}) }));
  }

  async getLocal(id: string, signal?: AbortSignal): Promise<CouchDoc | null> {
    try {
      return await this.request<CouchDoc>(`${this.dbUrl}/_local/${encodeURIComponent(id)}`, { signal });
    } catch (e) {
      // A missing _local document is a 404 on an existing database.
      if (e instanceof SyncError && e.status === 404) return null;
      throw e;
    }
  }

  /** Writes a _local document; returns its new revision. */
  async putLocal(id: string, doc: Record<string, unknown>, rev: string | null, signal?: AbortSignal): Promise<string> {
    const body = rev ? { ...doc, _rev: rev } : doc;
    const r = await this.request<{ rev?: string }>(`${this.dbUrl}/_local/${encodeURIComponent(id)}`, { method: 'PUT', json: body, signal });
    return r.rev ?? '';
  }
}
