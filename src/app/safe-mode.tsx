// Safe mode: start-up failed (deck sync or replay threw), and the app opened anyway. The banner
// names the problem and offers Export (a backup of every event, which never needs a replay),
// Repair (rebuild every schedule from the log, taking back and listing the entries it cannot
// use, then sync the decks again) and Reset (forget this device's progress, after a confirmation).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupRepository } from '../db/backup/repository';
import { repairRepository } from '../db/repair-repository';
import type { Deck } from '../domain/deck/types';
import { downloadText } from '../features/backup/download';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function SafeModeBanner({ error, decks, onRecovered }: { error: unknown; decks: readonly Deck[]; onRecovered: (report: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    try {
      setStatus({ ok: true, text: await work() });
    } catch (e) {
      setStatus({ ok: false, text: t('common.safeMode.failed', { message: messageOf(e) }) });
    } finally {
      setBusy(false);
    }
  }

  const onExport = () =>
    run(async () => {
      const { text, fileName } = await backupRepository.export(Date.now());
      downloadText(fileName, text, 'application/json');
      return t('common.safeMode.exported', { fileName });
    });

  const onRepair = () =>
    run(async () => {
      const report = await repairRepository.repair(decks, Date.now());
      const text =
        report.skipped.length === 0
          ? t('common.safeMode.repairedNone')
          : t('common.safeMode.repaired', { count: report.skipped.length, entries: report.skipped.map((s) => `${s.id} (${s.cardId}: ${s.reason})`).join('; ') });
      onRecovered(text);
      return text;
    });

  const onReset = () =>
    run(async () => {
      await backupRepository.resetProgress();
      await repairRepository.repair(decks, Date.now());
      setConfirmReset(false);
      onRecovered(t('common.safeMode.resetDone'));
      return t('common.safeMode.resetDone');
    });

  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>{t('common.safeMode.title')}</strong> {t('common.safeMode.problem', { message: messageOf(error) })}
      </p>
      <p>{t('common.safeMode.hint')}</p>
      <div className="row">
        <button type="button" className="button" disabled={busy} onClick={() => void onExport()}>
          {t('common.safeMode.export')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void onRepair()}>
          {t('common.safeMode.repair')}
        </button>
        {confirmReset ? (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void onReset()}>
            {t('common.safeMode.resetConfirm')}
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirmReset(true)}>
            {t('common.safeMode.reset')}
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
