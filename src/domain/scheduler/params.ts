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

const STEP = /^\d+(\.\d+)?[mhd]$/;

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

/** Longest learning or relearning step accepted from a backup or another device: 30 days. */
export const MAX_STEP_MINUTES = 30 * 1440;

/** A step string's length in minutes ('10m', '1.5h', '2d'), or null when it is not a step. */
export function stepMinutes(step: string): number | null {
  if (!STEP.test(step)) return null;
  const n = Number(step.slice(0, -1));
  const unit = step.at(-1);
  return unit === 'm' ? n : unit === 'h' ? n * 60 : n * 1440;
}
