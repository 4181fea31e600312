// Safe mode: start-up failed (installing the decks or replay threw), and the app opened anyway. The banner
// names the problem and offers Export (a backup of every event, which never needs a replay),
// Repair (rebuild every schedule from the log, taking back and listing the entries it cannot
// use, then install the decks again) and Reset (forget this device's progress, after a confirmation).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../domain/deck/types';
import { downloadText } from '../components/download';
import { useClock } from '../hooks/clock';
import { loadBackupRepository, loadRepairRepository } from '../db';

// Export, Repair and Reset load the storage code they need only when pressed: the banner is part
// of the first paint, and the scheduler, deck matcher and backup code are not.
const backup = loadBackupRepository;
const repair = loadRepairRepository;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function SafeModeBanner({ error, decks, onRecovered }: { error: unknown; decks: readonly Deck[]; onRecovered: (report: string) => void }) {
  const { t } = useTranslation();
  const clock = useClock();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    try {
      setStatus({ ok: true, text: await work() });
    } catch (e) {
      setStatus({ ok: false, text: t('backup.safeMode.failed', { message: messageOf(e) }) });
    } finally {
      setBusy(false);
    }
  }

  const onExport = () =>
    run(async () => {
      const { text, fileName } = await (await backup()).export(clock.now());
      downloadText(fileName, text, 'application/json');
      return t('backup.safeMode.exported', { fileName });
    });

  const onRepair = () =>
    run(async () => {
      const report = await (await repair()).repair(decks, clock.now());
      const text =
        report.skipped.length === 0
          ? t('backup.safeMode.repairedNone')
          : t('backup.safeMode.repaired', { count: report.skipped.length, entries: report.skipped.map((s) => `${s.id} (${s.cardId}: ${s.reason})`).join('; ') });
      onRecovered(text);
      return text;
    });

  const onReset = () =>
    run(async () => {
      await (await backup()).resetProgress();
      await (await repair()).repair(decks, clock.now());
      setConfirmReset(false);
      onRecovered(t('backup.safeMode.resetDone'));
      return t('backup.safeMode.resetDone');
    });

  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>{t('backup.safeMode.title')}</strong> {t('backup.safeMode.problem', { message: messageOf(error) })}
      </p>
      <p>{t('backup.safeMode.hint')}</p>
      <div className="row">
        <button type="button" className="button" disabled={busy} onClick={() => void onExport()}>
          {t('backup.safeMode.export')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void onRepair()}>
          {t('backup.safeMode.repair')}
        </button>
        {confirmReset ? (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void onReset()}>
            {t('backup.safeMode.resetConfirm')}
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirmReset(true)}>
            {t('backup.safeMode.reset')}
          </button>
        )}
      </div>
      {status && <p role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </div>
  );
}

/** After leaving safe mode: what Repair did, until dismissed. */
export function RecoveredNotice({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="banner" role="status">
      <p>{text}</p>
      <button type="button" className="button" onClick={onDismiss}>
        {t('common.error.dismiss')}
      </button>
    </div>
  );
}
