// The team space's work, outside React: join (sign in, learn the role from `_security`), refresh
// (pull decks and assignments, store new deck versions through the stored-deck update path, write
// today's summary when sharing is on, pull the members' summaries for the lead), publish, assign,
// leave. The password is used to sign in and never stored (the session cookie resumes, as sync does).
import { teamRepository, type TeamCache, type TeamConfig, type TeamDashboardCache } from '../../db';
import type { DeckSourceFile } from '../../domain/deck/deck-files';
import type { Deck } from '../../domain/deck/types';
import { buildLessons } from '../../domain/onboarding/lessons';
import type { DashboardDeck } from '../../domain/team/dashboard';
import { localTeamContent, makeAssignment, newestDecks, nextDeckDoc, publishedDeckId } from '../../domain/team/documents';
import { teamKey } from '../../domain/deck/deck-owner';
import type { TeamSecurity } from '../../domain/team/security';
import { summarize } from '../../domain/team/summarize';
import type { TeamDeckDoc } from '../../domain/team/types';
import { CouchClient } from '../../sync/couch-client';
import { SyncError } from '../../sync/errors';
import { pullLatestSummaries, pullTeamContent, pushSummary, type PushOutcome } from '../../sync/team';
import { addMember, readRoster, removeMember, type Roster } from '../../sync/team-roster';
import { measureSince, TEAM_MEASURE } from './team-timing';

let client: CouchClient | null = null;

const browserFetch = (input: string, init?: RequestInit) => fetch(input, init);

/** The team's key in its decks' ids: its database name (`kujira-team-onboarding`). */
export function teamKeyOf(dbUrl: string): string {
  const last = dbUrl.replace(/\/+$/, '').split('/').pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape: the raw segment still names the team.
  }
  return teamKey(name);
}

export async function joinTeam(dbUrl: string, user: string, password: string): Promise<TeamConfig> {
  const c = new CouchClient(dbUrl, browserFetch);
  await c.login(user, password);
  const sec = await c.getDoc<TeamSecurity>('_security');
  const lead = sec?.admins?.names?.includes(user) === true;
  const previous = await teamRepository.config();
  const config: TeamConfig = { dbUrl: c.dbUrl, user, lead, sharing: previous?.dbUrl === c.dbUrl && previous.user === user ? previous.sharing : false, lastSummaryDay: null };
  await teamRepository.saveConfig(config);
  client = c;
  inFlight = null;
  return config;
}

/** The signed-in client, resumed on the session cookie after a reload. */
async function signedIn(config: TeamConfig): Promise<CouchClient> {
  if (client && client.dbUrl === config.dbUrl) return client;
  const c = new CouchClient(config.dbUrl, browserFetch);
  const who = await c.session();
  if (who !== config.user) throw new SyncError('signed-out', 'the session with the team server has ended');
  client = c;
  return c;
}

export async function leaveTeam(): Promise<void> {
  const c = client;
  client = null;
  inFlight = null;
  await teamRepository.leave();
  // Signing out is a courtesy: offline, leaving still works.
  await c?.logout().catch(() => undefined);
}

/**
 * Compiles a published version (the compiler loads only when a team deck is read). `doc.deckId` is
 * the app's id for it (`team:<team>:<id>`, see localTeamContent): a team deck never takes a
 * built-in deck's place, whatever its title.
 */
export function compileTeamDeck(doc: TeamDeckDoc): Promise<{ deck?: Deck; errors: string[] }> {
  // A refresh and the dashboard both compile each version (2,000 cards: a few hundred ms each):
  // the same sources under the same id give the same deck, so it is compiled once.
  const key = `${doc.deckId}\u0000${JSON.stringify(doc.files)}`;
  const have = compiled.get(key);
  if (have) return have;
  const result = (async () => {
    const [{ compileDeck }, { formatDeckError }] = await Promise.all([import('../../domain/deck/compile-deck'), import('../../domain/deck/errors')]);
    const r = compileDeck({ id: doc.deckId, dir: doc.deckId, files: doc.files });
    return r.deck ? { deck: r.deck, errors: [] } : { errors: r.errors.map(formatDeckError) };
  })();
  compiled.set(key, result);
  result.catch(() => compiled.delete(key));
  // A few versions are kept: a team has a handful of decks, each with its versions.
  while (compiled.size > 16) compiled.delete(compiled.keys().next().value!);
  return result;
}
const compiled = new Map<string, Promise<{ deck?: Deck; errors: string[] }>>();

