// The lead's team dashboard in Debian's Chromium against the built app (run `npx vite build`
// first; `npm run bench -- --browser` does): a team of 500 members x 30 days of summaries on the
// dev server (loopback), on the 82-card Docker deck (built in) and on a published 2,000-card deck.
// Measured from the lead's click on Join (a new device: sign in, pull, compile the team's deck,
// aggregate, render) and from opening /team again (the last pulled dashboard at once, then the
// refreshed one), to the dashboard on screen with every member reachable (its count says 500 and
// its first rows are drawn). The split comes from the page's own User Timing measures
// (src/features/team/team-timing.ts). Prints figures and the load; asserts nothing.
//   npx tsx bench/team-browser.ts        (MEMBERS=500 DAYS=30 VARIANTS=docker,big)
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { compileDeck } from '../src/domain/deck/compile-deck';
import type { Deck } from '../src/domain/deck/types';
import { teamDeckId } from '../src/domain/deck/deck-owner';
import { buildLessons } from '../src/domain/onboarding/lessons';
import { addDays, dayKey } from '../src/domain/scheduler/day';
import { makeAssignment, nextDeckDoc } from '../src/domain/team/documents';
import { teamSecurity } from '../src/domain/team/security';
import type { TeamDeckDoc } from '../src/domain/team/types';
import { TEAM_MEASURE } from '../src/features/team/team-timing';
import { startSyncServer } from '../scripts/sync-server';
import { readDeckFolder } from '../scripts/read-decks';
import { createTeamDatabase } from '../scripts/team-setup';
import { DEMO_DAY, generatedSummaries, seeded } from '../scripts/team-demo';
import { launchBrowser } from '../test/e2e/browser';
import { startPreview } from '../test/e2e/preview-server';
import { generatedDeck } from './generated-memo';

const MEMBERS = Number(process.env.MEMBERS ?? 500);
const DAYS = Number(process.env.DAYS ?? 30);
const VARIANTS = (process.env.VARIANTS ?? 'docker,big').split(',');
const D = 86_400_000;
const lead = { name: 'lead', password: 'lead-pass' };
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
// A kept-alive socket the server closed meanwhile fails once (ECONNRESET): set-up tries again.
const retried = <T>(f: () => Promise<T>): Promise<T> => f().catch(f);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Variant {
  label: string;
  team: string;
  goalMs: number;
  /** The deck the summaries are made on, under the id the lead's app gives it. */
  deck: (dbName: string) => Deck;
  /** The team's published deck, when the deck is the team's own. */
  published?: (now: number) => TeamDeckDoc;
}

const GENERATED = generatedDeck(1000, ['en']);
const variants: Record<string, Variant> = {
  docker: {
    label: '82-card deck (the built-in Docker deck)',
    team: 'bench-docker',
    goalMs: 2000,
    deck: () => {
      const r = compileDeck(readDeckFolder('decks/docker'));
      if (!r.deck) throw new Error('decks/docker does not compile');
      return r.deck;
    },
  },
  big: {
    label: '2,000-card deck (generated, published by the team)',
    team: 'bench-big',
    goalMs: 3000,
    // As the lead's app compiles a published version (compileTeamDeck): under the team's id.
    deck: (dbName) => {
      const id = teamDeckId(dbName, 'generated');
      const r = compileDeck({ id, dir: id, files: GENERATED.files });
      if (!r.deck) throw new Error('the generated deck does not compile');
      return r.deck;
    },
    published: (now) => nextDeckDoc([], 'generated', GENERATED.files, lead.name, now - 20 * D),
  },
};

interface Measures {
  /** page time (ms since navigation) when the dashboard was on screen */
  shownAt: number;
  /** page time the measurement starts at (the click on Join, or 0: the navigation) */
  startAt: number;
  entries: { name: string; startTime: number; duration: number }[];
  rows: number;
  count: string;
  /** The page's `_all_docs` requests before the dashboard was on screen (Resource Timing: sent to last byte). */
  requests: { what: string; start: number; ms: number }[];
  rosterAt: number | null;
}

/**
 * Waits (checking every frame) until the dashboard pulled after `sinceEpochMs` is on screen: the
 * status says done, the table's count says MEMBERS, its rows are in the DOM; then one more frame.
 */
