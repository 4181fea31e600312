// Human-readable times (durations, "in 10 minutes"), in the UI language via Intl: no extra strings.
import type { Lang } from '../domain/deck/types';

export function formatDuration(ms: number, lang: Lang): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const unit = (value: number, u: 'minute' | 'second') =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  return minutes > 0 ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(seconds, 'second');
}

/** "in 10 minutes" / "tomorrow, 04:00"-style phrase for a future time. */
export function formatWhen(at: number, now: number, lang: Lang): string {
  const diff = at - now;
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (diff < 60 * 60_000) return rtf.format(Math.max(1, Math.round(diff / 60_000)), 'minute');
  if (diff < 24 * 60 * 60_000) return rtf.format(Math.round(diff / (60 * 60_000)), 'hour');
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
