// Making and reading team documents: the next published version of a deck, an assignment with
// its inputs checked, and a shape check for what a (possibly tampered) team database sends.
import type { DeckSourceFile } from '../deck/deck-files';
import type { Deck } from '../deck/types';
import { deckOwnerOf, teamDeckId } from '../deck/deck-owner';
import { deckDocId, type AssignmentDoc, type SummaryDoc, type TeamDeckDoc } from './types';

/** An assignment that cannot be made as asked: `field` names the input to fix. */
export class AssignmentError extends Error {
  constructor(
    readonly field: 'lessons' | 'dueDay' | 'retentionTarget' | 'deckId',
    message: string,
  ) {
    super(message);
    this.name = 'AssignmentError';
  }
}

/** The next version of `deckId` after the versions already published. */
export function nextDeckDoc(published: readonly TeamDeckDoc[], deckId: string, files: readonly DeckSourceFile[], publishedBy: string, now: number): TeamDeckDoc {
  const version = published.filter((d) => d.deckId === deckId).reduce((max, d) => Math.max(max, d.version), 0) + 1;
  return {
    _id: deckDocId(deckId, version),
    kujira: 1,
    type: 'team-deck',
    deckId,
    version,
    publishedAt: now,
    publishedBy,
    files: files.map((f) => ({ path: f.path, text: f.text, ...(f.role ? { role: f.role } : {}), ...(f.lang ? { lang: f.lang } : {}) })),
  };
}

/** The newest version of each deck. */
export function newestDecks(docs: readonly TeamDeckDoc[]): TeamDeckDoc[] {
  const best = new Map<string, TeamDeckDoc>();
  for (const d of docs) {
    const have = best.get(d.deckId);
    if (!have || d.version > have.version) best.set(d.deckId, d);
  }
  return [...best.values()].sort((a, b) => (a.deckId < b.deckId ? -1 : 1));
}

/**
 * A team database's decks and assignments with the deck ids the app uses: a published deck is the
 * team's own (`team:<team>:<id>`), never a built-in deck of the same name. An assignment names a
 * deck by the app's id (`team:<team>:docker`, or `docker` for the built-in deck); an older
 * assignment with a plain id means the team's deck when the team published one of that id.
 */
export function localTeamContent<T extends { decks: readonly TeamDeckDoc[]; assignments: readonly AssignmentDoc[] }>(content: T, team: string): T {
  const published = new Set(content.decks.map((d) => d.deckId));
  const local = (id: string) => (deckOwnerOf(id)?.kind === 'team' ? id : published.has(id) ? teamDeckId(team, id) : id);
  return {
    ...content,
    decks: content.decks.map((d) => ({ ...d, deckId: teamDeckId(team, d.deckId) })),
    assignments: content.assignments.map((a) => ({ ...a, deckId: local(a.deckId) })),
  };
}

/** The id a lead publishes under (`docker`), from a deck id the app uses (`team:<team>:docker`). */
export function publishedDeckId(id: string): string {
  const owner = deckOwnerOf(id);
  return owner?.kind === 'team' ? owner.deckId : id;
}

export interface AssignmentInput {
  id: string;
  deck: Deck;
  /** How many lessons the deck's path has. */
  lessonCount: number;
  fromLesson: number;
  toLesson: number;
  dueDay: string;
  retentionTarget: number;
  createdBy: string;
  now: number;
}

export function makeAssignment(input: AssignmentInput): AssignmentDoc {
  const { fromLesson, toLesson, lessonCount } = input;
  if (!Number.isInteger(fromLesson) || !Number.isInteger(toLesson) || fromLesson < 1 || toLesson < fromLesson || toLesson > lessonCount) {
    throw new AssignmentError('lessons', `lessons ${fromLesson}-${toLesson}: the deck has lessons 1-${lessonCount}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDay) || Number.isNaN(Date.parse(`${input.dueDay}T00:00:00Z`))) {
    throw new AssignmentError('dueDay', `${input.dueDay} is not a day (YYYY-MM-DD)`);
  }
  if (!(input.retentionTarget >= 0.5 && input.retentionTarget <= 0.99)) {
    throw new AssignmentError('retentionTarget', `a retention target is 50 % to 99 %, not ${Math.round(input.retentionTarget * 100)} %`);
  }
  return {
    _id: `assignment:${input.id}`,
    kujira: 1,
    type: 'assignment',
    deckId: input.deck.id,
    fromLesson,
    toLesson,
    dueDay: input.dueDay,
    retentionTarget: input.retentionTarget,
    createdAt: input.now,
    createdBy: input.createdBy,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNumArray = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNum);

export function isTeamDeckDoc(v: unknown): v is TeamDeckDoc {
  return (
    isObj(v) && v.type === 'team-deck' && isStr(v._id) && isStr(v.deckId) && isNum(v.version) && isNum(v.publishedAt) && isStr(v.publishedBy) &&
    Array.isArray(v.files) && v.files.length <= 8 && v.files.every((f) => isObj(f) && isStr(f.path) && isStr(f.text))
  );
}

export function isAssignmentDoc(v: unknown): v is AssignmentDoc {
  return (
    isObj(v) && v.type === 'assignment' && isStr(v._id) && isStr(v.deckId) && isNum(v.fromLesson) && isNum(v.toLesson) &&
    isStr(v.dueDay) && isNum(v.retentionTarget) && isNum(v.createdAt)
  );
}

export function isSummaryDoc(v: unknown): v is SummaryDoc {
  if (!isObj(v) || v.type !== 'summary' || !isStr(v._id) || !isStr(v.member) || !isStr(v.day) || !isNum(v.at)) return false;
  if (!(v.lastActiveAt === null || isNum(v.lastActiveAt)) || !isNum(v.reviews7) || !isNum(v.reviews30) || !isNum(v.overdue)) return false;
  const ret = (r: unknown) => isObj(r) && isNum(r.passed) && isNum(r.total);
  if (!ret(v.retention7) || !ret(v.retention30) || !isNumArray(v.daily)) return false;
  // Only the member's own documents count: the id names the member (the write rule holds it on the server).
  if (v._id !== `summary:${v.member}:${v.day}`) return false;
  if (v.events !== undefined && !(isNum(v.events) && v.events >= 0)) return false;
  return Array.isArray(v.decks) && v.decks.every((d) => isObj(d) && isStr(d.deckId) && isStr(d.hash) && Array.isArray(d.lessonsPassed) && d.lessonsPassed.every(isStr) && isNumArray(d.lapses) && isNumArray(d.r));
}

/** The latest study day a summary may name as of `now`: tomorrow in UTC (the write rule's bound too). */
export function latestSummaryDay(now: number): string {
  return new Date(now + 86_400_000).toISOString().slice(0, 10);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Per member, the ids of their summaries the lead may read, newest first: `summary:<member>:<day>`
 * with a calendar day no later than `latestSummaryDay(now)`. A summary dated in the future (a
 * wrong clock, or a member hiding behind `9999-12-31`) is ignored, so an older one is the newest.
 */
export function summaryCandidates(ids: readonly string[], now: number): Map<string, string[]> {
  const latest = latestSummaryDay(now);
  const out = new Map<string, string[]>();
  for (const id of ids) {
    if (!id.startsWith('summary:')) continue;
    const cut = id.lastIndexOf(':');
    const member = id.slice('summary:'.length, cut);
    const day = id.slice(cut + 1);
    if (member === '' || !DAY.test(day) || day > latest) continue;
    const t = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) continue;
    const list = out.get(member) ?? [];
    list.push(id);
    out.set(member, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return out;
}
