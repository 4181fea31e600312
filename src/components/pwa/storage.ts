// Persistent storage: asking the browser not to evict Kujira's IndexedDB data, and reading
// whether it is persistent and how much is used. Chromium grants persist() silently only to
// installed or engaged sites; Safari may clear a site's data after 7 days without a visit
// unless it is installed. So the app asks at sensible moments and shows the result, never assumes.
import { deviceStorage } from '../../platform/browser';

/** The part of StorageManager this needs; tests pass a fake. */
export interface StorageLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** The browser has a StorageManager at all. */
  supported: boolean;
  /** null when the browser cannot say. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

const defaultStorage = (): StorageLike | undefined => deviceStorage();

/** Whether storage is persistent and how much is used; never throws. */
export async function readStorageStatus(storage: StorageLike | undefined = defaultStorage()): Promise<StorageStatus> {
  if (!storage) return { supported: false, persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    supported: true,
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

/**
 * Asks the browser to keep Kujira's data (call after the first review session, on install, or
 * on the user's request). Resolves to whether storage is now persistent; never throws.
 */
export async function requestPersistentStorage(storage: StorageLike | undefined = defaultStorage()): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Requests persistent storage when the app gets installed; returns the unsubscribe function. */
export function persistWhenInstalled(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  storage?: StorageLike,
): () => void {
  const onInstalled = () => void requestPersistentStorage(storage ?? defaultStorage());
  target.addEventListener('appinstalled', onInstalled);
  return () => target.removeEventListener('appinstalled', onInstalled);
}

const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.2 MB" in the UI language: decimal units (as browsers report quota), kB at the smallest. */
export function formatBytes(bytes: number, lang: string): string {
  let value = Math.max(0, bytes) / 1000;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
