// The dev server's guard in front of PouchDB Server (issue 22): what a real CouchDB 3 refuses and
// PouchDB Server does not. A JSON body is read and measured before anything stores it: too large
// or nested too deep is a clear 400 (a 5,000-deep `_bulk_docs` used to kill the process and every
// in-memory database with it). Listing databases (`/_all_dbs`, `/_dbs_info`) and reading `_users`
// is for server admins only, as CouchDB 3 does (`admin_only_all_dbs`, the users database's own
// security); a user may read their own user document.
import type { NextFunction, Request, Response } from 'express';

/** The largest request body taken (a deck's sources are at most 8 files of 1 MB each). */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
/** The largest single document (CouchDB 3's default `max_document_size` is 8,000,000 bytes). */
export const MAX_DOC_BYTES = 8_000_000;
/** The deepest nesting of a request body (the app's documents are under 10; it refuses past 32). */
export const MAX_DEPTH = 64;

function refuse(res: Response, status: number, error: string, reason: string): void {
  res.status(status).set('content-type', 'application/json').send(JSON.stringify({ error, reason }));
}

/** The deepest nesting of a JSON text, read without recursion (a hostile body cannot overflow the stack). */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth += 1;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth -= 1;
  }
  return max;
}

/** Requests whose JSON body PouchDB Server stores or reads as documents (not attachments, not _config). */
function carriesDocuments(req: Request): boolean {
  if (req.method !== 'POST' && req.method !== 'PUT') return false;
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) return false;
  const parts = req.path.split('/').filter((p) => p !== '');
  if (parts.length === 0 || parts[0] === '_config') return false;
  // /db, /db/_bulk_docs, /db/doc, /db/_design/x, /db/_local/x: not /db/doc/attachment.
  return parts.length <= 2 || (parts.length === 3 && (parts[1] === '_design' || parts[1] === '_local'));
}

/** Reads and checks a JSON body before PouchDB Server sees it; hands it on parsed (body-parser then skips it). */
export function bodyGuard() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!carriesDocuments(req)) return next();
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BYTES) return refuse(res, 400, 'bad_request', `the request body is larger than ${MAX_REQUEST_BYTES} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        refused = true;
        refuse(res, 400, 'bad_request', `the request body is larger than ${MAX_REQUEST_BYTES} bytes`);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (e) => {
      if (!refused) next(e);
    });
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (jsonDepth(text, MAX_DEPTH) > MAX_DEPTH) return refuse(res, 400, 'bad_request', `a document is nested deeper than ${MAX_DEPTH} levels`);
      let body: unknown;
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 400, 'bad_request', 'invalid_json');
      }
      const docs = Array.isArray((body as { docs?: unknown } | null)?.docs) ? ((body as { docs: unknown[] }).docs) : [body];
      for (const doc of docs) {
        if (Buffer.byteLength(JSON.stringify(doc) ?? '') > MAX_DOC_BYTES) return refuse(res, 400, 'bad_request', `a document is larger than ${MAX_DOC_BYTES} bytes`);
      }
      const r = req as Request & { _body?: boolean; body?: unknown };
      r.body = body;
      r._body = true;
      next();
    });
  };
}

/** Routes only a server admin may use, and the one user document each user may read. */
function adminOnly(req: Request): { self?: string } | false {
  const parts = req.path.split('/').filter((p) => p !== '');
  if (parts[0] === '_all_dbs' || parts[0] === '_dbs_info') return {};
  if (parts[0] !== '_users') return false;
  const id = parts.length === 2 ? decodeURIComponent(parts[1]!) : '';
  return id.startsWith('org.couchdb.user:') ? { self: id.slice('org.couchdb.user:'.length) } : {};
}

/**
 * Server admins only for database listing and `_users` (a user reads and writes their own user
 * document). Who asks is read from the server's own `/_session` with the caller's cookie or
 * Basic credentials, so the rule is exactly the server's idea of the caller.
 */
export function adminGuard(serverUrl: () => string) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const rule = adminOnly(req);
    if (!rule) return next();
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (req.headers.cookie) headers.cookie = req.headers.cookie;
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      const s = (await (await fetch(`${serverUrl()}/_session`, { headers })).json()) as { userCtx?: { name?: string | null; roles?: string[] } };
      const name = s.userCtx?.name ?? null;
      const admin = (s.userCtx?.roles ?? []).includes('_admin');
      if (admin || (rule.self !== undefined && name !== null && name === rule.self)) return next();
      refuse(res, name === null ? 401 : 403, name === null ? 'unauthorized' : 'forbidden', 'You are not a server admin.');
    } catch (e) {
      next(e);
    }
  };
}
