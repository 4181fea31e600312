// Creating a team database on a CouchDB server as its admin (what `npm run sync-server --
// --demo-team` and the team tests do; docs/team.md has the same steps as curl lines for Apache
// CouchDB): the users, `kujira-team-<name>` with its `_security` and the members' write rule.
import { teamSecurity, TEAM_DESIGN_DOC } from '../src/domain/team/security';
import { TEAM_DB_PREFIX } from '../src/domain/team/types';

export interface Account {
  name: string;
  password: string;
}

async function ok(res: Response, what: string): Promise<void> {
  if (!res.ok && res.status !== 409) throw new Error(`team set-up: ${what} failed: ${res.status} ${await res.text()}`);
}

const headersOf = (admin: Account) => ({
  'content-type': 'application/json',
  authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`,
});

/** Creates a user (a 409 for an existing one is fine). */
export async function createUser(serverUrl: string, admin: Account, user: Account): Promise<void> {
  await ok(
    await fetch(`${serverUrl}/_users/org.couchdb.user:${encodeURIComponent(user.name)}`, {
      method: 'PUT',
      headers: headersOf(admin),
      body: JSON.stringify({ _id: `org.couchdb.user:${user.name}`, name: user.name, password: user.password, roles: [], type: 'user' }),
    }),
    `creating user ${user.name}`,
  );
}

/** Creates `kujira-team-<name>` with the lead as database admin and the members as members; returns its URL. */
export async function createTeamDatabase(serverUrl: string, admin: Account, team: { name: string; lead: Account; members: Account[] }): Promise<string> {
  for (const u of [team.lead, ...team.members]) await createUser(serverUrl, admin, u);
  const dbUrl = `${serverUrl}/${TEAM_DB_PREFIX}${team.name}`;
  const headers = headersOf(admin);
  await ok(await fetch(dbUrl, { method: 'PUT', headers }), 'creating the team database');
  await ok(
    await fetch(`${dbUrl}/_security`, { method: 'PUT', headers, body: JSON.stringify(teamSecurity(team.lead.name, team.members.map((m) => m.name))) }),
    'setting _security',
  );
  await ok(await fetch(`${dbUrl}/${TEAM_DESIGN_DOC._id}`, { method: 'PUT', headers, body: JSON.stringify(TEAM_DESIGN_DOC) }), 'installing the write rule');
  return dbUrl;
}