export interface RefreshResult {
  content: TeamCache;
  dashboard: TeamDashboardCache | null;
  /** Team decks stored or updated on this device in this refresh. */
  updated: string[];
  /** Published versions that do not compile here: `FILE:LINE: message`. */
  problems: string[];
  /** This device's clock minus the team server's (its Date header), null when unknown. */
  clockSkewMs: number | null;
  /** The summary: written, kept (the server's covers more of the learner's history), or not shared (null). */
  shared: PushOutcome | null;
}

/** The round under way, which a refresh asked meanwhile joins instead of pulling everything again. */
let inFlight: { key: string; writes: number; result: Promise<RefreshResult> } | null = null;
/** Counts what this app wrote to the team (publish, assign, roster): a round started before a write is not joined. */
let writes = 0;

/**
 * One round with the team database. `decks` are the decks this device has (for the summary of
 * decks that assignments name but the team did not publish, such as a built-in one).
 * `joinRunning` (the automatic rounds: start-up's in the background, the page's on opening and
 * every five minutes): a round already under way for the same settings, started after this app's
 * last write to the team, is joined, so the page opening during start-up's round pulls the 500
 * summaries once. A refresh the user asks for (Refresh, sharing on, after a publish) is a round of
 * its own: it must see what happened after the click.
 */
export function refreshTeam(config: TeamConfig, decks: readonly Deck[], now: number, options: { joinRunning?: boolean } = {}): Promise<RefreshResult> {
  const key = JSON.stringify([config.dbUrl, config.user, config.lead, config.sharing]);
  if (options.joinRunning && inFlight && inFlight.key === key && inFlight.writes === writes) return inFlight.result;
  const result = refreshOnce(config, decks, now).finally(() => {
    if (inFlight?.result === result) inFlight = null;
  });
  inFlight = { key, writes, result };
  return result;
}

async function refreshOnce(config: TeamConfig, decks: readonly Deck[], now: number): Promise<RefreshResult> {
  const started = performance.now();
  const c = await signedIn(config);
  // The lead's pull of the members' summaries (500 members: the longest wait) runs while the
  // team's decks are compiled and stored; after this device's own summary when the lead shares,
  // so that summary is in it.
  const pullSummaries = async () => {
    const pullStart = performance.now();
    const latest = await pullLatestSummaries(c, now);
    measureSince(TEAM_MEASURE.pull, pullStart);
    return latest;
  };
  const early = config.lead && !config.sharing ? pullSummaries() : null;
  // Awaited below; a failure before then must not surface as an unhandled rejection.
  early?.catch(() => undefined);
  const pulled = localTeamContent(await pullTeamContent(c), teamKeyOf(config.dbUrl));
  const content: TeamCache = { decks: pulled.decks, assignments: pulled.assignments, pulledAt: now };
  await teamRepository.saveContent(content);

  const updated: string[] = [];
  const problems: string[] = [];
  const known = new Map(decks.map((d) => [d.id, d]));
  for (const doc of newestDecks(content.decks)) {
    const { deck, errors } = await compileTeamDeck(doc);
    if (!deck) {
      problems.push(...errors.slice(0, 3));
      continue;
    }
    known.set(deck.id, deck);
    if (await teamRepository.applyDeck(deck, doc.files, now, { team: teamKeyOf(config.dbUrl), version: doc.version })) updated.push(deck.id);
  }

  let shared: PushOutcome | null = null;
  if (config.sharing) {
    const ids = [...new Set([...content.decks.map((d) => d.deckId), ...content.assignments.map((a) => a.deckId)])].filter((id) => known.has(id));
    const source = await teamRepository.summarySource(ids, now);
    const doc = summarize({
      member: config.user,
      now,
      day: source.day,
      decks: ids.map((id) => ({ deck: known.get(id)!, ...(source.progress.get(id) ?? { lessonsPassed: [], lastLessonAt: null }) })),
      states: source.states,
      log: source.log,
      events: source.events,
    });
    shared = await pushSummary(c, doc, config.lastSummaryDay);
    if (shared === 'written' && config.lastSummaryDay !== doc.day) await teamRepository.saveConfig({ ...config, lastSummaryDay: doc.day });
  }

  let dashboard: TeamDashboardCache | null = null;
  if (config.lead) {
    const latest = await (early ?? pullSummaries());
    dashboard = { summaries: latest.summaries, unreadable: latest.unreadable, lastSummaryDays: latest.lastSummaryDays, pulledAt: now };
    const saveStart = performance.now();
    await teamRepository.saveDashboard(dashboard);
    measureSince(TEAM_MEASURE.save, saveStart);
  }
  measureSince(TEAM_MEASURE.refresh, started);
  return { content, dashboard, updated, problems, clockSkewMs: c.clockSkewMs, shared };
}

