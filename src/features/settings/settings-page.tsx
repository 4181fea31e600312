// Settings: UI language, both languages on cards, desired retention, daily limits, when the
// study day starts, load balancing and easy days, and the theme. Every change applies at once
// and is saved; the app shell passes the storage-status and backup panels in through `extraPanels`.
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { uiLanguageOf } from '../../i18n/ui-language';
import { applyTheme } from '../../components/theme';
import type { Theme } from '../../domain/settings/settings';
import type { Lang } from '../../domain/deck/types';
import { MAX_RETENTION, MIN_RETENTION } from '../../domain/scheduler/params';
import { reportAppError } from '../../hooks/app-errors';
import { SUPPORTED_LANGS, setUiLanguage } from '../../i18n/setup';
import { BalanceSection } from './balance-section';
import { useSettingsEditor } from './use-settings-editor';
import './settings.css';

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const LIMITS = {
  newPerDay: { min: 0, max: 9999 },
  maxReviewsPerDay: { min: 0, max: 99999 },
} as const;

export interface SettingsPageProps {
  /** Panels the app shell mounts below the settings (storage status, backup). */
  extraPanels?: ReactNode;
  /** Panels the app shell mounts after the scheduling settings (the personal scheduler). */
  schedulerPanels?: ReactNode;
}

/** "4:00 AM" / "4:00": an hour of the day in the UI locale (a fixed UTC date: no clock read). */
function hourLabel(hour: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1, hour),
  );
}

interface NumberSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
}

/** A whole-number field that saves each valid value as it is typed (and keeps what is typed). */
function NumberSetting({ label, value, min, max, onCommit }: NumberSettingProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Follow changes made elsewhere (another tab, a clamp) unless the text already says so.
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value || text.trim() === '') setText(String(value));
  }
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const next = e.target.value;
    setText(next);
    const n = Number(next);
    if (next.trim() !== '' && Number.isInteger(n) && n >= min && n <= max && n !== value) onCommit(n);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        onChange={onChange}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-error`}
        className="settings-number"
      />
      {!valid && (
        <span id={`${id}-error`} className="settings-invalid">
          {t('settings.invalidNumber', { min, max })}
        </span>
      )}
    </div>
  );
}

export default function SettingsPage({ extraPanels, schedulerPanels }: SettingsPageProps) {
  const { t, i18n } = useTranslation();
  const { settings, update } = useSettingsEditor();
  const id = useId();
  const uiLang: Lang = uiLanguageOf(i18n.language);

  if (!settings) {
    return (
      <>
        <h1>{t('settings.title')}</h1>
        <p aria-live="polite">{t('common.loading')}</p>
      </>
    );
  }

  const changeLanguage = (lang: Lang) => {
    setUiLanguage(lang).catch(reportAppError);
    update({ language: lang });
  };
  const changeTheme = (theme: Theme) => {
    applyTheme(theme);
    update({ theme });
  };
  const retentionPercent = Math.round(settings.desiredRetention * 100);

  return (
    <div className="settings-page">
      <h1>{t('settings.title')}</h1>

      <section className="panel" aria-labelledby={`${id}-lang`}>
        <h2 id={`${id}-lang`}>{t('settings.sections.language')}</h2>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('settings.language.label')}</label>
          <select
            id={`${id}-language`}
            value={settings.language ?? uiLang}
            onChange={(e) => changeLanguage(e.target.value === 'ja' ? 'ja' : 'en')}
          >
            {SUPPORTED_LANGS.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {t(`settings.language.${lang}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="settings-check">
          <input
            id={`${id}-both`}
            type="checkbox"
            checked={settings.showBothLanguages}
            onChange={(e) => update({ showBothLanguages: e.target.checked })}
            aria-describedby={`${id}-both-help`}
          />
          <div>
            <label htmlFor={`${id}-both`}>{t('settings.showBoth.label')}</label>
            <p id={`${id}-both-help`} className="muted settings-help">
              {t('settings.showBoth.help')}
            </p>
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby={`${id}-study`}>
        <h2 id={`${id}-study`}>{t('settings.sections.study')}</h2>
        <div className="field">
          <div className="settings-range-head">
            <label htmlFor={`${id}-retention`}>{t('settings.retention.label')}</label>
            <output htmlFor={`${id}-retention`} className="settings-range-value">
              {t('settings.retention.value', { percent: retentionPercent })}
            </output>
          </div>
          <input
            id={`${id}-retention`}
            type="range"
            min={MIN_RETENTION}
            max={MAX_RETENTION}
            step={0.01}
            value={settings.desiredRetention}
            aria-valuetext={t('settings.retention.value', { percent: retentionPercent })}
            aria-describedby={`${id}-retention-help`}
            onChange={(e) => update({ desiredRetention: Number(e.target.value) })}
            className="settings-range"
          />
          <p id={`${id}-retention-help`} className="muted settings-help">
            {t('settings.retention.help')}
          </p>
        </div>
        <div className="settings-grid">
          <NumberSetting
            label={t('settings.newPerDay.label')}
            value={settings.newPerDay}
            {...LIMITS.newPerDay}
            onCommit={(n) => update({ newPerDay: n })}
          />
          <NumberSetting
            label={t('settings.maxReviews.label')}
            value={settings.maxReviewsPerDay}
            {...LIMITS.maxReviewsPerDay}
            onCommit={(n) => update({ maxReviewsPerDay: n })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-day-start`}>{t('settings.dayStart.label')}</label>
          <select
            id={`${id}-day-start`}
            value={settings.dayStartHour}
            aria-describedby={`${id}-day-start-help`}
            onChange={(e) => update({ dayStartHour: Number(e.target.value) })}
            className="settings-hour"
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourLabel(h, uiLang)}
              </option>
            ))}
          </select>
          <p id={`${id}-day-start-help`} className="muted settings-help">
            {t('settings.dayStart.help')}
          </p>
        </div>
      </section>

      <BalanceSection settings={settings} update={update} />

      {schedulerPanels}

      <section className="panel" aria-labelledby={`${id}-look`}>
        <h2 id={`${id}-look`}>{t('settings.sections.appearance')}</h2>
        <fieldset className="settings-radios">
          <legend>{t('settings.theme.label')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="settings-radio">
              <input
                type="radio"
                name={`${id}-theme`}
                value={theme}
                checked={settings.theme === theme}
                onChange={() => changeTheme(theme)}
              />
              {t(`settings.theme.${theme}`)}
            </label>
          ))}
        </fieldset>
      </section>

      {/* Mount point for panels owned by the app shell: <StorageStatus /> and the backup panel. */}
      {extraPanels && <div className="settings-extra">{extraPanels}</div>}
    </div>
  );
}
