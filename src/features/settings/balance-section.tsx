// Settings > Review days: load balancing (on by default) and easy days, the share of a normal
// day's reviews each weekday takes. Both act through the load balancer (docs/scheduling.md).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import type { Settings } from '../../domain/settings/settings';

/** The shares a weekday can be given, in percent. */
const SHARES = [100, 75, 50, 25, 0] as const;

/** Monday..Sunday in the UI language (2024-01-01 was a Monday; a fixed date: no clock read). */
function weekdayNames(lang: string): string[] {
  const f = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2024, 0, 1 + i)));
}

export interface BalanceSectionProps {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

export function BalanceSection({ settings, update }: BalanceSectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const names = weekdayNames(useUiLanguage());
  const off = !settings.loadBalancing || !settings.enableFuzz;
  const setDay = (day: number, percent: number) => {
    const next = [...settings.easyDays];
    next[day] = percent;
    update({ easyDays: next });
  };
  const shareLabel = (p: number) =>
    p === 100 ? t('settings.easyDays.normal') : p === 0 ? t('settings.easyDays.none') : t('settings.easyDays.percent', { percent: p });

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.sections.balance')}</h2>
      <div className="settings-check">
        <input
          id={`${id}-balance`}
          type="checkbox"
          checked={settings.loadBalancing}
          onChange={(e) => update({ loadBalancing: e.target.checked })}
          aria-describedby={`${id}-balance-help`}
        />
        <div>
          <label htmlFor={`${id}-balance`}>{t('settings.loadBalancing.label')}</label>
          <p id={`${id}-balance-help`} className="muted settings-help">
            {t('settings.loadBalancing.help')}
          </p>
        </div>
      </div>
      <fieldset className="settings-easy-days" disabled={off} aria-describedby={`${id}-easy-help`}>
        <legend>{t('settings.easyDays.legend')}</legend>
        <p id={`${id}-easy-help`} className="muted settings-help">
          {off ? t('settings.easyDays.off') : t('settings.easyDays.help')}
        </p>
        <div className="settings-weekdays">
          {names.map((name, day) => (
            <div className="field" key={day}>
              <label htmlFor={`${id}-day-${day}`}>{name}</label>
              <select
                id={`${id}-day-${day}`}
                value={settings.easyDays[day] ?? 100}
                onChange={(e) => setDay(day, Number(e.target.value))}
              >
                {/* A share set elsewhere (a backup, another version) is shown as it is. */}
                {[...new Set([...SHARES, settings.easyDays[day] ?? 100])].map((p) => (
                  <option key={p} value={p}>
                    {shareLabel(p)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
