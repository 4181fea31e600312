// Scheduler parameters: defaults, limits and the conversion to ts-fsrs parameters.
import type { SchedulerParams } from './types';

export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
export const DEFAULT_RETENTION = 0.9;
export const DEFAULT_MAXIMUM_INTERVAL = 36500;
/** A card that lapsed this many times is a leech. */
export const LEECH_LAPSES = 8;

export const DEFAULT_PARAMS: Readonly<SchedulerParams> = Object.freeze({
  desiredRetention: DEFAULT_RETENTION,
  maximumInterval: DEFAULT_MAXIMUM_INTERVAL,
  enableFuzz: true,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
});

/** A learning or relearning step: a number of minutes, hours or days ('10m', '1.5h', '2d'). */
export const STEP = /^\d+(\.\d+)?[mhd]$/;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/** Complete and clamp parameters (retention 0.70..0.97, interval 1..36500 days, valid steps). */
export function normalizeParams(p: Partial<SchedulerParams> = {}): SchedulerParams {
  const retention = Number.isFinite(p.desiredRetention) ? (p.desiredRetention as number) : DEFAULT_RETENTION;
  const maxIvl = Number.isFinite(p.maximumInterval) ? Math.round(p.maximumInterval as number) : DEFAULT_MAXIMUM_INTERVAL;
  const steps = (s: string[] | undefined, d: string[]) => (s && s.every((x) => STEP.test(x)) ? [...s] : [...d]);
  const out: SchedulerParams = {
    desiredRetention: Math.round(clamp(retention, MIN_RETENTION, MAX_RETENTION) * 1000) / 1000,
    maximumInterval: clamp(maxIvl, 1, DEFAULT_MAXIMUM_INTERVAL),
    enableFuzz: p.enableFuzz ?? true,
    learningSteps: steps(p.learningSteps, DEFAULT_PARAMS.learningSteps),
    relearningSteps: steps(p.relearningSteps, DEFAULT_PARAMS.relearningSteps),
  };
  if (p.weights && p.weights.length > 0) out.weights = [...p.weights];
  return out;
}

