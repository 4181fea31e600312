// Human-readable times ("in 10 minutes"), in the UI language via Intl: no extra strings. Durations
// are in format-duration.ts (only the review shows one; Home loads this file).
import type { Lang } from '../domain/deck/types';

/** "in 10 minutes" / "tomorrow, 04:00"-style phrase for a future time. */
export function formatWhen(at: number, now: number, lang: Lang): string {
  const diff = at - now;
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (diff < 60 * 60_000) return rtf.format(Math.max(1, Math.round(diff / 60_000)), 'minute');
  if (diff < 24 * 60 * 60_000) return rtf.format(Math.round(diff / (60 * 60_000)), 'hour');
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
