// "Optimize my parameters": fit in the worker, compare current and new on the same history, and
// adopt only on the learner's click and only if the new ones predict better. Adopting is a
// settings change (a settings event); ratings made afterwards carry the new weights, ratings made
// before keep the ones they were made with.
import { useCallback, useState } from 'react';
import { settingsRepository } from '../../db';
import { isBetter } from '../../domain/optimizer/evaluate';
import { FSRS_MODEL, weightsInForce } from '../../domain/optimizer/fitted-params';
import { MIN_TRAINING_ITEMS } from '../../domain/optimizer/training-items';
import type { Settings } from '../../domain/settings/settings';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import { trainInWorker, type WorkerFactory } from './optimizer-client';
import type { Phase, TrainResult } from './protocol';
import type { OptimizerSource } from './use-optimizer-data';
import { jobError, useWorkerJob } from './use-worker-job';

export type OptimizerState =
  | { status: 'idle' }
  | { status: 'running'; phase: Phase; done: number; total: number; since: number }
  | { status: 'too-few'; items: number }
  | { status: 'done'; result: TrainResult; better: boolean }
  | { status: 'adopted' }
  | { status: 'defaults' }
  | { status: 'cancelled' }
  | { status: 'error'; kind: 'wasm' | 'failed'; message: string };

export interface Optimizer {
  state: OptimizerState;
  canRun: boolean;
  start: () => void;
  cancel: () => void;
  adopt: () => void;
  useDefaults: () => void;
}

export function useOptimizer(source: OptimizerSource, settings: Settings | undefined, factory?: WorkerFactory): Optimizer {
  const clock = useClock();
  const [state, setState] = useState<OptimizerState>({ status: 'idle' });
  const worker = useWorkerJob<TrainResult>();

  const canRun = source.reviewCount !== undefined && source.reviewCount >= MIN_TRAINING_ITEMS && settings !== undefined && state.status !== 'running';

  const start = useCallback(() => {
    if (!settings) return;
    const { current, attach, settle } = worker.begin();
    const fail = (e: unknown) => {
      if (!current()) return;
      settle();
      setState(jobError(e));
    };
    setState({ status: 'running', phase: 'reading', done: 0, total: 0, since: clock.now() });
    source.load().then((data) => {
      if (!current()) return;
      if (data.items < MIN_TRAINING_ITEMS) return setState({ status: 'too-few', items: data.items });
      const j = trainInWorker(
        { type: 'train', histories: data.histories, currentWeights: weightsInForce(settings.fsrsParams) ?? null },
        (phase, done, total) => {
          if (current()) setState({ status: 'running', phase, done, total, since: clock.now() });
        },
        factory,
      );
      attach(j);
      j.result.then((result) => {
        if (!current()) return;
        settle();
        setState({ status: 'done', result, better: result.candidate !== null && isBetter(result.candidate, result.current) });
      }, fail);
    }, fail);
  }, [source, settings, factory, clock, worker]);

  const cancel = useCallback(() => {
    worker.stop();
    setState({ status: 'cancelled' });
  }, [worker]);

  const adopt = useCallback(() => {
    if (state.status !== 'done' || !state.better || !state.result.weights) return;
    settingsRepository.update({ fsrsParams: { model: FSRS_MODEL, weights: state.result.weights } }, clock.now()).then(() => setState({ status: 'adopted' }), reportAppError);
  }, [state, clock]);

  const useDefaults = useCallback(() => {
    settingsRepository.update({ fsrsParams: null }, clock.now()).then(() => setState({ status: 'defaults' }), reportAppError);
  }, [clock]);

  return { state, canRun, start, cancel, adopt, useDefaults };
}
