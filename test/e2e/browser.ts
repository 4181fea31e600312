// Launches Debian's Chromium through playwright-core (no browser download) with the flags this
// machine needs, and records every request so tests can assert none leaves the app's origin.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROME_PATH)');
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_FLAGS });
}

/** A persistent profile (needed for service workers across restarts and installability checks). */
export async function launchPersistent(options: { locale?: string; viewport?: { width: number; height: number } } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'kujira-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    args: CHROME_FLAGS,
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  return { context, userDataDir };
}

export interface TrackedPage {
  page: Page;
  foreignRequests: string[];
  pageErrors: string[];
}

/** Opens a page that records requests to other origins and uncaught page errors. */
export async function openTrackedPage(context: BrowserContext, baseUrl: string): Promise<TrackedPage> {
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return { page, foreignRequests, pageErrors };
}

export function resultsDir(): string {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}
