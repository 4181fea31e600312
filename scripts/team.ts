// `npm run team -- <command>`: the team admin's tool (docs in deploy/README.md). A thin wrapper
// over src/sync/couch-admin.ts: reads the environment and the arguments, prints what changed,
// exits 0 only on success (1 on a refused or failed operation, 2 on a usage error). Passwords are
// never printed, except a generated one, once.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDeck } from '../src/domain/deck/compile-deck';
import type { DeckSourceFile } from '../src/domain/deck/deck-files';
import { formatDeckError } from '../src/domain/deck/errors';
import { CouchClient } from '../src/sync/couch-client';
import {
  addLearner,
  addTeamMember,
  AdminError,
  checkName,
  CouchAdmin,
  createTeam,
  initServer,
  inviteCheck,
  inviteLinks,
  publishToTeam,
  removeTeamMember,
  teamDbName,
  teamStatus,
} from '../src/sync/couch-admin';
import { SyncError } from '../src/sync/errors';
import { readDeckPath } from './read-decks';

export const HELP = `Kujira team admin: npm run team -- <command> [arguments]

Commands
  init                                  system databases, server settings, CORS for KUJIRA_APP_URL
  add-learner <user> [--password P]     an account and the learner's own sync database kujira-<user>
                                        (without --password a new user gets a generated one, printed once)
  create <team> --lead <user>           the team database kujira-team-<team>, its _security and write rule
  add-member <team> <user>              add an existing user to the team
  remove-member <team> <user>           remove a user from the team (their shared summaries stay)
  invite <team> <user>                  print the join link and the sync link to send to <user>
  publish <team> <deck folder or memo files...> [--as <lead>] [--commit <sha>]
                                        compile and publish decks; a new version only when changed
  status [<team>]                       teams, leads, members and each member's last summary day
  --help                                this text

Environment
  COUCHDB_URL          the CouchDB server, e.g. http://127.0.0.1:5984 (required)
  COUCHDB_USER         the server admin's name (every command but publish --as)
  COUCHDB_PASSWORD     the server admin's password
  KUJIRA_APP_URL       the app's public address, e.g. https://kujira.example.com (links; CORS in init)
  KUJIRA_COUCHDB_URL   CouchDB as the app reaches it (links), e.g. https://kujira.example.com/couch;
                       default: COUCHDB_URL
  KUJIRA_PASSWORD      the lead's password for publish --as <lead>

Exit status: 0 on success, 1 when the server refused or failed, 2 on a usage error.`;

export interface Io {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  fetch: typeof fetch;
  now: () => number;
}

class UsageError extends Error {}

interface Parsed {
  command: string | undefined;
  args: string[];
  flags: Map<string, string | true>;
}

const VALUED = new Set(['password', 'lead', 'as', 'commit']);

function parse(argv: readonly string[]): Parsed {
  const args: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') flags.set('help', true);
    else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!VALUED.has(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else args.push(a);
  }
  return { command: args.shift(), args, flags };
}

function need(args: string[], count: number, usage: string): void {
  if (args.length !== count) throw new UsageError(`usage: npm run team -- ${usage}`);
}

function env(io: Io, name: string): string {
  const v = io.env[name];
  if (!v) throw new UsageError(`${name} is not set (see npm run team -- --help)`);
  return v;
}

function adminFrom(io: Io): CouchAdmin {
  return new CouchAdmin(env(io, 'COUCHDB_URL'), io.fetch, { name: env(io, 'COUCHDB_USER'), password: env(io, 'COUCHDB_PASSWORD') });
}

/** 18 random bytes as URL-safe text (24 characters). */
const generatePassword = () => randomBytes(18).toString('base64url');

