// What the PWA pieces ask of the browser beyond start-up's device reads (./device.ts): its storage
// manager and network state. Apart from ./device.ts, which the first visit loads, because only
// lazy screens ask these (and apart from ./clipboard.ts, which only the team page uses).

/** The browser's storage manager (persistence, usage), if it has one. */
export function deviceStorage(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Whether the browser believes it is online (a false "true" is possible; never a false "false"). */
export function deviceOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}
