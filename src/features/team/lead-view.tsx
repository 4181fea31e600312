// The lead's side of the team page: the dashboard (dashboard-view.tsx), the roster, and the forms
// to publish a deck (publish-form.tsx) and to create an assignment (assignment-form.tsx), over
// the team's decks compiled once.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TeamCache, TeamConfig, TeamDashboardCache } from '../../db';
import type { DashboardDeck } from '../../domain/team/dashboard';
import { useDecks } from '../../hooks/use-decks';
import { RosterSection } from './roster-section';
import { dashboardDecks } from './team-service';
import { AssignmentForm } from './assignment-form';
import { DashboardView } from './dashboard-view';
import { PublishForm } from './publish-form';

/**
 * `signedIn` false (the session ended): the last pulled dashboard only, no form that would fail.
 * `pulling`: a refresh is under way (the roster waits for the days it brings).
 */
export function LeadView({ config, signedIn, pulling, content, dashboard, onChanged }: { config: TeamConfig; signedIn: boolean; pulling: boolean; content: TeamCache | null; dashboard: TeamDashboardCache | null; onChanged: () => void }) {
  const { decks } = useDecks();
  // Every published version compiled once (the compiler is a lazy chunk): the dashboard reads
  // summaries made on any of them, and the newest is what assignments and weak spots name.
  const [ddecks, setDdecks] = useState<DashboardDeck[] | null>(null);
  // A refresh brings a new `content` even when no deck changed: the dashboard is then aggregated
  // once, over the new summaries, not a second time over decks built again (500 rows each time).
  const builtFor = useRef<string | null>(null);
  useEffect(() => {
    if (!content) return;
    const key = JSON.stringify([content.decks.map((d) => [d._id, d._rev ?? '', d.deckId]), content.assignments.map((a) => a.deckId), decks.map((d) => [d.id, d.hash])]);
    if (key === builtFor.current) return;
    let live = true;
    void dashboardDecks(content, decks).then((d) => {
      if (!live) return;
      builtFor.current = key;
      setDdecks(d);
    });
    return () => {
      live = false;
    };
  }, [content, decks]);
  // Assignments can name the team's decks first, then the decks this device has (a built-in one).
  const assignable = useMemo(() => {
    const team = (ddecks ?? []).filter((d) => content?.decks.some((v) => v.deckId === d.deck.id)).map((d) => d.deck);
    const ids = new Set(team.map((d) => d.id));
    return [...team, ...decks.filter((d) => !ids.has(d.id))];
  }, [ddecks, decks, content]);
  return (
    <>
      {content && <DashboardView content={content} dashboard={dashboard} ddecks={ddecks} />}
      {signedIn && (
        <>
          <RosterSection config={config} version={dashboard?.pulledAt ?? 0} days={dashboard?.lastSummaryDays} pulling={pulling} />
          <PublishForm config={config} content={content} onDone={onChanged} />
          {/* Keyed by the first deck: once the team's decks are compiled, the form starts on one of them. */}
          <AssignmentForm key={assignable[0]?.id ?? ''} config={config} decks={assignable} onDone={onChanged} />
        </>
      )}
    </>
  );
}
