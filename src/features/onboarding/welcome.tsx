// First run: at most three short screens (language, how the daily review works, a daily goal),
// each with a Skip button, then straight into the first lesson.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { useSettings } from '../../db/hooks';
import { settingsRepository } from '../../db/settings';
import type { Lang } from '../../domain/deck/types';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import { setUiLanguage } from '../../i18n/setup';

const STEPS = 3;

function chooseLanguage(lang: Lang, now: number) {
  setUiLanguage(lang);
  settingsRepository.update({ language: lang }, now).catch(reportAppError);
}

/** The daily review in one picture; the text alternative says the same in words. */
function ReviewPicture() {
  const { t } = useTranslation();
  const boxes = [
    { x: 10, label: t('onboarding.welcome.review.due') },
    { x: 150, label: t('onboarding.welcome.review.recall') },
    { x: 290, label: t('onboarding.welcome.review.rate') },
  ];
  return (
    <svg className="welcome-picture" viewBox="0 0 440 200" role="img" aria-labelledby="welcome-picture-title">
      <title id="welcome-picture-title">{t('onboarding.welcome.review.alt')}</title>
      <defs>
        <marker id="welcome-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
      </defs>
      {boxes.map((b, i) => (
        <g key={b.x}>
          <rect x={b.x} y={20} width={120} height={56} rx={10} fill="none" stroke="currentColor" strokeWidth={2} />
          <text x={b.x + 60} y={54} textAnchor="middle" fontSize={14} fill="currentColor">
            {`${i + 1}. ${b.label}`}
          </text>
          {i < boxes.length - 1 && (
            <line x1={b.x + 122} y1={48} x2={b.x + 146} y2={48} stroke="currentColor" strokeWidth={2} markerEnd="url(#welcome-arrow)" />
          )}
        </g>
      ))}
      <path d="M350,78 C350,140 300,150 250,150" fill="none" stroke="currentColor" strokeWidth={2} markerEnd="url(#welcome-arrow)" />
      <path d="M350,78 C350,170 200,180 70,150 L70,82" fill="none" stroke="currentColor" strokeWidth={2} strokeDasharray="5 4" markerEnd="url(#welcome-arrow)" />
      <text x={150} y={146} textAnchor="middle" fontSize={13} fill="currentColor">
        {t('onboarding.welcome.review.later')}
      </text>
      <text x={120} y={194} textAnchor="middle" fontSize={13} fill="currentColor">
        {t('onboarding.welcome.review.soon')}
      </text>
    </svg>
  );
}

export function Welcome({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const clock = useClock();
  const [step, setStep] = useState(0);
  const [goal, setGoal] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each screen starts at its heading, so the keyboard and screen readers begin there.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  const lang = useUiLanguage();
  const goalValue = goal ?? String(settings?.newPerDay ?? 20);
  const finish = () => {
    const n = Number(goalValue);
    if (Number.isFinite(n) && n >= 0) settingsRepository.update({ newPerDay: n }, clock.now()).catch(reportAppError);
    onDone();
  };
  const titles = [t('onboarding.welcome.language.title'), t('onboarding.welcome.review.title'), t('onboarding.welcome.goal.title')];

  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <div className="welcome-top">
        <p className="muted">{t('onboarding.welcome.step', { step: step + 1, total: STEPS })}</p>
        <button type="button" className="button" onClick={onDone}>
          {t('onboarding.welcome.skip')}
        </button>
      </div>
      <h1 id="welcome-title" ref={headingRef} tabIndex={-1}>
        {titles[step]}
      </h1>
      {step === 0 && (
        <>
          <p>{t('onboarding.welcome.language.body')}</p>
          <fieldset className="welcome-languages">
            <legend>{t('onboarding.welcome.language.legend')}</legend>
            {(
              [
                ['ja', '日本語'],
                ['en', 'English'],
              ] as const
            ).map(([code, name]) => (
              <label key={code} lang={code}>
                <input type="radio" name="welcome-language" value={code} checked={lang === code} onChange={() => chooseLanguage(code, clock.now())} />{' '}
                {name}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {step === 1 && (
        <>
          <p>{t('onboarding.welcome.review.body')}</p>
          <ReviewPicture />
        </>
      )}
      {step === 2 && (
        <>
          <p>{t('onboarding.welcome.goal.body')}</p>
          <label className="field">
            <span>{t('onboarding.welcome.goal.label')}</span>
            <input type="number" min={0} max={9999} inputMode="numeric" value={goalValue} onChange={(e) => setGoal(e.target.value)} />
          </label>
        </>
      )}
      <div className="row">
        {step < STEPS - 1 ? (
          <button type="button" className="button button-primary" onClick={() => setStep(step + 1)}>
            {t('onboarding.welcome.next')}
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={finish}>
            {t('onboarding.welcome.start')}
          </button>
        )}
      </div>
    </section>
  );
}
