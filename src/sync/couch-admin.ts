// What a CouchDB server admin does for Kujira, over the documented HTTP API (Apache CouchDB 3;
// PouchDB Server for tests): system databases and settings, accounts, each learner's database,
// team databases with their rules and members. Used by `npm run team` (scripts/team.ts). Every
// operation is idempotent: running it twice leaves the server as running it once.
import type { DeckSourceFile } from '../domain/deck/deck-files';
import { isTeamDeckDoc } from '../domain/team/documents';
import { planPublish } from '../domain/team/publish';
import { TEAM_DESIGN_DOC } from '../domain/team/security';
import { TEAM_DB_PREFIX } from '../domain/team/types';
import { basicAuth, CouchClient, httpError, type FetchLike } from './couch-client';
import { EVENTS_DESIGN_DOC, learnerDbName, learnerSecurity } from './learner-database';
import { addMember, readRoster, readSecurity, removeMember, securityWithLead, USER_NAME } from './team-roster';

export interface Credentials {
  name: string;
  password: string;
}

/** A problem a person fixes (a wrong password, a missing team): `hint` says how. */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly hint = '',
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

export type Outcome = 'created' | 'updated' | 'unchanged';

/** The settings `init` makes (section, key, value), besides CORS. */
export const SERVER_SETTINGS: readonly [string, string, string][] = [
  // Only signed-in users reach anything (the app signs in before every request).
  ['chttpd', 'require_valid_user', 'true'],
  // A session cookie lasts 14 days of inactivity, so a phone that syncs weekly resumes without the password.
  ['chttpd_auth', 'timeout', String(14 * 86_400)],
  ['chttpd_auth', 'allow_persistent_cookies', 'true'],
  // Users may not read each other's account documents.
  ['couchdb', 'users_db_security_editable', 'false'],
];

export function checkName(kind: 'user' | 'team', name: string): void {
  if (!USER_NAME.test(name)) {
    throw new AdminError(`"${name}" is not a valid ${kind} name`, 'use lower-case letters, digits, "_" and "-", starting with a letter (at most 64)');
  }
}

export const teamDbName = (team: string): string => `${TEAM_DB_PREFIX}${team}`;

export class CouchAdmin {
  readonly url: string;
  private readonly auth: string;

  constructor(
    serverUrl: string,
    private readonly fetchImpl: FetchLike,
    private readonly admin: Credentials,
  ) {
    this.url = serverUrl.replace(/\/+$/, '');
    this.auth = basicAuth(admin.name, admin.password);
  }

