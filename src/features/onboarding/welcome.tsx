// First run: at most three short screens (language, how the daily review works, a daily goal),
// each with a Skip button, then straight into the first lesson.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { settingsRepository, useSettings } from '../../db';
import type { Lang } from '../../domain/deck/types';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import { setUiLanguage } from '../../i18n/setup';

const STEPS = 3;

function chooseLanguage(lang: Lang, now: number) {
  setUiLanguage(lang);
  settingsRepository.update({ language: lang }, now).catch(reportAppError);
}

/** The daily review in one picture, drawn with HTML boxes that wrap and grow with the text (an
 * SVG of fixed boxes had tiny text and labels overflowing at 390 px); the figure's name says the
 * same in words. */
function ReviewPicture() {
  const { t } = useTranslation();
  const steps = [t('onboarding.welcome.review.due'), t('onboarding.welcome.review.recall'), t('onboarding.welcome.review.rate')];
  return (
    <figure className="welcome-flow" aria-label={t('onboarding.welcome.review.alt')}>
      <ol className="welcome-flow-steps">
        {steps.map((label, i) => (
          <li key={i} className="welcome-flow-box">
            <span className="welcome-flow-n">{i + 1}</span> {label}
          </li>
        ))}
      </ol>
      <ul className="welcome-flow-outcomes">
        <li className="welcome-flow-box" data-outcome="later">
          {t('onboarding.welcome.review.later')}
        </li>
        <li className="welcome-flow-box" data-outcome="soon">
          {t('onboarding.welcome.review.soon')}
        </li>
      </ul>
    </figure>
  );
}

/**
 * `onSkip`: what Skip does (default: the same as finishing). `embedded`: shown inside another
 * page (Home on a first visit): its title is an h2, and it takes the focus only when the learner
 * moves to another of its screens, never on arrival.
 */
export function Welcome({ onDone, onSkip = onDone, embedded = false }: { onDone: () => void; onSkip?: () => void; embedded?: boolean }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const clock = useClock();
  const [step, setStep] = useState(0);
  const [goal, setGoal] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each screen starts at its heading, so the keyboard and screen readers begin there.
  useEffect(() => {
    if (!embedded || step > 0) headingRef.current?.focus();
  }, [step, embedded]);

  const lang = useUiLanguage();
  const goalValue = goal ?? String(settings?.newPerDay ?? 20);
  const finish = () => {
    const n = Number(goalValue);
    if (Number.isFinite(n) && n >= 0) settingsRepository.update({ newPerDay: n }, clock.now()).catch(reportAppError);
    onDone();
  };
  const Heading = embedded ? 'h2' : 'h1';
  const titles = [t('onboarding.welcome.language.title'), t('onboarding.welcome.review.title'), t('onboarding.welcome.goal.title')];

  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <div className="welcome-top">
        <p className="muted">{t('onboarding.welcome.step', { step: step + 1, total: STEPS })}</p>
        <button type="button" className="button" onClick={onSkip}>
          {t('onboarding.welcome.skip')}
        </button>
      </div>
      <Heading id="welcome-title" ref={headingRef} tabIndex={-1}>
        {titles[step]}
      </Heading>
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
