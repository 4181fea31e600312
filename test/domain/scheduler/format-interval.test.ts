import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../../src/domain/scheduler/format-interval';

const MIN = 60_000;
const DAY = 86_400_000;

describe('formatInterval', () => {
  it.each([
    [0, 1, 'm'],
    [30_000, 1, 'm'],
    [10 * MIN, 10, 'm'],
    [59 * MIN, 59, 'm'],
    [60 * MIN, 1, 'h'],
    [5 * 60 * MIN, 5, 'h'],
    [DAY, 1, 'd'],
    [4 * DAY, 4, 'd'],
    [29 * DAY, 29, 'd'],
    [30 * DAY, 1, 'mo'],
    [96 * DAY, 3.2, 'mo'],
    [365 * DAY, 1, 'y'],
    [548 * DAY, 1.5, 'y'],
  ])('%d ms -> %d %s', (ms, value, unit) => {
    expect(formatInterval(ms)).toEqual({ value, unit });
  });
});
