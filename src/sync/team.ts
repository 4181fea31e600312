// The team space over the CouchDB HTTP API: pull the published decks and assignments, pull the
// newest summary of each member (ids first, then only those documents), and write this member's
// summary for today (emptying the per-card arrays of their previous one) unless the server's
// covers more of the learner's history. No UI, no storage.
import { isAssignmentDoc, isSummaryDoc, isTeamDeckDoc, summaryCandidates } from '../domain/team/documents';
import { summaryMayReplace, withoutCards } from '../domain/team/summarize';
import type { AssignmentDoc, SummaryDoc, TeamDeckDoc } from '../domain/team/types';
import type { CouchClient } from './couch-client';
import { lastSummaryDays } from './team-roster';

export interface TeamContent {
  decks: TeamDeckDoc[];
  assignments: AssignmentDoc[];
  /** Documents that are not what they claim (a tampered database): their ids, left out. */
  refused: string[];
}

export async function pullTeamContent(client: CouchClient, signal?: AbortSignal): Promise<TeamContent> {
  const [decks, assignments] = await Promise.all([
    client.allDocs<unknown>({ prefix: 'deck:', includeDocs: true, signal }),
    client.allDocs<unknown>({ prefix: 'assignment:', includeDocs: true, signal }),
  ]);
  const refused: string[] = [];
  const keep = <T>(rows: { id: string; doc?: unknown }[], ok: (v: unknown) => v is T): T[] =>
    rows.flatMap((r) => (ok(r.doc) && (r.doc as { _id: string })._id === r.id ? [r.doc] : (refused.push(r.id), [])));
  return { decks: keep(decks, isTeamDeckDoc), assignments: keep(assignments, isAssignmentDoc), refused };
}

/** What the lead reads of the members' progress. */
export interface LatestSummaries {
  /** Each member's newest readable summary (dated no later than tomorrow). */
  summaries: SummaryDoc[];
  /**
   * Members whose newest summary is not a summary (malformed, or naming someone else): shown as
   * "summary unreadable", with their newest readable older one when there is one. Never dropped.
   */
  unreadable: string[];
  /** The newest summary day of everyone who shared, read off the same ids (the roster's "last summary"). */
  lastSummaryDays: Record<string, string>;
}

/** How many older summaries of a member are tried when the newest cannot be read. */
const FALLBACK_DEPTH = 7;

/**
 * Every member's newest summary: one `_all_docs` for the ids, one for the newest of each member;
 * only when some newest one is unreadable, one more for up to 7 older ones of those members.
 * Summaries dated after tomorrow (the lead's clock) are ignored (summaryCandidates).
 */
export async function pullLatestSummaries(client: CouchClient, now: number, signal?: AbortSignal): Promise<LatestSummaries> {
  const ids = (await client.allDocs({ prefix: 'summary:', signal })).map((r) => r.id);
  const candidates = summaryCandidates(ids, now);
  const days = Object.fromEntries(lastSummaryDays(ids));
  if (candidates.size === 0) return { summaries: [], unreadable: [], lastSummaryDays: days };
  const read = async (keys: string[]) => {
    const rows = await client.allDocs<unknown>({ keys, includeDocs: true, signal });
    return new Map(rows.flatMap((r) => (isSummaryDoc(r.doc) && r.doc._id === r.id ? [[r.id, r.doc] as const] : [])));
  };
  const newest = await read([...candidates.values()].map((l) => l[0]!));
  const summaries: SummaryDoc[] = [];
  const unreadable: string[] = [];
  for (const [member, list] of candidates) {
    const doc = newest.get(list[0]!);
    if (doc) summaries.push(doc);
    else unreadable.push(member);
  }
  if (unreadable.length > 0) {
    const older = await read(unreadable.flatMap((m) => candidates.get(m)!.slice(1, 1 + FALLBACK_DEPTH)));
    for (const m of unreadable) {
      const doc = candidates.get(m)!.slice(1).map((id) => older.get(id)).find((d) => d !== undefined);
      if (doc) summaries.push(doc);
    }
  }
  return { summaries, unreadable: unreadable.sort(), lastSummaryDays: days };
}

/** What pushSummary did: wrote the summary, or kept the server's (it covers more of the learner's history). */
export type PushOutcome = 'written' | 'kept';

/**
 * Writes today's summary (over today's earlier one), and drops the per-card arrays from the
 * member's previous day, so only the newest summary of each member is large. Unless the member's
 * newest summary on the server came from a device holding more of the learner's events
 * (summaryMayReplace): then nothing is written and the answer is 'kept' (issue 26: a fresh
 * browser must not replace "2/2 lessons, recall 89 %" by "0/2 lessons, recall 0 %").
 */
export async function pushSummary(client: CouchClient, doc: SummaryDoc, previousDay: string | null, signal?: AbortSignal): Promise<PushOutcome> {
  // The member's newest summary, whatever device wrote it: ids first (one small request), then that one.
  const ids = (await client.allDocs({ prefix: `summary:${doc.member}:`, signal })).map((r) => r.id);
  const newestId = summaryCandidates(ids, doc.at).get(doc.member)?.[0] ?? null;
  const newest = newestId === null ? null : await client.getDoc<unknown>(newestId, signal);
  if (isSummaryDoc(newest) && newest._id === newestId && !summaryMayReplace(newest, doc)) return 'kept';
  const here = newestId === doc._id ? (newest as { _rev?: string } | null) : await client.getDoc<SummaryDoc>(doc._id, signal);
  const { _rev: _ignored, ...body } = doc;
  await client.putDoc(here?._rev ? { ...body, _rev: here._rev } : body, signal);
  if (previousDay && previousDay !== doc.day) {
    const prev = await client.getDoc<SummaryDoc>(`summary:${doc.member}:${previousDay}`, signal);
    if (prev && isSummaryDoc(prev) && prev.decks.some((d) => d.r.length > 0)) await client.putDoc(withoutCards(prev), signal);
  }
  return 'written';
}
