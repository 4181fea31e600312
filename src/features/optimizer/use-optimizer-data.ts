// The learner's history as the optimizer and the retention helper read it. On mount only the
// number of reviews is read (cheap); the whole log is read when a job starts, so opening Settings
// with a long history costs the page nothing. A snapshot becomes card histories (voided ratings
// and suspended cards left out), the training item count, and the habits the simulator uses.
import { useCallback, useEffect, useState } from 'react';
import { optimizerRepository, type OptimizerSnapshot } from '../../db';
import { cardHistories, trainingSet, type CardHistory } from '../../domain/optimizer/training-items';
import { measureHabits, type RatingShares, type ReviewCosts } from '../../domain/optimizer/simulate';
import { reportAppError } from '../../hooks/app-errors';

export interface OptimizerData {
  snapshot: OptimizerSnapshot;
  histories: CardHistory[];
  reviews: number;
  items: number;
  costs: ReviewCosts;
  shares: RatingShares;
}

export function optimizerData(snapshot: OptimizerSnapshot): OptimizerData {
  const excludeCards = new Set(snapshot.cards.filter((c) => c.suspended).map((c) => c.cardId));
  const histories = cardHistories(snapshot.ratings, { voided: snapshot.voided, excludeCards });
  const set = trainingSet(histories);
  return { snapshot, histories, reviews: set.reviews, items: set.items, ...measureHabits(histories) };
}

export interface OptimizerSource {
  /** Reviews in the log, counted on mount (undefined while counting). */
  reviewCount: number | undefined;
  /** What the last job read, if any. */
  data: OptimizerData | undefined;
  /** Read the history now (each job reads it fresh). */
  load: () => Promise<OptimizerData>;
}

export function useOptimizerSource(): OptimizerSource {
  const [reviewCount, setReviewCount] = useState<number>();
  const [data, setData] = useState<OptimizerData>();
  useEffect(() => {
    let live = true;
    optimizerRepository.countReviews().then((n) => {
      if (live) setReviewCount(n);
    }, reportAppError);
    return () => {
      live = false;
    };
  }, []);
  const load = useCallback(async () => {
    const next = optimizerData(await optimizerRepository.readSnapshot());
    setData(next);
    setReviewCount(next.snapshot.ratings.length);
    return next;
  }, []);
  return { reviewCount, data, load };
}
