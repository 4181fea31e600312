// The team space over the CouchDB HTTP API: pull the published decks and assignments, pull the
// newest summary of each member (ids first, then only those documents), and write this member's
// summary for today (emptying the per-card arrays of their previous one). No UI, no storage.
import { isAssignmentDoc, isSummaryDoc, isTeamDeckDoc } from '../domain/team/documents';
import { withoutCards } from '../domain/team/summarize';
import type { AssignmentDoc, SummaryDoc, TeamDeckDoc } from '../domain/team/types';
import type { CouchClient } from './couch-client';

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

/** The id of each member's newest summary, from the ids alone (`summary:<member>:<day>` sorts by day). */
export function newestSummaryIds(ids: readonly string[]): string[] {
  const best = new Map<string, string>();
  for (const id of ids) {
    const cut = id.lastIndexOf(':');
    const member = id.slice('summary:'.length, cut);
    const have = best.get(member);
    if (!have || id > have) best.set(member, id);
  }
  return [...best.values()];
}

/** Every member's newest summary: one `_all_docs` for the ids, one for those documents. */
export async function pullLatestSummaries(client: CouchClient, signal?: AbortSignal): Promise<SummaryDoc[]> {
  const ids = (await client.allDocs({ prefix: 'summary:', signal })).map((r) => r.id);
  const wanted = newestSummaryIds(ids);
  if (wanted.length === 0) return [];
  const rows = await client.allDocs<unknown>({ keys: wanted, includeDocs: true, signal });
  return rows.flatMap((r) => (isSummaryDoc(r.doc) && r.doc._id === r.id ? [r.doc] : []));
}

/**
 * Writes today's summary (over today's earlier one), and drops the per-card arrays from the
 * member's previous day, so only the newest summary of each member is large.
 */
export async function pushSummary(client: CouchClient, doc: SummaryDoc, previousDay: string | null, signal?: AbortSignal): Promise<void> {
  const here = await client.getDoc<SummaryDoc>(doc._id, signal);
  const { _rev: _ignored, ...body } = doc;
  await client.putDoc(here?._rev ? { ...body, _rev: here._rev } : body, signal);
  if (previousDay && previousDay !== doc.day) {
    const prev = await client.getDoc<SummaryDoc>(`summary:${doc.member}:${previousDay}`, signal);
    if (prev && isSummaryDoc(prev) && prev.decks.some((d) => d.r.length > 0)) await client.putDoc(withoutCards(prev), signal);
  }
}
