// The ts-fsrs instance for a parameter set, cached: building one costs more than a review, and a
// replay asks for the same set thousands of times in a row. A cache of values computed from the
// parameters alone: no clock, no randomness, the same engine for the same parameters.
import { fsrs, type FSRS, type StepUnit } from 'ts-fsrs';
import type { SchedulerParams } from './types';

const instances = new Map<string, FSRS>();

function paramsKey(p: SchedulerParams): string {
  return `${p.desiredRetention}|${p.maximumInterval}|${p.enableFuzz}|${p.learningSteps.join(',')}|${p.relearningSteps.join(',')}|${p.weights?.join(',') ?? ''}`;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same values as paramsKey compares, without building the key string. */
export function sameParams(a: SchedulerParams, b: SchedulerParams): boolean {
  return (
    a.desiredRetention === b.desiredRetention &&
    a.maximumInterval === b.maximumInterval &&
    a.enableFuzz === b.enableFuzz &&
    sameList(a.learningSteps, b.learningSteps) &&
    sameList(a.relearningSteps, b.relearningSteps) &&
    sameList(a.weights, b.weights)
  );
}

/**
 * A private copy of a parameter set, for a cache that compares later sets with it (sameParams): a
 * caller mutating its own object afterwards cannot make the cache answer for values it no longer has.
 */
export function copyParams(p: SchedulerParams): SchedulerParams {
  return {
    ...p,
    learningSteps: [...p.learningSteps],
    relearningSteps: [...p.relearningSteps],
    ...(p.weights ? { weights: [...p.weights] } : {}),
  };
}

// Every log entry carries its own copy of the parameters (a fresh object per row read), and a
// replay meets the same set thousands of times in a row: comparing values with the last set used
// is much cheaper than building its key string for every entry. The last set is kept as a private
// copy, so a caller mutating its parameter object afterwards cannot make us reuse a stale engine.
let lastParams: SchedulerParams | null = null;
let lastEngine: FSRS | null = null;

/** One ts-fsrs instance per parameter set (building one costs more than a review). */
export function fsrsEngine(p: SchedulerParams): FSRS {
  if (lastEngine && lastParams && sameParams(p, lastParams)) return lastEngine;
  const k = paramsKey(p);
  let f = instances.get(k);
  if (!f) {
    f = fsrs({
      request_retention: p.desiredRetention,
      maximum_interval: p.maximumInterval,
      // Kujira fuzzes the days itself (load-balance.ts): ts-fsrs gives unfuzzed states.
      enable_fuzz: false,
      enable_short_term: true,
      learning_steps: p.learningSteps as StepUnit[],
      relearning_steps: p.relearningSteps as StepUnit[],
      ...(p.weights ? { w: p.weights } : {}),
    });
    if (instances.size > 64) instances.clear();
    instances.set(k, f);
  }
  lastParams = copyParams(p);
  lastEngine = f;
  return f;
}
