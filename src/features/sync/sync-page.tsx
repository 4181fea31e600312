// Settings -> Sync (/settings/sync): the server, user name and password, Start and Stop, and a
// status line that says what to do. `?server=URL` (a link a lead sends) fills in the server.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { syncRepository } from '../../db';
import type { QuarantinedEvent } from '../../domain/events/event-store';
import type { Lang } from '../../domain/deck/types';
import { useNow } from '../../hooks/clock';
import type { SyncStatus } from '../../sync/types';
import { clearStoppedError, getSyncSnapshot, startSync, stopSync, subscribeSync } from './sync-service';
import { normalizeDbUrl } from '../../sync/couch-client';
import { SignInForm } from '../../components/sign-in-form';
import { CLOCK_TOLERANCE_MS, clockSkewBeyondTolerance } from '../../domain/events/clock-bounds';
import './sync.css';

function useSync() {
  return useSyncExternalStore(subscribeSync, getSyncSnapshot);
}

/** The status line's text. */
function useStatusText(status: SyncStatus): string {
  const { t, i18n } = useTranslation();
  const ticking = (status.kind === 'offline' || status.kind === 'error') && 'retryAt' in status && status.retryAt !== null;
  const now = useNow(ticking ? 1000 : 60_000);
  const seconds = 'retryAt' in status && status.retryAt !== null ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : 0;
  switch (status.kind) {
    case 'stopped':
      return t('sync.status.stopped');
    case 'connecting':
      return t('sync.status.connecting');
    case 'syncing':
      return t('sync.status.syncing', { count: status.pending });
    case 'synced':
      return t('sync.status.synced', { time: new Intl.DateTimeFormat(i18n.language as Lang, { timeStyle: 'medium' }).format(status.at) });
    case 'offline':
      return t('sync.status.offline', { seconds });
    case 'error':
      if (status.reason === 'unreachable') return status.retryAt !== null ? t('sync.status.error.unreachable', { seconds }) : t('sync.status.error.unreachableStopped');
      return t(`sync.status.error.${status.reason}`);
  }
}

/** This device's clock against the server's `Date` header, beyond the tolerance other devices allow (issue 22). */
function ClockWarning({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const skew = status.kind === 'synced' && typeof status.clockSkewMs === 'number' ? clockSkewBeyondTolerance(status.clockSkewMs, 0) : null;
  if (skew === null) return null;
  const minutes = Math.round(Math.abs(skew) / 60_000);
  return (
    <p className="sync-clock-warning" role="alert">
      {t(skew > 0 ? 'sync.clock.ahead' : 'sync.clock.behind', { minutes, tolerance: CLOCK_TOLERANCE_MS / 60_000 })}
    </p>
  );
}

function Quarantine({ count }: { count: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<QuarantinedEvent[]>([]);
  useEffect(() => {
    let live = true;
    // A storage failure leaves the list empty (the error banner reports storage problems).
    syncRepository.quarantined(20).then((q) => live && setItems(q), () => undefined);
    return () => {
      live = false;
    };
  }, [count]);
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="sync-quarantine">
      <h2 id="sync-quarantine">{t('sync.quarantine.heading')}</h2>
      <p>{t('sync.quarantine.count', { count: Math.max(count, items.length) })}</p>
      <p className="muted">{t('sync.quarantine.help')}</p>
      <ul className="sync-quarantine">
        {items.map((q) => (
          <li key={`${q.docId}|${q.rev}`}>{t('sync.quarantine.item', { docId: q.docId, path: q.path, reason: q.reason })}</li>
        ))}
      </ul>
    </section>
  );
}

export default function SyncPage() {
  const { t } = useTranslation();
  const { status, config, totals } = useSync();
  const linked = new URLSearchParams(typeof location === 'undefined' ? '' : location.search).get('server');
  const [quarantined, setQuarantined] = useState(0);
  const statusText = useStatusText(status);
  // The saved server and user name fill the form once they are read (a link's server wins).
  const saved = useMemo(() => config && { url: config.server, user: config.user }, [config]);
  useEffect(() => {
    syncRepository.quarantineCount().then(setQuarantined, () => undefined);
  }, [totals.quarantined]);

  const running = status.kind !== 'stopped' && !(status.kind === 'error' && status.retryAt === null);

  return (
    <>
      <p>
        <Link href="/settings">{t('settings.title')}</Link>
      </p>
      <h1>{t('sync.title')}</h1>
      <p className="muted">{t('sync.intro')}</p>
      <SignInForm
        className="panel sync-form"
        actionsClassName="sync-actions"
        strings={{
          url: t('sync.server'),
          urlHelp: t('sync.serverHelp'),
          user: t('sync.user'),
          password: t('sync.password'),
          passwordHelp: t('sync.passwordHelp'),
          submit: t('sync.start'),
          invalidUrl: t('sync.invalidServer'),
          noDatabase: t('sync.noDatabase'),
          cleartext: t('sync.cleartext'),
          missing: t('sync.missing'),
        }}
        normalizeUrl={normalizeDbUrl}
        onSignIn={startSync}
        onAttempt={clearStoppedError}
        initialUrl={linked ?? ''}
        saved={saved}
        submitHidden={running}
        urlGuide={
          <details className="sync-guide">
            <summary>{t('sync.guide.title')}</summary>
            <ol>
              <li>{t('sync.guide.admin')}</li>
              <li>{t('sync.guide.link')}</li>
              <li>{t('sync.guide.type')}</li>
            </ol>
          </details>
        }
      >
        {running && (
          <button type="button" className="button" onClick={() => void stopSync()}>
            {t('sync.stop')}
          </button>
        )}
      </SignInForm>
      <section className="panel" aria-label={t('sync.statusLabel')}>
        <p role="status" className={`sync-status${status.kind === 'error' ? ' sync-error' : ''}`} data-sync-status={status.kind}>
          {statusText}
        </p>
        {status.kind === 'syncing' && <progress className="sync-progress" aria-label={t('sync.progress')} max={status.pending + status.pushed + status.pulled} value={status.pushed + status.pulled} />}
        {(totals.pushed > 0 || totals.pulled > 0) && <p className="muted">{t('sync.totals', { pushed: totals.pushed, pulled: totals.pulled })}</p>}
        <ClockWarning status={status} />
      </section>
      <Quarantine count={quarantined} />
    </>
  );
}
