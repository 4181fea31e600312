// Creating a team on a CouchDB server as its admin, for the demo team (`npm run sync-server --
// --demo-team`), tests and benches: the same operations as `npm run team` (src/sync/couch-admin.ts),
// with accounts only (no learner databases), so a test sets up a team in one call.
import { addTeamMember, CouchAdmin, createTeam } from '../src/sync/couch-admin';

export interface Account {
  name: string;
  password: string;
}

const adminOf = (serverUrl: string, admin: Account) => new CouchAdmin(serverUrl, (input, init) => fetch(input, init), admin);

/** Creates a user (an existing one is left as it is). */
export async function createUser(serverUrl: string, admin: Account, user: Account): Promise<void> {
  const a = adminOf(serverUrl, admin);
  if (!(await a.userExists(user.name))) await a.putUser(user.name, user.password);
}

/** Creates `kujira-team-<name>` with the lead as database admin and the members as members; returns its URL. */
export async function createTeamDatabase(serverUrl: string, admin: Account, team: { name: string; lead: Account; members: Account[] }): Promise<string> {
  for (const u of [team.lead, ...team.members]) await createUser(serverUrl, admin, u);
  const a = adminOf(serverUrl, admin);
  const { dbName } = await createTeam(a, team.name, team.lead.name);
  for (const m of team.members) await addTeamMember(a, team.name, m.name);
  return `${a.url}/${dbName}`;
}
