// @vitest-environment jsdom
// The one lifecycle of the optimizer's worker jobs: a new run stops the one before and drops its
// answers, stop cancels the job in progress, and unmounting the panel cancels it too.
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OptimizerError, type Job } from '../../../src/features/optimizer/optimizer-client';
import { jobError, useWorkerJob } from '../../../src/features/optimizer/use-worker-job';

const fakeJob = () => ({ result: new Promise<number>(() => {}), cancel: vi.fn<() => void>() }) satisfies Job<number>;

describe('useWorkerJob', () => {
  it('a new run cancels the running job and makes the older run stale', () => {
    const { result } = renderHook(() => useWorkerJob<number>());
    const first = result.current.begin();
    const job1 = fakeJob();
    first.attach(job1);
    expect(first.current()).toBe(true);
    const second = result.current.begin();
    expect(job1.cancel).toHaveBeenCalledTimes(1);
    expect(first.current()).toBe(false);
    expect(second.current()).toBe(true);
    // A job attached by a stale run is cancelled at once.
    const late = fakeJob();
    first.attach(late);
    expect(late.cancel).toHaveBeenCalledTimes(1);
  });

  it('stop cancels the job in progress; a settled run is not cancelled again', () => {
    const { result } = renderHook(() => useWorkerJob<number>());
    const run = result.current.begin();
    const job = fakeJob();
    run.attach(job);
    result.current.stop();
    expect(job.cancel).toHaveBeenCalledTimes(1);
    expect(run.current()).toBe(false);
    const next = result.current.begin();
    const done = fakeJob();
    next.attach(done);
    next.settle();
    result.current.stop();
    expect(done.cancel).not.toHaveBeenCalled();
  });

  it('cancels the job when the panel unmounts, and keeps one identity across renders', () => {
    const { result, rerender, unmount } = renderHook(() => useWorkerJob<number>());
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
    const job = fakeJob();
    result.current.begin().attach(job);
    unmount();
    expect(job.cancel).toHaveBeenCalledTimes(1);
  });

  it('turns a failure into the error state', () => {
    expect(jobError(new OptimizerError('wasm', 'no WebAssembly'))).toEqual({ status: 'error', kind: 'wasm', message: 'no WebAssembly' });
    expect(jobError(new Error('boom'))).toEqual({ status: 'error', kind: 'failed', message: 'boom' });
  });
});
