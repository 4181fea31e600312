// A learner's own sync database on the server, as CouchDB documents: its name, its `_security`
// (the learner is the only member) and its write rule (members add Kujira events and deck
// sources and never change one). Installed by a server admin: `npm run team -- add-learner`, or
// the dev server at start. CouchDB enforces these rules, not our code.

/** `kujira-<user>`: the learner's database (docs/sync.md). */
export const learnerDbName = (user: string): string => `kujira-${user}`;

export function learnerSecurity(user: string) {
  return { admins: { names: [] as string[], roles: [] as string[] }, members: { names: [user], roles: [] as string[] } };
}

/**
 * The database's write rule (docs/sync.md): a member may add Kujira event documents (and deck
 * source documents, `deck:<id>:<hash>`) and never edit or delete one; anything else is refused.
 * Server and database admins are not held to it.
 */
export const EVENTS_DESIGN_DOC = {
  _id: '_design/kujira',
  validate_doc_update: `function (newDoc, oldDoc, userCtx, secObj) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  var admins = (secObj && secObj.admins && secObj.admins.names) || [];
  if (admins.indexOf(userCtx.name) !== -1) return;
  if (newDoc._deleted) throw({ forbidden: 'Kujira events are never deleted' });
  if (oldDoc) throw({ forbidden: 'Kujira events are never changed' });
  if (newDoc.kujira !== 1) throw({ forbidden: 'not a Kujira document' });
  if (newDoc.deck && !newDoc.event && newDoc._id.indexOf('deck:') === 0) return;
  if (!newDoc.event || newDoc.event.id !== newDoc._id) throw({ forbidden: 'not a Kujira event document' });
}`,
};
