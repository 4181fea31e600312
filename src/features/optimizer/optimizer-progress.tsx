// A worker job's progress bar with its Cancel button: the fit and the retention helper show the same.
import { useTranslation } from 'react-i18next';

export function Progress({ label, done, total, text, onCancel }: { label: string; done: number; total: number; text: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="optimizer-progress">
      {total > 0 && done > 0 ? <progress aria-label={label} value={done} max={total} /> : <progress aria-label={label} />}
      <p aria-live="polite">{text}</p>
      <button type="button" className="button" onClick={onCancel}>
        {t('optimizer.cancel')}
      </button>
    </div>
  );
}
