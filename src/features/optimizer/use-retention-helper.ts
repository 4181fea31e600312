// The desired retention helper: simulate the next 365 days for each retention from 0.70 to 0.97
// (in the worker), for all decks or one, and apply the chosen retention globally or to the deck.
import { useCallback, useState } from 'react';
import { settingsRepository } from '../../db';
import { weightsInForce } from '../../domain/optimizer/fitted-params';
import { SIMULATION_DAYS, simulationCards, type ReviewCosts, type Sweep } from '../../domain/optimizer/simulate';
import { dayKey } from '../../domain/scheduler/day';
import type { Settings } from '../../domain/settings/settings';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import { simulateInWorker, type WorkerFactory } from './optimizer-client';
import type { OptimizerSource } from './use-optimizer-data';
import { jobError, useWorkerJob } from './use-worker-job';

/** The simulator's seed: fixed, so the same history always gives the same figures. */
export const SIMULATION_SEED = 17;

export type HelperState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; sweep: Sweep; cards: number; ms: number; deckId: string | null; costs: ReviewCosts }
  | { status: 'applied'; percent: number }
  | { status: 'cancelled' }
  | { status: 'error'; kind: 'wasm' | 'failed'; message: string };

export interface RetentionHelper {
  state: HelperState;
  deckId: string | null;
  setDeckId: (deckId: string | null) => void;
  run: () => void;
  cancel: () => void;
  apply: (retention: number) => void;
  clearDeck: () => void;
}

export function useRetentionHelper(source: OptimizerSource, settings: Settings | undefined, now: number, factory?: WorkerFactory): RetentionHelper {
  const clock = useClock();
  const [state, setState] = useState<HelperState>({ status: 'idle' });
  const [deckId, setDeck] = useState<string | null>(null);
  const worker = useWorkerJob<{ sweep: Sweep; ms: number }>();
  const { stop } = worker;

  const setDeckId = useCallback(
    (d: string | null) => {
      stop();
      setDeck(d);
      setState({ status: 'idle' });
    },
    [stop],
  );

  const run = useCallback(() => {
    if (!settings) return;
    const { current, attach, settle } = worker.begin();
    const fail = (e: unknown) => {
      if (!current()) return;
      settle();
      setState(jobError(e));
    };
    const forDeck = deckId;
    setState({ status: 'running', done: 0, total: 0 });
    source.load().then((data) => {
      if (!current()) return;
      const { day } = data.snapshot;
      const { cards, newCards } = simulationCards(data.snapshot.cards, dayKey(now, day.timeZone, day.startHour), day, forDeck ?? undefined);
      const weights = weightsInForce(settings.fsrsParams);
      const j = simulateInWorker(
        {
          type: 'simulate',
          input: {
            cards,
            newCards,
            newPerDay: settings.newPerDay,
            ...(weights ? { weights } : {}),
            maximumInterval: settings.maximumInterval,
            costs: data.costs,
            shares: data.shares,
            days: SIMULATION_DAYS,
            seed: SIMULATION_SEED,
          },
        },
        (_phase, done, total) => {
          if (current()) setState({ status: 'running', done, total });
        },
        factory,
      );
      attach(j);
      j.result.then(({ sweep, ms }) => {
        if (!current()) return;
        settle();
        setState({ status: 'done', sweep, cards: cards.length + newCards, ms, deckId: forDeck, costs: data.costs });
      }, fail);
    }, fail);
  }, [source, settings, now, deckId, factory, worker]);

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  const apply = useCallback(
    (retention: number) => {
      if (!settings) return;
      const patch: Partial<Settings> = deckId === null ? { desiredRetention: retention } : { deckRetention: { ...settings.deckRetention, [deckId]: retention } };
      settingsRepository.update(patch, clock.now()).then(() => setState({ status: 'applied', percent: Math.round(retention * 100) }), reportAppError);
    },
    [settings, deckId, clock],
  );

  const clearDeck = useCallback(() => {
    if (!settings || deckId === null) return;
    const rest = { ...settings.deckRetention };
    delete rest[deckId];
    settingsRepository.update({ deckRetention: rest }, clock.now()).catch(reportAppError);
  }, [settings, deckId, clock]);

  return { state, deckId, setDeckId, run, cancel, apply, clearDeck };
}
