// Repair in Settings: rebuild every schedule and cached row from the events, taking back (and
// listing) the entries the scheduler cannot use. The same repair safe mode offers at start-up.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repairRepository } from '../../db';
import { useClock } from '../../hooks/clock';
import { useDecks } from '../../hooks/use-decks';

export function RepairPanel() {
  const { t } = useTranslation();
  const { decks } = useDecks();
  const clock = useClock();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function onRepair() {
    setBusy(true);
    try {
      const report = await repairRepository.repair(decks, clock.now());
      setStatus({
        ok: true,
        text:
          report.skipped.length === 0
            ? t('backup.repair.none', { count: report.statesWritten })
            : t('backup.repair.done', { count: report.skipped.length, entries: report.skipped.map((s) => `${s.id} (${s.cardId}: ${s.reason})`).join('; ') }),
      });
    } catch (e) {
      setStatus({ ok: false, text: t('backup.repair.failed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="repair-title">
      <h2 id="repair-title">{t('backup.repair.heading')}</h2>
      <p className="muted">{t('backup.repair.intro')}</p>
      <p>
        <button type="button" className="button" disabled={busy} onClick={() => void onRepair()}>
          {busy ? t('backup.repair.working') : t('backup.repair.button')}
        </button>
      </p>
      {status && <p role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}
