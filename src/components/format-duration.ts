// A duration as words ("2 minutes 5 seconds"), in the UI language via Intl: no extra strings. Apart
// from format-time.ts, which Home uses, because only the review's summary shows a duration.
import type { Lang } from '../domain/deck/types';

export function formatDuration(ms: number, lang: Lang): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const unit = (value: number, u: 'minute' | 'second') =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  return minutes > 0 ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(seconds, 'second');
}
