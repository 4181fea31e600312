// Number and date formats of the statistics page in the UI language: study days (named by their
// calendar date), percentages, and quiz times in the study day's zone.
import { useMemo } from 'react';
import type { Lang } from '../../domain/deck/types';
import { dayKeyToUtcMs } from '../../domain/scheduler/day';

export interface StatsFormat {
  day: (key: string) => string;
  pct: (x: number) => string;
  dateTime: (ms: number) => string;
}

export function useStatsFormat(lang: Lang, timeZone: string | undefined): StatsFormat {
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
    return { day: (key: string) => day.format(dayKeyToUtcMs(key)), pct: (x: number) => pct.format(x), dateTime: (ms: number) => dateTime.format(ms) };
  }, [lang, timeZone]);
}