async function dashboardShown(page: Page, sinceEpochMs: number): Promise<Measures> {
  await page.waitForFunction(
    ({ since, members }) => {
      const w = window as unknown as { __shownAt?: number; __rosterAt?: number };
      // The Members list: all its items, or its pager's count (paged lists say how many they hold).
      const rosterCount = [...document.querySelectorAll('[data-member-count]')].find((e) => !e.closest('.team-dashboard'))?.getAttribute('data-member-count');
      if (w.__rosterAt === undefined && (Number(rosterCount ?? 0) >= members || document.querySelectorAll('.team-roster > li').length >= members)) w.__rosterAt = performance.now();
      const section = document.querySelector('.team-dashboard');
      const status = document.querySelector('[data-team-status]')?.getAttribute('data-team-status');
      if (status !== 'done' || !section || Number(section.getAttribute('data-pulled-at')) < since) return false;
      const total = Number(section.querySelector('[data-member-count]')?.getAttribute('data-member-count') ?? section.querySelectorAll('.team-table tbody tr').length);
      if (total < members || section.querySelectorAll('.team-table tbody tr').length === 0) return false;
      w.__shownAt ??= performance.now();
      return true;
    },
    { since: sinceEpochMs, members: MEMBERS },
    { polling: 'raf', timeout: 120_000 },
  );
  // The frame after: what was in the DOM has been laid out and painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return page.evaluate((names) => {
    const w = window as unknown as { __shownAt: number; __startAt?: number; __rosterAt?: number };
    const section = document.querySelector('.team-dashboard')!;
    return {
      shownAt: w.__shownAt,
      startAt: w.__startAt ?? 0,
      entries: performance.getEntriesByType('measure').filter((e) => names.includes(e.name)).map((e) => ({ name: e.name, startTime: e.startTime, duration: e.duration })),
      rows: section.querySelectorAll('.team-table tbody tr').length,
      count: section.querySelector('[data-member-count]')?.textContent ?? '',
      rosterAt: w.__rosterAt ?? null,
      requests: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.name.includes('/_all_docs') && e.responseEnd <= w.__shownAt)
        .map((e) => ({ what: decodeURIComponent(e.name).includes('startkey="summary:"') ? 'summary ids' : decodeURIComponent(e.name).includes('startkey=') ? 'decks, assignments' : 'summaries by key', start: e.startTime, ms: e.duration })),
    };
  }, Object.values(TEAM_MEASURE) as string[]);
}

function report(what: string, m: Measures, goalMs: number): void {
  const before = (name: string) => m.entries.filter((e) => e.name === name && e.startTime >= m.startAt && e.startTime + e.duration <= m.shownAt);
  const sum = (name: string) => before(name).reduce((a, e) => a + e.duration, 0);
  const aggregates = before(TEAM_MEASURE.aggregate);
  const lastAggregate = aggregates[aggregates.length - 1];
  const total = m.shownAt - m.startAt;
  const render = lastAggregate ? m.shownAt - (lastAggregate.startTime + lastAggregate.duration) : NaN;
  const refresh = sum(TEAM_MEASURE.refresh);
  const pull = sum(TEAM_MEASURE.pull);
  const save = sum(TEAM_MEASURE.save);
  console.log(`  ${what}: ${s(total)} to the dashboard on screen   (goal < ${s(goalMs)})`);
  console.log(
    `    pull ${s(pull)} (the members' summaries: ids + newest, beside the decks' compile and store) | refresh in all ${s(refresh)} (session, decks and assignments, compile and store the team's deck, the pull, save) | save ${s(save)} (IndexedDB)`,
  );
  console.log(
    `    compile for the dashboard ${s(sum(TEAM_MEASURE.decks))} | aggregate ${s(lastAggregate?.duration ?? NaN)} (${aggregates.length} run${aggregates.length === 1 ? '' : 's'}, ${s(sum(TEAM_MEASURE.aggregate))} in all) | render ${s(render)} (last aggregate -> on screen, a frame after)`,
  );
  const kinds = new Map<string, number[]>();
  for (const q of m.requests.filter((q) => q.start >= m.startAt)) kinds.set(q.what, [...(kinds.get(q.what) ?? []), q.ms]);
  console.log(`    the server's answers (_all_docs): ${[...kinds].map(([k, v]) => `${k} ${v.map((ms) => s(ms)).join(' + ')}`).join(', ')}`);
  console.log(`    on screen: ${m.rows} rows drawn${m.count ? `, "${m.count.trim()}"` : ''}${m.rosterAt !== null ? `; the Members list (${MEMBERS}) at ${s(m.rosterAt - m.startAt)}` : ''}`);
}

