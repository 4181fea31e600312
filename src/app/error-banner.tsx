// The banner for what the user must act on: a write IndexedDB refused (storage full), an upgrade
// blocked by another tab, or this tab's database closed because a newer version took over.
import { useTranslation } from 'react-i18next';
import { StorageError, useDatabaseStatus } from '../db';
import { clearAppError, useAppError } from '../hooks/app-errors';

export function ErrorBanner() {
  const { t } = useTranslation();
  const error = useAppError();
  const status = useDatabaseStatus();
  const reload = (
    <button type="button" className="button" onClick={() => window.location.reload()}>
      {t('common.error.reload')}
    </button>
  );
  if (status.mustReload) {
    return (
      <div className="banner banner-error" role="alert">
        <p>{t('common.error.versionChange')}</p>
        {reload}
      </div>
    );
  }
  if (status.blocked) {
    return (
      <div className="banner banner-error" role="alert">
        <p>{t('common.error.blocked')}</p>
        {reload}
      </div>
    );
  }
  if (!error) return null;
  const kind = error instanceof StorageError ? error.kind : 'unknown';
  const message =
    kind === 'storage-full'
      ? t('common.error.storageFull')
      : kind === 'blocked'
        ? t('common.error.blocked')
        : kind === 'version-change' || kind === 'newer-version'
          ? t('common.error.versionChange')
          : t('common.error.unknown', { message: error instanceof Error ? error.message : String(error) });
  return (
    <div className="banner banner-error" role="alert">
      <p>{message}</p>
      <div className="row">
        {kind !== 'storage-full' && kind !== 'unknown' && reload}
        <button type="button" className="button" onClick={clearAppError}>
          {t('common.error.dismiss')}
        </button>
      </div>
    </div>
  );
}
