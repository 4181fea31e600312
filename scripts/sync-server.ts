// A CouchDB-compatible server for development and tests: PouchDB Server (express-pouchdb on the
// in-memory adapter, behind a guard that refuses what CouchDB 3 refuses: sync-server-guard.ts)
// on 127.0.0.1 with a server admin, one learner and that learner's database
// (its _security names the learner as the only member; a design document lets members add events
// and never change one), CORS reflecting the caller's origin with
// credentials. `npm run sync-server` prints the URL and credentials; tests call startSyncServer.
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type CookieOptions, type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import cors from 'cors';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';
import expressPouchDB from 'express-pouchdb';
import { EVENTS_DESIGN_DOC, learnerSecurity } from '../src/sync/learner-database';
import { adminGuard, bodyGuard } from './sync-server-guard';

export interface SyncServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  admin?: { name: string; password: string };
  user?: { name: string; password: string };
  /** The learner's database, created with `_security.members.names = [user]`. */
  database?: string;
  /** False leaves CORS out, as a CouchDB without `enable_cors` (for the "CORS not enabled" status). */
  cors?: boolean;
}

export interface SyncServer {
  /** Server root, e.g. http://127.0.0.1:5984 */
  url: string;
  /** The learner's database URL (what the app's "Server" field takes). */
  dbUrl: string;
  admin: { name: string; password: string };
  user: { name: string; password: string };
  database: string;
  port: number;
  /** Stops listening and drops every open connection; the data stays (the process keeps it). */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same data: a server restart with durable storage. */
  restart(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

/** How long a session lasts without a request (CouchDB's `[chttpd_auth] timeout` as init sets it). */
const SESSION_SECONDS = 14 * 86_400;

// Plugins are registered once per process (PouchDB refuses to register one twice).
const Pouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapreduce);

async function check(res: Response, what: string): Promise<void> {
  if (!res.ok) throw new Error(`sync server set-up: ${what} failed: ${res.status} ${await res.text()}`);
}

/**
 * CouchDB's normal `_changes` answer says how many changes remain after it (`pending`), which the
 * app shows as sync's progress; PouchDB Server leaves it out. Added here from the database's
 * update sequence (an in-memory database's sequences are plain numbers).
 */
function changesPending(updateSeq: (database: string) => Promise<number | string>) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction): void => {
    const m = /^\/([^/_][^/]*)\/_changes$/.exec(req.path);
    const feed = req.query.feed;
    if (req.method !== 'GET' || !m || (feed !== undefined && feed !== 'normal')) return next();
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      let answer: { results?: unknown[]; last_seq?: unknown; pending?: number } | null = null;
      try {
        answer = res.statusCode === 200 ? JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : String(body)) : null;
      } catch {
        answer = null;
      }
      if (!answer || !Array.isArray(answer.results) || answer.pending !== undefined) return send(body);
      void updateSeq(decodeURIComponent(m[1]!)).then(
          (seq) => {
            answer.pending = Math.max(0, Number(seq) - Number(answer.last_seq));
            send(Buffer.from(JSON.stringify(answer)));
          },
          () => send(body),
        );
      return res;
    };
    next();
  };
}

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  const admin = options.admin ?? { name: 'admin', password: 'admin-pass' };
  const user = options.user ?? { name: 'alice', password: 'alice-pass' };
  const database = options.database ?? 'kujira-alice';

  // Each server gets its own prefix so several servers in one process never share databases.
  const prefix = `kujira-sync-${process.pid}-${Math.random().toString(36).slice(2)}-`;
  const Mem = Pouch.defaults({ adapter: 'memory', prefix });
  const app = express();
  if (options.cors !== false) {
    // Reflect the caller's origin with credentials, as CouchDB's [cors] origins + credentials do.
    app.use(cors({ origin: true, credentials: true, methods: ['GET', 'PUT', 'POST', 'HEAD', 'DELETE'], allowedHeaders: ['accept', 'authorization', 'content-type', 'origin', 'referer'], exposedHeaders: ['content-type', 'cache-control', 'etag', 'date'] }));
  }
  // Before PouchDB Server: bodies measured (size, depth) before anything stores them, database
  // listing and _users for admins only (issue 22; scripts/sync-server-guard.ts).
  app.use(bodyGuard());
  app.use(adminGuard(() => `http://${host}:${port}`));
  app.use(changesPending(async (name) => (await new Mem(name).info()).update_seq));
  // A session as on a CouchDB set up by `npm run team -- init` (SERVER_SETTINGS): it lasts 14 days
  // of inactivity and its cookie has a Max-Age, so a browser restart keeps it (PouchDB Server's own
  // cookie is a browser-session cookie, and its Max-Age would be seconds read as milliseconds).
  app.use((_req, res, next) => {
    const cookie = res.cookie.bind(res);
    res.cookie = (name: string, value: unknown, options: CookieOptions = {}) =>
      cookie(name, value, name === 'AuthSession' && value !== '' ? { ...options, maxAge: SESSION_SECONDS * 1000 } : options);
    next();
  });
  const pouchApp = expressPouchDB(Mem, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  await new Promise<void>((resolve, reject) => pouchApp.couchConfig.set('couch_httpd_auth', 'timeout', SESSION_SECONDS, (err: unknown) => (err ? reject(err) : resolve())));
  app.use(pouchApp);

  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(app);
      s.on('connection', (sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
      });
      s.once('error', reject);
      s.listen(port, host, () => {
        const addr = s.address();
        if (addr && typeof addr === 'object') port = addr.port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      for (const sock of sockets) sock.destroy();
      s.close(() => resolve());
    });

  await listen();
  const url = `http://${host}:${port}`;
  const dbUrl = `${url}/${database}`;
  const basic = (u: { name: string; password: string }) => ({ authorization: `Basic ${Buffer.from(`${u.name}:${u.password}`).toString('base64')}` });
  const json = { 'content-type': 'application/json' };

  // Admin party until the first admin exists, as on a fresh CouchDB.
  await check(await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', headers: json, body: JSON.stringify(admin.password) }), 'creating the admin');
  const asAdmin = { ...json, ...basic(admin) };
  await check(
    await fetch(`${url}/_users/org.couchdb.user:${encodeURIComponent(user.name)}`, {
      method: 'PUT',
      headers: asAdmin,
      body: JSON.stringify({ _id: `org.couchdb.user:${user.name}`, name: user.name, password: user.password, roles: [], type: 'user' }),
    }),
    'creating the user',
  );
  await check(await fetch(dbUrl, { method: 'PUT', headers: asAdmin }), 'creating the database');
  await check(
    await fetch(`${dbUrl}/_security`, {
      method: 'PUT',
      headers: asAdmin,
      body: JSON.stringify(learnerSecurity(user.name)),
    }),
    'setting _security',
  );
  await check(await fetch(`${dbUrl}/_design/kujira`, { method: 'PUT', headers: asAdmin, body: JSON.stringify(EVENTS_DESIGN_DOC) }), 'installing the write rule');

  return {
    url,
    dbUrl,
    admin,
    user,
    database,
    get port() {
      return port;
    },
    stop,
    restart: async () => {
      await stop();
      await listen();
    },
    close: stop,
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const port = Number(process.env.PORT ?? 5984);
  const s = await startSyncServer({ port });
  // --demo-team (or KUJIRA_DEMO_TEAM=1): a populated team space (docs/team.md).
  const demo = process.argv.includes('--demo-team') || process.env.KUJIRA_DEMO_TEAM === '1'
    ? await (await import('./team-demo')).createDemoTeam(s.url, s.admin, Date.now())
    : null;
  console.log(`Kujira sync server (PouchDB Server, in memory: data is gone when it stops)
  server:    ${s.url}
  admin:     ${s.admin.name} / ${s.admin.password}
  learner:   ${s.user.name} / ${s.user.password}
  database:  ${s.dbUrl}   (_security: members = [${s.user.name}]; _design/kujira: events only, never changed)
In the app: Settings -> Sync, Server = ${s.dbUrl}, User name = ${s.user.name}, Password = ${s.user.password}
Or open /settings/sync?server=${encodeURIComponent(s.dbUrl)}
Ctrl+C stops it.`);
  if (demo) {
    console.log(`Demo team: ${demo.dbUrl}
  lead:      ${demo.lead.name} / ${demo.lead.password}   (sign in on /team to see the dashboard)
  members:   ${demo.members.map((m) => `${m.name} / ${m.password}`).join(', ')}
  join link: /team/join?db=${encodeURIComponent(demo.dbUrl)}`);
  }
  const quit = () => void s.close().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
