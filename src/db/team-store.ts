// The team space on this device, in the syncState key/value table (keys `team:`): which team
// database and user (never a password), whether this member shares progress, and the last pulled
// state (decks, assignments, the lead's summaries) with when it was pulled, so the team page works
// offline. Team decks are stored through the same update path as decks added in the app.
import type { DeckSourceFile } from '../domain/deck/deck-files';
import type { Deck } from '../domain/deck/types';
import { readsWholeLog, summaryLogFrom, type SummaryCardState, type SummaryLogEntry } from '../domain/team/summarize';
import type { AssignmentDoc, SummaryDoc, TeamDeckDoc } from '../domain/team/types';
import type { DayBoundary } from '../domain/scheduler/types';
import { getDb } from './database';
import { dayBoundaryInForce } from './device';
import { withStorage } from './errors';
import { progressFromRow } from './onboarding-mappers';
import type { KujiraDB } from './schema';
import { TEAM_CONFIG_KEY } from './team-membership';
import { scheduleFromRow, settingsOfRow } from './mappers';
import { saveStoredDeck } from './stored-decks';
import type { DeckInstallResult } from './install-decks';

export interface TeamConfig {
  dbUrl: string;
  user: string;
  /** The lead (a database admin) sees the dashboard and publishes. */
  lead: boolean;
  /** "Share my progress with the team lead": off until the member turns it on. */
  sharing: boolean;
  /** The study day of the last summary written (its per-card arrays are emptied on the next day). */
  lastSummaryDay: string | null;
}

export interface TeamCache {
  decks: TeamDeckDoc[];
  assignments: AssignmentDoc[];
  pulledAt: number;
}

export interface TeamDashboardCache {
  summaries: SummaryDoc[];
  /** Members whose newest summary could not be read (shown as "summary unreadable"). */
  unreadable?: string[];
  /** The newest summary day per member who shared (the roster's "last summary"); absent in older caches. */
  lastSummaryDays?: Record<string, string>;
  pulledAt: number;
}

const KEYS = { config: TEAM_CONFIG_KEY, content: 'team:content', dashboard: 'team:dashboard' } as const;

