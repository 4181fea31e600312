// Just enough types for the PouchDB Server packages the sync server script uses (they ship none).
declare module 'pouchdb-core' {
  interface PouchStatic {
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
    /** A database by name (the dev server reads its update sequence). */
    new (name: string): { info(): Promise<{ update_seq: number | string }> };
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  /** The server's settings (`_config`), e.g. `couch_httpd_auth` / `timeout` in seconds. */
  interface CouchConfig {
    set(section: string, key: string, value: unknown, callback: (err: unknown) => void): void;
  }
  function expressPouchDB(pouch: unknown, options?: Record<string, unknown>): RequestHandler & { couchConfig: CouchConfig };
  export default expressPouchDB;
}
