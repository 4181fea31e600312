// The team database's access rules, as CouchDB documents: `_security` (the lead is a database
// admin, members are members: anyone else reads nothing) and the `validate_doc_update` design
// document (a member writes only their own summaries). Installed by a server admin (the dev
// server's --demo-team, or the curl lines in docs/team.md); CouchDB enforces them, not our code.

export interface TeamSecurity {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export function teamSecurity(lead: string, members: readonly string[]): TeamSecurity {
  return { admins: { names: [lead], roles: [] }, members: { names: [...members], roles: [] } };
}

/**
 * Server admins and database admins (the lead) may write anything. A member may create, update
 * or delete only `summary:<their name>:<YYYY-MM-DD>` documents whose `member` is their name and
 * whose `day` is that day: a real calendar day no later than the server's tomorrow (UTC), so a
 * member cannot hide behind, or fake, a summary dated in the future (issue 22). This function runs
 * on the server, which may read its own clock; deleting one's own summaries is always allowed.
 */
export const TEAM_DESIGN_DOC = {
  _id: '_design/kujira-team',
  validate_doc_update: `function (newDoc, oldDoc, userCtx, secObj) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  var admins = (secObj && secObj.admins) || {};
  if ((admins.names || []).indexOf(userCtx.name) !== -1) return;
  for (var i = 0; i < userCtx.roles.length; i++) if ((admins.roles || []).indexOf(userCtx.roles[i]) !== -1) return;
  var prefix = 'summary:' + userCtx.name + ':';
  var id = newDoc._id || '';
  if (id.indexOf(prefix) !== 0 || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(id.slice(prefix.length))) {
    throw({ forbidden: 'a member writes only summary:' + userCtx.name + ':<day> documents' });
  }
  if (newDoc._deleted) return;
  if (newDoc.type !== 'summary' || newDoc.member !== userCtx.name) throw({ forbidden: 'a summary names its writer as member' });
  var day = id.slice(prefix.length);
  if (newDoc.day !== day) throw({ forbidden: "a summary's day is the day in its id" });
  var t = Date.parse(day + 'T00:00:00Z');
  if (isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) throw({ forbidden: day + ' is not a calendar day' });
  var tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  if (day > tomorrow) throw({ forbidden: 'a summary is dated no later than tomorrow (' + tomorrow + '), not ' + day });
}`,
};
