// The statistics page's data: one consistent snapshot of the progress tables, read when the page
// opens (and again when asked), and the stats computed from it by src/domain/stats.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RETENTION_WINDOW_DAYS, statsRepository, type StatsSnapshot } from '../../db';
import type { Settings } from '../../domain/settings/settings';
import type { Deck } from '../../domain/deck/types';
import {
  cardsByState,
  dueForecast,
  leeches,
  masteryBySection,
  quizHistory,
  reviewHeatmap,
  trueRetention,
} from '../../domain/stats/stats';
import type { DayBoundary } from '../../domain/scheduler/types';

export function computeStats(snap: StatsSnapshot, decks: readonly Deck[], now: number, settings: Settings, day: DayBoundary) {
  const sectionOf = new Map<string, string>();
  for (const d of decks) for (const c of d.cards) sectionOf.set(c.id, c.sectionId);
  const sections = decks.flatMap((d) => [...d.sections].sort((a, b) => a.order - b.order).map((s) => ({ deckId: d.id, sectionId: s.id })));
  return {
    day,
    heatmap: reviewHeatmap(snap.reviewsByDay, now, day),
    forecast: dueForecast(snap.cardStates, now, day),
    retention7: trueRetention(snap.recentLog, now, day, 7),
    retention30: trueRetention(snap.recentLog, now, day, RETENTION_WINDOW_DAYS),
    desiredRetention: settings.desiredRetention,
    states: cardsByState(snap.cardStates),
    mastery: masteryBySection(snap.cardStates, sections, (id) => sectionOf.get(id)),
    quiz: quizHistory(snap.quizResults),
    leeches: leeches(snap.cardStates),
  };
}

export type StatsData = ReturnType<typeof computeStats>;

/** Stats at `now` (the page's clock); undefined while loading. */
export function useStats(decks: readonly Deck[], now: number): { data: StatsData | undefined; error: unknown; reload: () => void } {
  const [snap, setSnap] = useState<StatsSnapshot | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  // The page's clock ticks; the snapshot is read when the page opens and when asked, not per tick.
  const nowRef = useRef(now);
  nowRef.current = now;
  useEffect(() => {
    let live = true;
    statsRepository.readSnapshot(nowRef.current).then(
      (s) => live && setSnap(s),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [version]);
  const data = useMemo(() => {
    if (!snap) return undefined;
    return computeStats(snap, decks, now, snap.settings, snap.day);
  }, [snap, decks, now]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
