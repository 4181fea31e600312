// The quiet "New version available — Reload" notice. A polite status region (announced, never
// stealing focus); nothing reloads until the user presses Reload.
import { useTranslation } from 'react-i18next';
import { useUpdatePrompt } from './use-update-prompt';
import './pwa.css';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const { state, reload, dismiss } = useUpdatePrompt();

  return (
    <div className="pwa-toast" role="status" aria-live="polite" data-state={state.kind}>
      {state.kind === 'available' || state.kind === 'otherTab' ? (
        <div className="pwa-toast-box">
          <span>{state.kind === 'available' ? t('pwa.update.available') : t('pwa.update.otherTab')}</span>
          <span className="pwa-toast-actions">
            <button type="button" className="button button-primary" onClick={reload}>
              {t('pwa.update.reload')}
            </button>
            {state.kind === 'available' ? (
              <button type="button" className="button" onClick={dismiss}>
                {t('pwa.update.later')}
              </button>
            ) : null}
          </span>
        </div>
      ) : state.kind === 'updating' ? (
        <div className="pwa-toast-box">
          <span>{t('pwa.update.updating')}</span>
        </div>
      ) : state.kind === 'updated' ? (
        <div className="pwa-toast-box">
          <span>{t('pwa.update.updated', { version: state.version })}</span>
          <span className="pwa-toast-actions">
            <button type="button" className="button" onClick={dismiss}>
              {t('pwa.update.dismiss')}
            </button>
          </span>
        </div>
      ) : null}
    </div>
  );
}