/** The decks the dashboard reads: each deck's current form and every published version's card order. */
export async function dashboardDecks(content: TeamCache, decks: readonly Deck[]): Promise<DashboardDeck[]> {
  const started = performance.now();
  const byId = new Map<string, DashboardDeck>();
  for (const d of decks) byId.set(d.id, { deck: d, lessons: buildLessons(d), cardOrder: new Map([[d.hash, d.cards.map((c) => c.id)]]) });
  for (const doc of [...content.decks].sort((a, b) => a.version - b.version)) {
    const { deck } = await compileTeamDeck(doc);
    if (!deck) continue;
    const have = byId.get(deck.id);
    const order = new Map(have?.cardOrder ?? []);
    order.set(deck.hash, deck.cards.map((c) => c.id));
    // The newest version is the deck the dashboard names lessons and weak spots by.
    byId.set(deck.id, { deck, lessons: buildLessons(deck), cardOrder: order });
  }
  measureSince(TEAM_MEASURE.decks, started);
  return [...byId.values()].filter((d) => content.assignments.some((a) => a.deckId === d.deck.id) || content.decks.some((v) => v.deckId === d.deck.id));
}

export async function publishDeck(config: TeamConfig, content: TeamCache, deckId: string, files: readonly DeckSourceFile[], now: number): Promise<TeamDeckDoc> {
  const c = await signedIn(config);
  // The versions on the server now, not only the cached ones: two leads cannot take the same number.
  const fresh = await pullTeamContent(c).catch(() => content);
  // Versions are numbered per published id (`docker`), whatever id the app gives the deck.
  const published = fresh.decks.map((d) => ({ ...d, deckId: publishedDeckId(d.deckId) }));
  const doc = nextDeckDoc(published, publishedDeckId(deckId), files, config.user, now);
  writes += 1;
  await c.putDoc(doc);
  return doc;
}

export async function createAssignment(config: TeamConfig, deck: Deck, input: { fromLesson: number; toLesson: number; dueDay: string; retentionTarget: number }, now: number): Promise<void> {
  const c = await signedIn(config);
  const doc = makeAssignment({ id: `${deck.id}-${now.toString(36)}`, deck, lessonCount: buildLessons(deck).length, ...input, createdBy: config.user, now });
  writes += 1;
  await c.putDoc(doc);
}

/** The members from `_security` with their last summary day (the lead is a database admin); `days` from the last pull, when known. */
export async function loadRoster(config: TeamConfig, days?: Readonly<Record<string, string>>): Promise<Roster> {
  return readRoster(await signedIn(config), undefined, days);
}

/** Adds an existing server user to the team; false when already a member. */
export async function addToRoster(config: TeamConfig, name: string): Promise<boolean> {
  const c = await signedIn(config);
  writes += 1;
  return addMember(c, name);
}

/** Removes a member; their shared summaries stay on the server. */
export async function removeFromRoster(config: TeamConfig, name: string): Promise<boolean> {
  const c = await signedIn(config);
  writes += 1;
  return removeMember(c, name);
}

/** The link a lead sends: this app's join page with the team database filled in. */
export const joinLink = (origin: string, dbUrl: string): string => `${origin}/team/join?db=${encodeURIComponent(dbUrl)}`;
