// Numbers and times on the quiz screens in the UI language (Intl: no extra strings to translate).
import type { Lang } from '../../domain/deck/types';

export function formatSeconds(ms: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    ms / 1000,
  );
}

export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatDateTime(epochMs: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
