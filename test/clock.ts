// A clock for component tests: it stands still at TEST_NOW (or where a test sets it), so what a
// screen shows ("due in 10 minutes", today's queue, a quiz's date) does not depend on when the
// test runs. Pass it with <ClockProvider clock={fixedClock()}>.
import type { Clock } from '../src/hooks/clock';

export const TEST_NOW = Date.parse('2026-12-01T09:00:00Z');

export interface TestClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function fixedClock(at: number = TEST_NOW): TestClock {
  let t = at;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
