// "Show the welcome again": the settings page mounts this; the next visit to Learn shows the
// welcome screens once more.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClock } from '../../hooks/clock';
import { resetWelcome } from './use-onboarding';

export function ShowWelcomeAgainButton() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const clock = useClock();
  return (
    <div className="row">
      <button type="button" className="button" onClick={() => void resetWelcome(clock.now()).then(setDone)}>
        {t('onboarding.showWelcomeAgain')}
      </button>
      <span role="status" className="muted">
        {done ? t('onboarding.welcomeReset') : ''}
      </span>
    </div>
  );
}