const preview = await startPreview();
const server = await startSyncServer({ port: 0 });
const browser = await launchBrowser();
const admin = { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}` };
console.log(`Chromium ${browser.version()}, the built app (vite preview), the dev sync server on loopback; ${MEMBERS} members x ${DAYS} days; load average before: ${load()}`);
try {
  for (const key of VARIANTS) {
    const v = variants[key];
    if (!v) throw new Error(`no variant ${key}: docker or big`);
    const now = Date.now();
    const create = () => createTeamDatabase(server.url, server.admin, { name: v.team, lead, members: [] });
    const dbUrl = await retried(create);
    const dbName = dbUrl.split('/').pop()!;
    const deck = v.deck(dbName);
    const lessons = buildLessons(deck);
    const rnd = seeded(16);
    const names = Array.from({ length: MEMBERS }, (_, m) => `m${String(m).padStart(3, '0')}`);
    const docs: object[] = [];
    if (v.published) docs.push(v.published(now));
    const today = dayKey(now, DEMO_DAY.timeZone, DEMO_DAY.startHour);
    docs.push(makeAssignment({ id: 'first-month', deck, lessonCount: lessons.length, fromLesson: 1, toLesson: Math.min(3, lessons.length), dueDay: addDays(today, 7), retentionTarget: 0.9, createdBy: lead.name, now: now - 20 * D }));
    // Made an hour ago: the newest summary of each member is today's.
    for (const name of names) docs.push(...generatedSummaries(name, deck, rnd, now - 3_600_000, Math.floor(rnd() * (lessons.length + 1)), DAYS));
    for (let i = 0; i < docs.length; i += 1000) {
      const res = await retried(() => fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: admin, body: JSON.stringify({ docs: docs.slice(i, i + 1000) }) }));
      if (!res.ok) throw new Error(`seeding: ${res.status} ${await res.text()}`);
    }
    // Every member in the roster (`_security`), as `npm run team -- add-member` leaves them.
    const sec = await retried(() => fetch(`${dbUrl}/_security`, { method: 'PUT', headers: admin, body: JSON.stringify(teamSecurity(lead.name, names)) }));
    if (!sec.ok) throw new Error(`_security: ${sec.status}`);
    console.log(`\n${v.label}: ${deck.cards.length} cards, ${lessons.length} lessons, ${docs.length} documents on the server; load ${load()}`);

    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The start of the first measure: the Join form's submit.
    await page.addInitScript(() => document.addEventListener('submit', () => ((window as unknown as { __startAt?: number }).__startAt ??= performance.now()), true));
    await page.goto(`${preview.url}/team/join?db=${encodeURIComponent(dbUrl)}`);
    await page.getByLabel('User name').fill(lead.name);
    await page.getByLabel('Password', { exact: true }).fill(lead.password);
    const joinedAt = Date.now();
    await page.getByRole('button', { name: 'Join' }).click();
    report('first sign-in on this device (Join -> dashboard)', await dashboardShown(page, joinedAt), v.goalMs);

    // Opening the team page again: the stored dashboard at once, then the refreshed one.
    const openedAt = Date.now();
    await page.goto(`${preview.url}/team`);
    report('opening /team again (navigation -> refreshed dashboard)', await dashboardShown(page, openedAt), v.goalMs);
    // On a phone: the page keeps to the screen's width (SHOT=file.png keeps a picture of it).
    await page.setViewportSize({ width: 360, height: 740 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(`  at 360 px wide the page is ${width} px wide`);
    if (process.env.SHOT) await page.locator('.team-dashboard').screenshot({ path: process.env.SHOT.replace(/(\.png)?$/, `-${key}.png`) });
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await preview.stop();
}
console.log(`load average after: ${load()}`);
process.exit(0);