  private async request<T>(path: string, what: string, init: { method?: string; json?: unknown; raw?: string } = {}): Promise<{ status: number; body: T }> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.url}${path}`, {
        method: init.method ?? 'GET',
        headers: { accept: 'application/json', authorization: this.auth, ...(init.json !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: init.raw ?? (init.json !== undefined ? JSON.stringify(init.json) : null),
      });
    } catch (e) {
      throw new AdminError(`cannot reach ${this.url} (${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)})`, 'check COUCHDB_URL and that CouchDB is running');
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = null;
    }
    if (res.status === 401) throw new AdminError(`the server refused the admin "${this.admin.name}" (${what})`, 'check COUCHDB_USER and COUCHDB_PASSWORD');
    return { status: res.status, body: body as T };
  }

  private async ok<T>(path: string, what: string, init: { method?: string; json?: unknown; raw?: string } = {}, allowed: number[] = []): Promise<{ status: number; body: T }> {
    const r = await this.request<T>(path, what, init);
    if (r.status >= 300 && !allowed.includes(r.status)) throw httpError(r.status, r.body, what);
    return r;
  }

  /** Fails with a clear message unless the credentials are a server admin's. */
  async checkAdmin(): Promise<void> {
    const { body } = await this.ok<{ userCtx?: { name?: string | null; roles?: string[] } }>('/_session', 'checking the admin');
    if (!body.userCtx?.roles?.includes('_admin')) {
      throw new AdminError(`"${this.admin.name}" is not a server admin here`, 'COUCHDB_USER and COUCHDB_PASSWORD must name the admin from the server\'s .env');
    }
  }

  /** A client for one database, signed in as the admin (Basic authentication). */
  client(db: string): CouchClient {
    const c = new CouchClient(`${this.url}/${db}`, this.fetchImpl);
    c.useBasicAuth(this.admin.name, this.admin.password);
    return c;
  }

  async databaseExists(db: string): Promise<boolean> {
    const r = await this.request(`/${encodeURIComponent(db)}`, `database ${db}`, { method: 'HEAD' });
    return r.status === 200;
  }

  async ensureDatabase(db: string): Promise<Outcome> {
    const r = await this.ok(`/${encodeURIComponent(db)}`, `creating ${db}`, { method: 'PUT' }, [412]);
    return r.status === 412 ? 'unchanged' : 'created';
  }

  async allDbs(): Promise<string[]> {
    return (await this.ok<string[]>('/_all_dbs', 'listing databases')).body;
  }

  /** Writes a design document when it differs from the one there. */
  async ensureDesign(db: string, doc: { _id: string; validate_doc_update: string }): Promise<Outcome> {
    const have = await this.client(db).getDoc<{ _rev: string; validate_doc_update?: string }>(doc._id);
    if (have?.validate_doc_update === doc.validate_doc_update) return 'unchanged';
    await this.client(db).putDoc(have ? { ...doc, _rev: have._rev } : doc);
    return have ? 'updated' : 'created';
  }

  async userExists(name: string): Promise<boolean> {
    const r = await this.request(`/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, `user ${name}`);
    if (r.status === 404) return false;
    if (r.status >= 300) throw httpError(r.status, r.body, `user ${name}`);
    return true;
  }

  /** Creates the account, or sets a new password on an existing one when `password` is given. */
  async putUser(name: string, password: string | null): Promise<Outcome> {
    const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
    const have = await this.request<{ _rev?: string; roles?: string[] }>(path, `user ${name}`);
    if (have.status === 200 && password === null) return 'unchanged';
    if (have.status !== 200 && have.status !== 404) throw httpError(have.status, have.body, `user ${name}`);
    if (password === null) throw new AdminError('a new user needs a password');
    const doc = { _id: `org.couchdb.user:${name}`, name, type: 'user', roles: have.body?.roles ?? [], password, ...(have.status === 200 ? { _rev: have.body._rev } : {}) };
    await this.ok(path, `writing user ${name}`, { method: 'PUT', json: doc });
    return have.status === 200 ? 'updated' : 'created';
  }

  /** Sets one server setting; CouchDB 3 at `/_node/_local/_config`, older servers at `/_config`. */
  async setConfig(section: string, key: string, value: string): Promise<Outcome> {
    const at = async (base: string) => this.request<unknown>(`${base}/${section}/${key}`, `setting ${section}/${key}`);
    let base = '/_node/_local/_config';
    let have = await at(base);
    if (have.status === 404 && typeof have.body === 'object' && (have.body as { reason?: string } | null)?.reason !== 'unknown_config_value') {
      // Not CouchDB 2+: the single-node config API.
      const older = await at('/_config');
      if (older.status !== 404 || (older.body as { reason?: string } | null)?.reason === 'unknown_config_value') {
        base = '/_config';
        have = older;
      }
    }
    if (have.status === 200 && have.body === value) return 'unchanged';
    await this.ok(`${base}/${section}/${key}`, `setting ${section}/${key}`, { method: 'PUT', raw: JSON.stringify(value) });
    return have.status === 200 ? 'updated' : 'created';
  }
}

export interface InitReport {
  databases: Record<string, Outcome>;
  settings: Record<string, Outcome>;
}

/** System databases, CORS for the app's origin and the server settings above. */
export async function initServer(admin: CouchAdmin, appUrl: string | null): Promise<InitReport> {
  await admin.checkAdmin();
  const report: InitReport = { databases: {}, settings: {} };
  for (const db of ['_users', '_replicator']) report.databases[db] = await admin.ensureDatabase(db);
  const settings: [string, string, string][] = [...SERVER_SETTINGS];
  if (appUrl) {
    // Only needed when the app and CouchDB are on different origins (deploy/ serves both on one).
    const origin = new URL(appUrl).origin;
    settings.push(
      ['chttpd', 'enable_cors', 'true'],
      ['cors', 'origins', origin],
      ['cors', 'credentials', 'true'],
      ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
      ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
    );
  }
  for (const [section, key, value] of settings) report.settings[`${section}/${key}`] = await admin.setConfig(section, key, value);
  return report;
}

export interface LearnerReport {
  user: Outcome;
  database: Outcome;
  security: Outcome;
  rule: Outcome;
  dbName: string;
}

/** The account and the learner's own sync database `kujira-<user>` (only they can read it). */
export async function addLearner(admin: CouchAdmin, user: string, password: string | null): Promise<LearnerReport> {
  checkName('user', user);
  await admin.checkAdmin();
  const userOutcome = await admin.putUser(user, password);
  const dbName = learnerDbName(user);
  const database = await admin.ensureDatabase(dbName);
  const client = admin.client(dbName);
  const want = learnerSecurity(user);
  const have = await readSecurity(client);
  const security = JSON.stringify(have) === JSON.stringify(want) ? 'unchanged' : (await client.putSecurity(want), database === 'created' ? 'created' : 'updated');
  const rule = await admin.ensureDesign(dbName, EVENTS_DESIGN_DOC);
  return { user: userOutcome, database, security, rule, dbName };
}