async function readJson<T>(db: KujiraDB, key: string): Promise<T | null> {
  const row = await withStorage(db, () => db.syncState.get(key));
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

const writeJson = (db: KujiraDB, key: string, value: unknown): Promise<unknown> => withStorage(db, () => db.syncState.put({ key, value: JSON.stringify(value) }));

export async function loadTeamConfig(db: KujiraDB): Promise<TeamConfig | null> {
  const c = await readJson<Partial<TeamConfig>>(db, KEYS.config);
  if (!c || typeof c.dbUrl !== 'string' || typeof c.user !== 'string') return null;
  return { dbUrl: c.dbUrl, user: c.user, lead: c.lead === true, sharing: c.sharing === true, lastSummaryDay: typeof c.lastSummaryDay === 'string' ? c.lastSummaryDay : null };
}

/** Leaving the team: the settings and the pulled copies go; decks, reviews and progress stay. */
async function leaveTeam(db: KujiraDB): Promise<void> {
  await withStorage(db, () => db.syncState.bulkDelete([KEYS.config, KEYS.content, KEYS.dashboard]));
}

/**
 * Stores a team deck version unless this device already has exactly it (same compiled hash):
 * an update moves card history through the same remap records as a deck updated by hand.
 */
export async function applyTeamDeck(
  db: KujiraDB,
  deck: Deck,
  files: readonly DeckSourceFile[],
  now: number,
  from?: { team: string; version: number },
): Promise<DeckInstallResult | null> {
  const here = await withStorage(db, () => db.storedDecks.get(deck.id));
  if (here && (here.deck.hash === deck.hash || (from && (here.version ?? 0) > from.version))) return null;
  // Stored as the team's: the owner rule refuses a built-in id or another team's. (A caller that
  // names no team stores it as the learner's own; a built-in id is refused all the same.)
  return saveStoredDeck(db, deck, files, now, from ? { source: { kind: 'team', team: from.team }, version: from.version } : {});
}

/** What the summarizer reads of the learner's data: the log (counted only), card states, lessons passed. */
export interface SummarySource {
  log: SummaryLogEntry[];
  states: SummaryCardState[];
  /** Per deck id: lessons passed and when the newest was. */
  progress: Map<string, { lessonsPassed: string[]; lastLessonAt: number | null }>;
  day: DayBoundary;
  /** How many of the learner's events this device holds: live and voided ratings, quiz results, the other events. */
  events: number;
}

/**
 * What a summary at `now` reads, in one read transaction: the ratings recorded in its last weeks
 * (the whole log only when none of them is in its 30 days: summarize.ts readsWholeLog), the states
 * and the settings. Read whole, a year of ratings took 4-5 s on a slow machine, and sharing
 * reads this at start-up and every five minutes while the team page is open.
 */
export async function readSummarySource(db: KujiraDB, deckIds: readonly string[], now: number): Promise<SummarySource> {
  const snap = await withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.cardStates, db.settings], async () => {
      const settings = settingsOfRow(await db.settings.get('settings'));
      const day = dayBoundaryInForce(settings);
      const [recent, cardStates] = await Promise.all([db.reviewLog.where('dayKey').aboveOrEqual(summaryLogFrom(now, day)).toArray(), db.cardStates.toArray()]);
      const reviewLog = readsWholeLog(recent, now, day) ? await db.reviewLog.toArray() : recent;
      return { settings, reviewLog, cardStates };
    }),
  );
  const settings = snap.settings;
  const progress = new Map<string, { lessonsPassed: string[]; lastLessonAt: number | null }>();
  for (const id of deckIds) {
    // Read as the onboarding repository reads it, without its write code (a smaller chunk).
    const p = progressFromRow(id, await withStorage(db, () => db.onboarding.get(id)));
    const times = Object.values(p.results).map((r) => r.completedAt);
    progress.set(id, { lessonsPassed: [...p.completed], lastLessonAt: times.length > 0 ? Math.max(...times) : null });
  }
  return {
    log: snap.reviewLog.map((e) => ({ cardId: e.cardId, rating: e.rating, reviewedAt: e.reviewedAt, prevState: e.prevState })),
    states: snap.cardStates.map(scheduleFromRow),
    progress,
    day: dayBoundaryInForce(settings),
    events: await withStorage(db, () => db.transaction('r', [db.reviewLog, db.voidedRatings, db.quizResults, db.events], async () => {
      const counts = await Promise.all([db.reviewLog.count(), db.voidedRatings.count(), db.quizResults.count(), db.events.count()]);
      return counts.reduce((a, b) => a + b, 0);
    })),
  };
}

/** The team repository over the app's database: what the team feature calls. */
export const teamRepository = {
  config: (): Promise<TeamConfig | null> => loadTeamConfig(getDb()),
  saveConfig: (c: TeamConfig): Promise<unknown> => writeJson(getDb(), KEYS.config, c),
  leave: (): Promise<void> => leaveTeam(getDb()),
  content: (): Promise<TeamCache | null> => readJson<TeamCache>(getDb(), KEYS.content),
  saveContent: (c: TeamCache): Promise<unknown> => writeJson(getDb(), KEYS.content, c),
  dashboard: (): Promise<TeamDashboardCache | null> => readJson<TeamDashboardCache>(getDb(), KEYS.dashboard),
  saveDashboard: (c: TeamDashboardCache): Promise<unknown> => writeJson(getDb(), KEYS.dashboard, c),
  applyDeck: (deck: Deck, files: readonly DeckSourceFile[], now: number, from?: { team: string; version: number }): Promise<DeckInstallResult | null> =>
    applyTeamDeck(getDb(), deck, files, now, from),
  summarySource: (deckIds: readonly string[], now: number): Promise<SummarySource> => readSummarySource(getDb(), deckIds, now),
};
