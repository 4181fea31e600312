// The learner's history as the optimizer and the retention helper read it: one snapshot of the
// database turned into card histories (voided ratings and suspended cards left out), the training
// item count that decides whether a fit is offered, and the measured habits the simulator uses.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { optimizerRepository, type OptimizerSnapshot } from '../../db/optimizer';
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

/** The data, read on mount; `reload` after adopting something. undefined while reading. */
export function useOptimizerData(): { data: OptimizerData | undefined; reload: () => void } {
  const [snapshot, setSnapshot] = useState<OptimizerSnapshot>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    optimizerRepository.readSnapshot().then((s) => {
      if (live) setSnapshot(s);
    }, reportAppError);
    return () => {
      live = false;
    };
  }, [version]);
  const data = useMemo(() => (snapshot ? optimizerData(snapshot) : undefined), [snapshot]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, reload };
}