async function publish(io: Io, p: Parsed): Promise<number> {
  const [team, ...paths] = p.args;
  if (!team || paths.length === 0) throw new UsageError('usage: npm run team -- publish <team> <deck folder or memo files...> [--as <lead>] [--commit <sha>]');
  checkName('team', team);
  // Compile everything first, with the paths as given: any error publishes nothing.
  const decks: { deckId: string; files: DeckSourceFile[] }[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    let input;
    try {
      input = readDeckPath(path);
    } catch (e) {
      errors.push(`${path}: cannot read (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const r = compileDeck(input);
    errors.push(...r.errors.map(formatDeckError));
    // Members see file names, not this repository's layout (as when a lead publishes in the app).
    if (r.deck) decks.push({ deckId: r.deck.id, files: input.files.map((f) => ({ ...f, path: basename(f.path) })) });
  }
  if (errors.length > 0) {
    for (const e of errors) io.err(e);
    io.err(`nothing published: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
    return 1;
  }
  const as = p.flags.get('as');
  const url = `${env(io, 'COUCHDB_URL').replace(/\/+$/, '')}/${teamDbName(team)}`;
  let client: CouchClient;
  let by: string;
  if (typeof as === 'string') {
    checkName('user', as);
    client = new CouchClient(url, io.fetch);
    client.useBasicAuth(as, env(io, 'KUJIRA_PASSWORD'));
    by = as;
  } else {
    const admin = adminFrom(io);
    await admin.checkAdmin();
    client = admin.client(teamDbName(team));
    by = env(io, 'COUCHDB_USER');
  }
  try {
    await client.info();
  } catch (e) {
    if (e instanceof SyncError && e.status === 404) throw new AdminError(`there is no team "${team}"`, `create it first: npm run team -- create ${team} --lead <user>`);
    if (e instanceof SyncError && e.status === 401) throw new AdminError(`the server refused "${by}"`, typeof as === 'string' ? 'check KUJIRA_PASSWORD' : 'check COUCHDB_USER and COUCHDB_PASSWORD');
    if (e instanceof SyncError && e.status === 403) throw new AdminError(`"${by}" may not read team "${team}"`, 'publish as the team\'s lead (--as) or the server admin');
    throw e;
  }
  const commit = p.flags.get('commit');
  const results = await publishToTeam(client, decks, { publishedBy: by, now: io.now(), ...(typeof commit === 'string' ? { commit } : {}) });
  for (const r of results) {
    io.out(r.outcome === 'unchanged' ? `${r.deckId}: unchanged (version ${r.version})` : `${r.deckId}: published version ${r.version}${typeof commit === 'string' ? ` (commit ${commit})` : ''}`);
  }
  return 0;
}

async function run(io: Io, p: Parsed): Promise<number> {
  const { command, args, flags } = p;
  switch (command) {
    case 'init': {
      need(args, 0, 'init');
      const r = await initServer(adminFrom(io), io.env.KUJIRA_APP_URL ?? null);
      for (const [db, o] of Object.entries(r.databases)) io.out(`database ${db}: ${o}`);
      for (const [key, o] of Object.entries(r.settings)) io.out(`setting ${key}: ${o}`);
      if (!io.env.KUJIRA_APP_URL) io.out('CORS: not set (KUJIRA_APP_URL is not set; not needed when the app and CouchDB share one origin)');
      return 0;
    }
    case 'add-learner': {
      need(args, 1, 'add-learner <user> [--password P]');
      const user = args[0]!;
      const given = flags.get('password');
      const admin = adminFrom(io);
      checkName('user', user);
      const exists = await admin.userExists(user);
      const password = typeof given === 'string' ? given : exists ? null : generatePassword();
      const r = await addLearner(admin, user, password);
      io.out(`user ${user}: ${r.user}`);
      if (typeof given !== 'string' && r.user === 'created') io.out(`password for ${user} (shown once, give it to them privately): ${password}`);
      io.out(`database ${r.dbName}: ${r.database}; _security: ${r.security}; write rule: ${r.rule}`);
      return 0;
    }
    case 'create': {
      need(args, 1, 'create <team> --lead <user>');
      const lead = flags.get('lead');
      if (typeof lead !== 'string') throw new UsageError('usage: npm run team -- create <team> --lead <user>');
      const r = await createTeam(adminFrom(io), args[0]!, lead);
      io.out(`team ${args[0]} (${r.dbName}): database ${r.database}; _security: ${r.security}; write rule: ${r.rule}; lead: ${lead}`);
      return 0;
    }
    case 'add-member':
    case 'remove-member': {
      need(args, 2, `${command} <team> <user>`);
      const [team, user] = args as [string, string];
      const admin = adminFrom(io);
      const o = command === 'add-member' ? await addTeamMember(admin, team, user) : await removeTeamMember(admin, team, user);
      const verb = command === 'add-member' ? (o === 'unchanged' ? 'is already a member of' : 'added to') : o === 'unchanged' ? 'is not a member of' : 'removed from';
      io.out(`${user} ${verb} team ${team}`);
      return 0;
    }
    case 'invite': {
      need(args, 2, 'invite <team> <user>');
      const [team, user] = args as [string, string];
      const appUrl = env(io, 'KUJIRA_APP_URL');
      const { member } = await inviteCheck(adminFrom(io), team, user);
      const links = inviteLinks(appUrl, io.env.KUJIRA_COUCHDB_URL || env(io, 'COUCHDB_URL'), team, user);
      if (!member) io.err(`note: ${user} is not a member of team ${team} yet: npm run team -- add-member ${team} ${user}`);
      io.out(`Join the team (send to ${user}):`);
      io.out(links.join);
      io.out('Sync this learner\'s progress across devices:');
      io.out(links.sync);
      return 0;
    }
    case 'publish':
      return publish(io, p);
    case 'status': {
      if (args.length > 1) throw new UsageError('usage: npm run team -- status [<team>]');
      const teams = await teamStatus(adminFrom(io), args[0]);
      if (teams.length === 0) io.out('no teams yet: npm run team -- create <team> --lead <user>');
      for (const t of teams) {
        io.out(`team ${t.team}: lead ${t.leads.join(', ') || '(none)'}; ${t.members.length} member${t.members.length === 1 ? '' : 's'}`);
        for (const m of t.members) io.out(`  ${m.name}  ${m.lastSummaryDay ? `last summary ${m.lastSummaryDay}` : 'not sharing'}`);
      }
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}" (npm run team -- --help)` : HELP);
  }
}

/** Runs one command line; returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
    if (parsed.flags.has('help') || parsed.command === 'help') {
      io.out(HELP);
      return 0;
    }
    return await run(io, parsed);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof AdminError) {
      io.err(`error: ${e.message}${e.hint ? `\n  ${e.hint}` : ''}`);
      return 1;
    }
    if (e instanceof SyncError) {
      io.err(`error: ${e.message}`);
      return 1;
    }
    io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const code = await main(process.argv.slice(2), {
    env: process.env,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
  });
  process.exit(code);
}
