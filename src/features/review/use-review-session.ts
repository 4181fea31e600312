// The daily review as a hook: today's queue (live, so another tab's ratings show at once), the
// card on screen, the four previews, rate and undo. A rating is written (one transaction) before
// the next card shows; the next card comes from the queue already in memory, so showing it
// costs no database round trip.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { reviewRepository, settingsRepository, useCardState, useCardStatesByIds, useDayLoad, useSettings, useTodayQueue } from '../../db';
import { previewRatings, type RatingPreview } from '../../domain/scheduler/scheduler';
import { candidateOf } from '../../domain/scheduler/queue';
import { scheduleStateOf } from '../../domain/scheduler/stored-schedule';
import type { Grade } from '../../domain/scheduler/types';
import type { QueueCandidate, QueueCounts } from '../../domain/scheduler/queue';
import type { Settings } from '../../domain/settings/settings';
import { balanceOf, schedulerParamsOf } from '../../domain/settings/scheduler-settings';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';

export interface SessionSummary {
  /** Ratings given (a learning card can be answered several times in one session). */
  reviewed: number;
  /** Distinct cards rated. */
  cards: number;
  again: number;
  totalMs: number;
}

export interface ReviewSession {
  loading: boolean;
  settings: Settings | undefined;
  current: QueueCandidate | null;
  counts: QueueCounts;
  previews: Record<Grade, RatingPreview> | null;
  revealed: boolean;
  busy: boolean;
  canUndo: boolean;
  /** The last action was an undo (announced until the next rating). */
  justUndone: boolean;
  summary: SessionSummary;
  nextLearningDue: number | null;
  reveal(): void;
  rate(grade: Grade): Promise<void>;
  undo(): Promise<void>;
}

export const RATE_MARK = 'kujira:rate';
export const NEXT_CARD_MEASURE = 'kujira:rate-to-next-card';
export const WRITE_MEASURE = 'kujira:rate-write';
/** A rating's write this slow shows the rating buttons as busy (a usual one takes a few ms). */
const SHOW_BUSY_AFTER_MS = 150;

/** Cards rated in this tab, with when: the queue in memory may still list them as due. */
type RatedAt = ReadonlyMap<string, number>;

function visibleItems(items: readonly QueueCandidate[], rated: RatedAt): QueueCandidate[] {
  // A queue computed before a rating still holds the card with its old due time; once the live
  // query catches up, the card's new due is after the rating and it is shown again if due.
  return items.filter((item) => {
    const ratedAt = rated.get(item.cardId);
    return ratedAt === undefined || item.due > ratedAt;
  });
}

function countsOf(items: readonly QueueCandidate[]): QueueCounts {
  const counts = { new: 0, learning: 0, review: 0 };
  for (const item of items) {
    if (item.state === 'new') counts.new += 1;
    else if (item.state === 'review') counts.review += 1;
    else counts.learning += 1;
  }
  return counts;
}

export interface ReviewSessionOptions {
  deckId?: string;
  /** Review exactly these cards now, due or not (a quiz's "review the ones I missed"). */
  cardIds?: readonly string[] | null;
  onFirstSessionEnd?: () => void;
}

