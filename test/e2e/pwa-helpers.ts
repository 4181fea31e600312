// Helpers for the PWA browser tests: extra builds (the update test deploys two versions), waiting
// for the service worker to control the page, and a marker row in the app's IndexedDB.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);

/** Builds the app into `outDir` labelled `buildId` (vite.config.ts reads both from the environment). */
export async function buildInto(outDir: string, buildId: string): Promise<string> {
  const dir = join(process.cwd(), outDir);
  rmSync(dir, { recursive: true, force: true });
  await run('npx', ['vite', 'build', '--logLevel', 'error'], {
    env: { ...process.env, KUJIRA_OUT_DIR: outDir, KUJIRA_BUILD_ID: buildId },
    maxBuffer: 16 * 1024 * 1024,
  });
  return dir;
}

/**
 * Waits until a service worker is active and controls the page. A first visit is not controlled
 * (the worker waits for the user with registerType 'prompt'), so it reloads once.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload({ waitUntil: 'load' });
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

/** Waits until the app shell has rendered (its main navigation), and returns the <h1> text. */
export async function appHeading(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).first().waitFor({ state: 'attached', timeout: 15_000 });
  const heading = page.locator('main h1').first();
  await heading.waitFor({ timeout: 15_000 });
  return (await heading.textContent()) ?? '';
}

/** The review screen's remaining counts (new, learning, review). */
export async function reviewCounts(page: Page): Promise<{ new: number; learning: number; review: number }> {
  const counts = page.locator('dl[aria-label="Remaining"]').first();
  await counts.waitFor({ timeout: 15_000 });
  const values = await counts.locator('dd').allTextContents();
  const [newCount, learning, review] = values.map(Number);
  return { new: newCount!, learning: learning!, review: review! };
}

/** Rows in the app's append-only review log (IndexedDB "kujira", store reviewLog). */
export async function reviewLogSize(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kujira');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains('reviewLog')) return 0;
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('reviewLog').objectStore('reviewLog').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return count;
  });
}

export interface Probe {
  database: string;
  store: string;
  id: string;
}

/**
 * Writes a marker row into the app's IndexedDB "kujira": a finished quiz result in its
 * quizResults store when the app's schema is there. If the app has not created the database yet
 * (nothing at startup opens it), the marker goes into a store of its own in a new "kujira".
 */
export async function writeProbe(page: Page, id: string): Promise<Probe> {
  return page.evaluate(async (probeId) => {
    const open = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = version === undefined ? indexedDB.open('kujira') : indexedDB.open('kujira', version);
        request.onupgradeneeded = () => upgrade?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const exists = (await indexedDB.databases()).some((d) => d.name === 'kujira');
    const db = exists ? await open() : await open(1, (d) => d.createObjectStore('e2eProbe', { keyPath: 'id' }));
    const store = db.objectStoreNames.contains('quizResults') ? 'quizResults' : 'e2eProbe';
    if (!db.objectStoreNames.contains(store)) throw new Error(`kujira has neither quizResults nor e2eProbe: ${[...db.objectStoreNames]}`);
    const now = Date.now();
    const row = { id: probeId, mode: 'e2e', deckId: 'e2e', startedAt: now, finishedAt: now, score: 1, total: 1, questions: [] };
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { database: 'kujira', store, id: probeId };
  }, id);
}

/** Reads the marker row back; null when it is gone. */
export async function readProbe(page: Page, probe: Probe): Promise<unknown> {
  return page.evaluate(async ({ database, store, id }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains(store)) return null;
    const row = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).get(id);
      request.onsuccess = () => resolve(request.result ?? null);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return row;
  }, probe);
}

/** Every row of one object store of the app's IndexedDB. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kujira');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}
