// Who is in a team: the members named in the team database's `_security`, each with the day of
// their newest summary (null for a member who never shared). Read and changed by a database admin
// (the team's lead, in the app) or a server admin (`npm run team`). Adding a name does not create
// an account: the user must exist on the server (`npm run team -- add-learner`).
import { teamSecurity, type TeamSecurity } from '../domain/team/security';
import type { CouchClient } from './couch-client';

export interface RosterMember {
  name: string;
  /** YYYY-MM-DD of the newest summary this member shared, or null ("not sharing"). */
  lastSummaryDay: string | null;
}

export interface Roster {
  leads: string[];
  members: RosterMember[];
}

/** A CouchDB user name the tools accept: lower case, digits, `_` and `-` (it is part of database names). */
export const USER_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

const SUMMARY_DAY = /^summary:(.+):(\d{4}-\d{2}-\d{2})$/;

/** The newest summary day per member, read off `summary:<member>:<day>` ids. */
export function lastSummaryDays(ids: readonly string[]): Map<string, string> {
  const days = new Map<string, string>();
  for (const id of ids) {
    const m = SUMMARY_DAY.exec(id);
    if (!m) continue;
    const [, member, day] = m as unknown as [string, string, string];
    if ((days.get(member) ?? '') < day) days.set(member, day);
  }
  return days;
}

export async function readSecurity(client: CouchClient, signal?: AbortSignal): Promise<TeamSecurity> {
  const sec = (await client.getDoc<Partial<TeamSecurity>>('_security', signal)) ?? {};
  return {
    admins: { names: [...(sec.admins?.names ?? [])], roles: [...(sec.admins?.roles ?? [])] },
    members: { names: [...(sec.members?.names ?? [])], roles: [...(sec.members?.roles ?? [])] },
  };
}

/**
 * `known`: the newest summary days the lead's pull just read (LatestSummaries.lastSummaryDays);
 * then only `_security` is read, not the ids of every summary again (15,000 for 500 members).
 */
export async function readRoster(client: CouchClient, signal?: AbortSignal, known?: Readonly<Record<string, string>>): Promise<Roster> {
  const [sec, days] = await Promise.all([
    readSecurity(client, signal),
    known ? new Map(Object.entries(known)) : client.allDocs({ prefix: 'summary:', signal }).then((rows) => lastSummaryDays(rows.map((r) => r.id))),
  ]);
  return {
    leads: sec.admins.names,
    members: [...sec.members.names].sort().map((name) => ({ name, lastSummaryDay: days.get(name) ?? null })),
  };
}

async function writeMembers(client: CouchClient, change: (names: string[]) => string[], signal?: AbortSignal): Promise<boolean> {
  const sec = await readSecurity(client, signal);
  const before = sec.members.names;
  const after = change(before);
  if (after.length === before.length && after.every((n, i) => n === before[i])) return false;
  // `_security` is written whole; the roles and the leads are kept as they are.
  await client.putSecurity({ admins: sec.admins, members: { names: after, roles: sec.members.roles } }, signal);
  return true;
}

/** Adds `name` to the members; false when already one. */
export function addMember(client: CouchClient, name: string, signal?: AbortSignal): Promise<boolean> {
  return writeMembers(client, (names) => (names.includes(name) ? names : [...names, name]), signal);
}

/** Removes `name` from the members; false when not one. Their shared summaries stay. */
export function removeMember(client: CouchClient, name: string, signal?: AbortSignal): Promise<boolean> {
  return writeMembers(client, (names) => names.filter((n) => n !== name), signal);
}

/** `_security` for a new team, or the existing one with `lead` made a lead (members kept). */
export function securityWithLead(existing: TeamSecurity | null, lead: string): TeamSecurity {
  if (!existing) return teamSecurity(lead, []);
  const admins = existing.admins.names.includes(lead) ? existing.admins.names : [...existing.admins.names, lead];
  return { admins: { names: admins, roles: existing.admins.roles }, members: existing.members };
}
