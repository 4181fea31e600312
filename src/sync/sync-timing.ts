// The pull's User Timing measures, read by bench/sync-browser.ts: where a catch-up spends its time
// on the device, batch by batch. Entries in this page's own performance timeline; nothing is sent.
export const PULL_MEASURE = {
  /** Waiting for a _changes answer the device was not already busy beside. */
  wait: 'kujira:sync:wait-for-server',
  /** Which pulled ids the store holds already. */
  known: 'kujira:sync:known-ids',
  /** Reading and checking the documents (pulled-docs.ts). */
  classify: 'kujira:sync:check',
  /** The store's merge: plan, write, replay. */
  merge: 'kujira:sync:merge',
  /** The states a catch-up left to its end, written (the store's settlePulled). */
  settle: 'kujira:sync:settle',
  /** The pull checkpoint saved on the server. */
  checkpoint: 'kujira:sync:checkpoint',
} as const;

/** Records `name` from `start` (performance.now()) to now, and returns now. */
export function measureSince(name: string, start: number): number {
  const end = performance.now();
  performance.measure(name, { start, end });
  return end;
}
