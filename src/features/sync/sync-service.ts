// The one sync session of this tab: the replication engine (src/sync) over the device's event
// store (src/db), its status for the UI, and the saved server and user name (never the password).
// Loaded only when sync is set up or its page opens: nothing here is in the first-visit bundle.
import { syncConfigRepository, syncRepository, type SyncConfig } from '../../db';
import { checkEventLikeImport, checkEventsLikeImport } from '../../domain/backup/event-check';
import { dbUrlProblem } from '../../sync/couch-client';
import { Replicator } from '../../sync/replicator';
import { realClock, type EventBatchCheck, type EventCheck, type SyncStatus } from '../../sync/types';

export interface SyncSnapshot {
  status: SyncStatus;
  config: SyncConfig | null;
  totals: { pushed: number; pulled: number; quarantined: number };
}

let replicator: Replicator | null = null;
let snapshot: SyncSnapshot = { status: { kind: 'stopped' }, config: null, totals: { pushed: 0, pulled: 0, quarantined: 0 } };
const listeners = new Set<() => void>();
let configLoaded: Promise<void> | null = null;

function publish(patch: Partial<SyncSnapshot>): void {
  snapshot = { ...snapshot, ...patch, totals: replicator ? { ...replicator.totals } : snapshot.totals };
  for (const l of listeners) l();
}

export const getSyncSnapshot = (): SyncSnapshot => snapshot;

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  void loadConfig();
  return () => void listeners.delete(listener);
}

function loadConfig(): Promise<void> {
  configLoaded ??= syncConfigRepository.load().then(
    (config) => publish({ config }),
    () => publish({ config: null }),
  );
  return configLoaded;
}

async function pulledEventChecks(): Promise<{ check: EventCheck; checkMany: EventBatchCheck }> {
  const m = await import('../../domain/backup/validator.generated');
  const validators = { v1: m.validateV1, v2: m.validate };
  return {
    check: (raw) => checkEventLikeImport(raw, validators, realClock.now()),
    checkMany: (raws) => checkEventsLikeImport(raws, validators, realClock.now()),
  };
}

function onOnline() {
  replicator?.wake();
}

async function begin(server: string, credentials: { name: string; password: string } | null): Promise<void> {
  await replicator?.stop();
  const [{ check, checkMany }, deviceId] = await Promise.all([pulledEventChecks(), syncRepository.deviceId()]);
  // A saved address the engine now refuses (http:// to another computer, saved before issue 22)
  // is reported like any other error, not thrown at start-up.
  const problem = dbUrlProblem(server);
  if (problem === 'cleartext') {
    replicator = null;
    publish({ status: { kind: 'error', reason: 'cleartext', detail: server, retryAt: null } });
    return;
  }
  replicator = new Replicator({
    dbUrl: server,
    store: syncRepository.eventStore(),
    check,
    checkMany,
    deviceId,
    // Larger batches than the engine's default: each pulled batch is merged like an import (one
    // plan, one check, the log rows), and a catch-up writes its states once at the end, so what is
    // left per batch is a fixed cost: 100,000 events on 10,000 cards took 26.0-26.4 s in batches of
    // 5,000 against 30.5-33.1 s in batches of 2,000 (bench/sync-browser.ts, docs/sync.md). Pushes
    // stay at 2,000: a push body is not cut to a byte cap, and 5,000 quiz results could pass the
    // 16 MB a request may take on the dev server (CouchDB and the deploy's nginx take more).
    batchSize: 2000,
    pullBatchSize: 5000,
    fetch: (input, init) => globalThis.fetch(input, init),
    onStatus: (status) => publish({ status }),
  });
  window.addEventListener('online', onOnline);
  replicator.start(credentials);
}

/** Saves the server and user name, then signs in and syncs. */
export async function startSync(server: string, user: string, password: string): Promise<void> {
  const config: SyncConfig = { server, user, enabled: true };
  await syncConfigRepository.save(config);
  publish({ config });
  await begin(server, { name: user, password });
}

/**
 * A new sign-in attempt starts: an error that stopped sync (a refused password, a missing
 * database) is the last attempt's, and no longer what the page says.
 */
export function clearStoppedError(): void {
  if (snapshot.status.kind === 'error' && snapshot.status.retryAt === null) publish({ status: { kind: 'stopped' } });
}

/** Stops syncing (nothing local is touched); sync stays off after a reload. */
export async function stopSync(): Promise<void> {
  window.removeEventListener('online', onOnline);
  await replicator?.stop();
  replicator = null;
  const config = snapshot.config ? { ...snapshot.config, enabled: false } : null;
  if (config) await syncConfigRepository.save(config);
  publish({ config, status: { kind: 'stopped' } });
}

/** After a reload: sync goes on with the server's session cookie when it was on. */
export async function resumeSync(): Promise<void> {
  await loadConfig();
  const config = snapshot.config;
  if (!config?.enabled || replicator) return;
  await begin(config.server, null);
}
