// The Sync panel of the settings page: on or off, and the way to the sync page. Reads only the
// saved sync settings, so the settings page does not load the sync engine.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { syncConfigRepository, type SyncConfig } from '../../db';

export function SyncSummary() {
  const { t } = useTranslation();
  const [config, setConfig] = useState<SyncConfig | null>(null);
  useEffect(() => {
    let live = true;
    void syncConfigRepository.load().then((c) => live && setConfig(c), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="panel" aria-labelledby="sync-summary-title">
      <h2 id="sync-summary-title">{t('sync.title')}</h2>
      <p>{config?.enabled ? t('sync.summary.on', { server: config.server }) : t('sync.summary.off')}</p>
      <p>
        <Link href="/settings/sync">{config?.enabled ? t('sync.summary.manage') : t('sync.summary.link')}</Link>
      </p>
    </section>
  );
}
