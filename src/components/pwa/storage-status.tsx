// Settings: is Kujira's data kept (persistent storage), how much is used, and what to do if not.
import { useTranslation } from 'react-i18next';
import { formatBytes, type StorageLike } from './storage';
import { useStorageStatus } from './use-storage-status';

export interface StorageStatusProps {
  /** Where the backup (export) lives, e.g. "#backup" on the settings page. */
  backupHref?: string;
  /** Tests pass a fake StorageManager. */
  storage?: StorageLike;
}

export function StorageStatus({ backupHref, storage }: StorageStatusProps) {
  const { t, i18n } = useTranslation();
  const { status, requesting, requestPersistence } = useStorageStatus(storage);

  if (!status) return <p aria-live="polite">{t('common.loading')}</p>;
  if (!status.supported) return <p>{t('pwa.storage.unsupported')}</p>;

  const usage =
    status.usageBytes === null
      ? null
      : status.quotaBytes
        ? t('pwa.storage.usageOfQuota', {
            usage: formatBytes(status.usageBytes, i18n.language),
            quota: formatBytes(status.quotaBytes, i18n.language),
          })
        : t('pwa.storage.usage', { usage: formatBytes(status.usageBytes, i18n.language) });

  return (
    <div className="pwa-storage" data-persisted={String(status.persisted)}>
      <p>
        <strong>{status.persisted ? t('pwa.storage.persistent') : t('pwa.storage.notPersistent')}</strong>
        {usage ? <> {usage}</> : null}
      </p>
      {status.persisted ? null : (
        <>
          <p>{t('pwa.storage.risk')}</p>
          <p>
            {backupHref ? <a href={backupHref}>{t('pwa.storage.backupAdvice')}</a> : t('pwa.storage.backupAdvice')}
          </p>
          <button type="button" className="button" onClick={() => void requestPersistence()} disabled={requesting}>
            {t('pwa.storage.request')}
          </button>
        </>
      )}
    </div>
  );
}
