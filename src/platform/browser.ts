// What the screens ask of the browser beyond start-up's device reads (./device.ts): its storage
// manager, network state and clipboard. Apart from ./device.ts, which the first visit loads,
// because only lazy screens ask these.

/** The browser's storage manager (persistence, usage), if it has one. */
export function deviceStorage(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Whether the browser believes it is online (a false "true" is possible; never a false "false"). */
export function deviceOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}

/** Puts `text` on the clipboard; rejects where the browser refuses (no permission, not a secure page). */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}
