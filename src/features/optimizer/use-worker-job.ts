// The lifecycle both optimizer jobs share (the fit and the retention simulation): one worker job
// at a time, cancelled when a new one starts, when cancelled by hand or when the panel unmounts;
// answers of an older run are dropped; a failure becomes the panel's error state.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { OptimizerError, type Job } from './optimizer-client';

export interface JobRun<T> {
  /** False once a newer run started or the job was stopped: drop this run's answers. */
  current: () => boolean;
  /** The worker job of this run (stopped with it). */
  attach: (job: Job<T>) => void;
  /** The run ended by itself (its result or its error came). */
  settle: () => void;
}

export interface WorkerJob<T> {
  /** Starts a run, stopping the one before. */
  begin: () => JobRun<T>;
  /** Stops the run in progress, if any. */
  stop: () => void;
}

export function useWorkerJob<T>(): WorkerJob<T> {
  const job = useRef<Job<T> | null>(null);
  // Each run and each stop moves this on.
  const runs = useRef(0);
  const stop = useCallback(() => {
    runs.current++;
    job.current?.cancel();
    job.current = null;
  }, []);
  useEffect(() => stop, [stop]);
  const begin = useCallback((): JobRun<T> => {
    job.current?.cancel();
    job.current = null;
    const token = ++runs.current;
    const current = () => runs.current === token;
    return {
      current,
      attach: (j) => {
        if (current()) job.current = j;
        else j.cancel();
      },
      settle: () => {
        if (current()) job.current = null;
      },
    };
  }, []);
  return useMemo(() => ({ begin, stop }), [begin, stop]);
}

/** The error state a failed job leaves: "not available here" (wasm) or a failure with its message. */
export function jobError(e: unknown): { status: 'error'; kind: 'wasm' | 'failed'; message: string } {
  return { status: 'error', kind: e instanceof OptimizerError ? e.kind : 'failed', message: e instanceof Error ? e.message : String(e) };
}
