// "Optimize my parameters": fit in the worker, compare current and new on the same history, and
// adopt only on the learner's click and only if the new ones predict better. Adopting is a
// settings change (a settings event); ratings made afterwards carry the new weights, ratings made
// before keep the ones they were made with.
import { useCallback, useEffect, useRef, useState } from 'react';
import { settingsRepository } from '../../db/settings';
import { isBetter } from '../../domain/optimizer/evaluate';
import { FSRS_MODEL, weightsInForce } from '../../domain/optimizer/fitted-params';
import { MIN_TRAINING_ITEMS } from '../../domain/optimizer/training-items';
import type { Settings } from '../../domain/settings/settings';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import { OptimizerError, trainInWorker, type Job, type WorkerFactory } from './optimizer-client';
import type { Phase, TrainResult } from './protocol';
import type { OptimizerSource } from './use-optimizer-data';

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
  const job = useRef<Job<TrainResult> | null>(null);
  // Each start and each cancel moves this on: answers for an older run are dropped.
  const run = useRef(0);
  useEffect(
    () => () => {
      run.current++;
      job.current?.cancel();
    },
    [],
  );

  const canRun = source.reviewCount !== undefined && source.reviewCount >= MIN_TRAINING_ITEMS && settings !== undefined && state.status !== 'running';

  const start = useCallback(() => {
    if (!settings) return;
    const token = ++run.current;
    const current = (): boolean => run.current === token;
    const fail = (e: unknown) => {
      if (!current()) return;
      job.current = null;
      if (e instanceof OptimizerError) setState({ status: 'error', kind: e.kind, message: e.message });
      else setState({ status: 'error', kind: 'failed', message: e instanceof Error ? e.message : String(e) });
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
      job.current = j;
      j.result.then((result) => {
        if (!current()) return;
        job.current = null;
        setState({ status: 'done', result, better: result.candidate !== null && isBetter(result.candidate, result.current) });
      }, fail);
    }, fail);
  }, [source, settings, factory, clock]);

  const cancel = useCallback(() => {
    run.current++;
    job.current?.cancel();
    job.current = null;
    setState({ status: 'cancelled' });
  }, []);

  const adopt = useCallback(() => {
    if (state.status !== 'done' || !state.better || !state.result.weights) return;
    settingsRepository.update({ fsrsParams: { model: FSRS_MODEL, weights: state.result.weights } }, clock.now()).then(() => setState({ status: 'adopted' }), reportAppError);
  }, [state, clock]);

  const useDefaults = useCallback(() => {
    settingsRepository.update({ fsrsParams: null }, clock.now()).then(() => setState({ status: 'defaults' }), reportAppError);
  }, [clock]);

  return { state, canRun, start, cancel, adopt, useDefaults };
}