export function useReviewSession(options: ReviewSessionOptions = {}): ReviewSession {
  const settings = useSettings();
  const clock = useClock();
  const [now, setNow] = useState(() => clock.now());
  const todayQueue = useTodayQueue(now, options.deckId !== undefined ? { deckId: options.deckId } : {});
  const chosen = useCardStatesByIds(options.cardIds ?? null);
  const queue = useMemo(() => {
    if (!options.cardIds) return todayQueue;
    if (!chosen) return undefined;
    // Chosen cards are shown once each, in the order given; suspended and retired ones are left out.
    const items = chosen.filter((row) => !row.suspended && !row.retired).map(candidateOf);
    return { items: items.map((item) => ({ ...item, due: -Infinity })), nextLearningDue: null };
  }, [options.cardIds, todayQueue, chosen]);
  const [rated, setRated] = useState<Map<string, number>>(() => new Map());
  const [priorityId, setPriorityId] = useState<string | null>(null);
  // The id of the card whose answer is shown: a new card is never shown with its answer open.
  const [revealedId, setRevealedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [undoDepth, setUndoDepth] = useState(0);
  const [justUndone, setJustUndone] = useState(false);
  const [summary, setSummary] = useState<SessionSummary>({ reviewed: 0, cards: 0, again: 0, totalMs: 0 });
  // The card of each rating this session, newest last: the summary counts cards, undo pops one.
  const ratedCards = useRef<string[]>([]);
  const shownAt = useRef(performance.now());

  const items = useMemo(() => (queue ? visibleItems(queue.items, rated) : []), [queue, rated]);
  const current = useMemo(
    () => (priorityId ? items.find((i) => i.cardId === priorityId) : undefined) ?? items[0] ?? null,
    [items, priorityId],
  );
  const currentId = current?.cardId ?? null;
  const currentSchedule = useCardState(currentId);

  const revealed = currentId !== null && revealedId === currentId;

  // A new card on screen: start its answer clock.
  useEffect(() => {
    shownAt.current = performance.now();
  }, [currentId]);

  // Learning cards come back minutes later: wake up when the next one is due, and each minute.
  const nextLearningDue = queue?.nextLearningDue ?? null;
  useEffect(() => {
    const wait = nextLearningDue !== null ? Math.max(1000, nextLearningDue - clock.now() + 500) : 60_000;
    const timer = setTimeout(() => setNow(clock.now()), Math.min(wait, 60_000));
    return () => clearTimeout(timer);
  }, [nextLearningDue, now, clock]);

  // The load balancer's due counts, so each button shows the day its rating would choose.
  const load = useDayLoad(settings, now);
  const previews = useMemo(() => {
    if (!settings || !currentSchedule || currentSchedule.cardId !== currentId) return null;
    return previewRatings(
      scheduleStateOf(currentSchedule),
      now,
      schedulerParamsOf(settings, currentSchedule.deckId),
      settingsRepository.dayBoundary(settings),
      balanceOf(settings, load),
    );
  }, [settings, currentSchedule, currentId, now, load]);

  const reveal = useCallback(() => {
    if (currentId) setRevealedId(currentId);
  }, [currentId]);

  const pendingRating = useRef<Promise<void>>(Promise.resolve());
  const writing = useRef(false);
  const ratingsThisSession = useRef(0);
  const rate = useCallback(
    (grade: Grade) => {
      if (!current || !revealed || busy || writing.current) return pendingRating.current;
      // Start of "rating to next card on screen" (bench/review-latency.ts reads the measure).
      performance.mark(RATE_MARK);
      // No render before the write: a re-render and its frame here held back the storage's
      // answers by several milliseconds on every rating. A second key press is refused by the ref;
      // the buttons show as busy only when a write is slow enough to be seen.
      writing.current = true;
      const showBusy = setTimeout(() => setBusy(true), SHOW_BUSY_AFTER_MS);
      const ratedAt = clock.now();
      const durationMs = performance.now() - shownAt.current;
      const write = async () => {
        try {
          await reviewRepository.rate(current.cardId, grade, ratedAt, durationMs, settings);
          performance.measure(WRITE_MEASURE, RATE_MARK);
          ratingsThisSession.current += 1;
          // The rating is on disk: show the next card in this same task, before live queries
          // re-run (they refresh counts a moment later).
          flushSync(() => {
            setRated((prev) => new Map(prev).set(current.cardId, ratedAt));
            setPriorityId(null);
            setRevealedId(null);
            setJustUndone(false);
            setBusy(false);
          });
          setUndoDepth(ratingsThisSession.current);
          ratedCards.current.push(current.cardId);
          const cards = new Set(ratedCards.current).size;
          setSummary((s) => ({
            reviewed: s.reviewed + 1,
            cards,
            again: s.again + (grade === 1 ? 1 : 0),
            totalMs: s.totalMs + Math.min(durationMs, 3_600_000),
          }));
          setNow(clock.now());
        } catch (error) {
          reportAppError(error);
        } finally {
          clearTimeout(showBusy);
          writing.current = false;
          setBusy(false);
        }
      };
      pendingRating.current = write();
      return pendingRating.current;
    },
    [current, revealed, busy, settings, clock],
  );

  // Undo waits for a rating still being written (a quick Ctrl+Z right after a key press must not
  // be lost), and runs one step at a time.
  const undoChain = useRef<Promise<void>>(Promise.resolve());
  const undo = useCallback(() => {
    const step = async () => {
      await pendingRating.current;
      if (ratingsThisSession.current === 0) return;
      setBusy(true);
      try {
        const entry = await reviewRepository.undoLast(clock.now());
        if (!entry) return;
        ratingsThisSession.current -= 1;
        setRated((prev) => {
          const next = new Map(prev);
          next.delete(entry.cardId);
          return next;
        });
        setPriorityId(entry.cardId);
        setRevealedId(null);
        setUndoDepth(ratingsThisSession.current);
        setJustUndone(true);
        const at = ratedCards.current.lastIndexOf(entry.cardId);
        if (at >= 0) ratedCards.current.splice(at, 1);
        const cards = new Set(ratedCards.current).size;
        setSummary((s) => ({
          reviewed: Math.max(0, s.reviewed - 1),
          cards,
          again: Math.max(0, s.again - (entry.rating === 1 ? 1 : 0)),
          totalMs: Math.max(0, s.totalMs - entry.durationMs),
        }));
        setNow(clock.now());
      } catch (error) {
        reportAppError(error);
      } finally {
        setBusy(false);
      }
    };
    undoChain.current = undoChain.current.then(step);
    return undoChain.current;
  }, [clock]);

  const { onFirstSessionEnd } = options;
  const finished = queue !== undefined && current === null && summary.reviewed > 0;
  useEffect(() => {
    if (finished) onFirstSessionEnd?.();
  }, [finished, onFirstSessionEnd]);

  return {
    loading: queue === undefined || settings === undefined,
    settings,
    current,
    counts: countsOf(items),
    previews,
    revealed,
    busy,
    canUndo: undoDepth > 0,
    justUndone,
    summary,
    nextLearningDue,
    reveal,
    rate,
    undo,
  };
}