async function requireUser(admin: CouchAdmin, user: string): Promise<void> {
  checkName('user', user);
  if (!(await admin.userExists(user))) throw new AdminError(`there is no user "${user}"`, `create it first: npm run team -- add-learner ${user}`);
}

async function requireTeam(admin: CouchAdmin, team: string): Promise<string> {
  checkName('team', team);
  const db = teamDbName(team);
  if (!(await admin.databaseExists(db))) throw new AdminError(`there is no team "${team}"`, `create it first: npm run team -- create ${team} --lead <user>`);
  return db;
}

/** `kujira-team-<team>` with the lead as database admin and the members' write rule; re-running updates the rule. */
export async function createTeam(admin: CouchAdmin, team: string, lead: string): Promise<{ database: Outcome; security: Outcome; rule: Outcome; dbName: string }> {
  checkName('team', team);
  await admin.checkAdmin();
  await requireUser(admin, lead);
  const dbName = teamDbName(team);
  const database = await admin.ensureDatabase(dbName);
  const client = admin.client(dbName);
  const have = database === 'created' ? null : await readSecurity(client);
  const want = securityWithLead(have, lead);
  const security = have && JSON.stringify(have) === JSON.stringify(want) ? 'unchanged' : (await client.putSecurity(want), have ? 'updated' : 'created');
  const rule = await admin.ensureDesign(dbName, TEAM_DESIGN_DOC);
  return { database, security, rule, dbName };
}

export async function addTeamMember(admin: CouchAdmin, team: string, user: string): Promise<Outcome> {
  await admin.checkAdmin();
  const db = await requireTeam(admin, team);
  await requireUser(admin, user);
  return (await addMember(admin.client(db), user)) ? 'updated' : 'unchanged';
}

export async function removeTeamMember(admin: CouchAdmin, team: string, user: string): Promise<Outcome> {
  await admin.checkAdmin();
  const db = await requireTeam(admin, team);
  checkName('user', user);
  return (await removeMember(admin.client(db), user)) ? 'updated' : 'unchanged';
}

/** The links a lead sends: join the team, and set up sync to the learner's own database. */
export function inviteLinks(appUrl: string, publicCouchUrl: string, team: string, user: string): { join: string; sync: string } {
  const app = appUrl.replace(/\/+$/, '');
  const couch = publicCouchUrl.replace(/\/+$/, '');
  return {
    join: `${app}/team/join?db=${encodeURIComponent(`${couch}/${teamDbName(team)}`)}`,
    sync: `${app}/settings/sync?server=${encodeURIComponent(`${couch}/${learnerDbName(user)}`)}`,
  };
}

export async function inviteCheck(admin: CouchAdmin, team: string, user: string): Promise<{ member: boolean }> {
  await admin.checkAdmin();
  const db = await requireTeam(admin, team);
  await requireUser(admin, user);
  const sec = await readSecurity(admin.client(db));
  return { member: sec.members.names.includes(user) || sec.admins.names.includes(user) };
}

export interface TeamStatus {
  team: string;
  leads: string[];
  members: { name: string; lastSummaryDay: string | null }[];
}

export async function teamStatus(admin: CouchAdmin, team?: string): Promise<TeamStatus[]> {
  await admin.checkAdmin();
  const names = team ? [await requireTeam(admin, team)] : (await admin.allDbs()).filter((d) => d.startsWith(TEAM_DB_PREFIX)).sort();
  const out: TeamStatus[] = [];
  for (const db of names) {
    const roster = await readRoster(admin.client(db));
    out.push({ team: db.slice(TEAM_DB_PREFIX.length), leads: roster.leads, members: roster.members });
  }
  return out;
}

export interface PublishResult {
  deckId: string;
  outcome: 'published' | 'unchanged';
  version: number;
}

/**
 * Publishes compiled decks to a team database (as its lead or a server admin): each deck gets a
 * new version only when its compiled content changed. The caller has compiled every deck first
 * and publishes nothing when one has errors.
 */
export async function publishToTeam(
  client: CouchClient,
  decks: readonly { deckId: string; files: readonly DeckSourceFile[] }[],
  by: { publishedBy: string; now: number; commit?: string },
): Promise<PublishResult[]> {
  const results: PublishResult[] = [];
  for (const { deckId, files } of decks) {
    const rows = await client.allDocs<unknown>({ prefix: `deck:${deckId}:`, includeDocs: true });
    const published = rows.flatMap((r) => (isTeamDeckDoc(r.doc) ? [r.doc] : []));
    const plan = planPublish(published, deckId, files, by);
    if (plan.kind === 'unchanged') {
      results.push({ deckId, outcome: 'unchanged', version: plan.version });
      continue;
    }
    await client.putDoc(plan.doc);
    results.push({ deckId, outcome: 'published', version: plan.doc.version });
  }
  return results;
}
