// Backup and restore in the settings page: export a backup, import one (validated, planned and
// confirmed before anything is written, with progress for large files), reset progress (after a
// confirmation naming what is lost, offering to export first), and export a deck for Anki.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { backupRepository, type ImportProgress, type PreparedImport, syncConfigRepository } from '../../db';
import { ankiFileName, exportDeckToAnki } from '../../domain/anki/export-anki';
import { BackupValidationError } from '../../domain/backup/validate';
import { localizedText } from '../../domain/deck/localized';
import { useClock } from '../../hooks/clock';
import { useDecks } from '../../hooks/use-decks';
import { downloadText } from '../../components/download';
import './backup.css';

/** The synced server while sync is on (so the page does not say progress lives only here), else null. */
function useSyncedServer(): string | null {
  const [server, setServer] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void syncConfigRepository.load().then((c) => live && setServer(c?.enabled ? c.server : null), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return server;
}

type ImportView =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'plan'; prepared: PreparedImport }
  | { step: 'writing'; progress: ImportProgress }
  | { step: 'done'; reviews: number; quizResults: number }
  | { step: 'error'; message: string };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function BackupPanel() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { decks } = useDecks();
  const clock = useClock();
  const synced = useSyncedServer();
  const ids = { title: useId(), file: useId(), hint: useId(), reset: useId(), resetDesc: useId(), anki: useId(), progress: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const [exportStatus, setExportStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useState<ImportView>({ step: 'idle' });
  const [reset, setReset] = useState<{ reviews: number; quizResults: number; onboarding: number } | null>(null);
  const [resetDone, setResetDone] = useState(false);

  const counts = (reviews: number, quizResults: number) => ({
    reviews: t('backup.count.reviews', { count: reviews }),
    quizResults: t('backup.count.quizResults', { count: quizResults }),
  });

  async function onExport() {
    setExporting(true);
    try {
      const { text, fileName } = await backupRepository.export(clock.now());
      downloadText(fileName, text, 'application/json');
      setExportStatus({ ok: true, text: t('backup.export.done', { fileName }) });
    } catch (e) {
      setExportStatus({ ok: false, text: t('backup.export.failed', { message: messageOf(e) }) });
    } finally {
      setExporting(false);
    }
  }

  function failure(e: unknown): ImportView {
    if (e instanceof BackupValidationError) {
      return { step: 'error', message: t('backup.import.rejected', { path: e.path, reason: t(`backup.import.reasons.${e.kind}`) }) };
    }
    return { step: 'error', message: t('backup.import.storageFailed', { message: messageOf(e) }) };
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setView({ step: 'checking' });
    try {
      setView({ step: 'plan', prepared: await backupRepository.prepareImport(file, clock.now()) });
    } catch (e) {
      setView(failure(e));
    }
  }

  function clearFile() {
    if (fileInput.current) fileInput.current.value = '';
  }

  async function onConfirm(prepared: PreparedImport) {
    setView({ step: 'writing', progress: { phase: 'writing', done: 0, total: prepared.plan.added.rating } });
    try {
      await backupRepository.applyImport(prepared, (progress) => setView({ step: 'writing', progress }));
      setView({ step: 'done', reviews: prepared.plan.added.rating, quizResults: prepared.plan.added.quiz });
    } catch (e) {
      setView(failure(e));
    } finally {
      clearFile();
    }
  }

  async function onAskReset() {
    setResetDone(false);
    setReset(await backupRepository.countProgress());
  }

  async function onReset() {
    await backupRepository.resetProgress();
    setReset(null);
    setResetDone(true);
  }

  function onAnki(deckId: string) {
    const deck = decks.find((d) => d.id === deckId);
    if (deck) downloadText(ankiFileName(deck), exportDeckToAnki(deck, lang), 'text/plain;charset=utf-8');
  }

  const prepared = view.step === 'plan' ? view.prepared : null;
  const plan = prepared?.plan ?? null;

  return (
    <section id="backup" className="panel backup-panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('backup.title')}</h2>
      <p className="muted">{synced !== null ? t('backup.introSynced', { server: synced }) : t('backup.intro')}</p>

      <p>
        <button type="button" className="button" onClick={() => void onExport()} disabled={exporting}>
          {exporting ? t('backup.export.working') : t('backup.export.button')}
        </button>
      </p>
      {exportStatus && <p role={exportStatus.ok ? 'status' : 'alert'}>{exportStatus.text}</p>}

      <div className="backup-import">
        <label htmlFor={ids.file}>{t('backup.import.label')}</label>
        <p id={ids.hint} className="muted">
          {t('backup.import.hint')}
        </p>
        <input
          ref={fileInput}
          id={ids.file}
          type="file"
          accept="application/json,.json"
          aria-describedby={ids.hint}
          onChange={(e) => void onFile(e)}
          disabled={view.step === 'checking' || view.step === 'writing'}
        />
        <div aria-live="polite">
          {view.step === 'checking' && <p>{t('backup.import.checking')}</p>}
          {plan && (
            <div className="backup-plan">
              <h3>{t('backup.import.planHeading')}</h3>
              {plan.isEmpty ? (
                <p>{t('backup.import.nothing')}</p>
              ) : (
                <ul>
                  <li>{t('backup.import.adds', counts(plan.added.rating, plan.added.quiz))}</li>
                  {plan.known > 0 && <li>{t('backup.import.known', { count: plan.known })}</li>}
                  {prepared && prepared.unknownCardRatings > 0 && <li>{t('backup.import.unknownCards', { count: prepared.unknownCardRatings })}</li>}
                  {plan.added.void > 0 && <li>{t('backup.import.undos', { count: plan.added.void })}</li>}
                  {plan.added.lesson > 0 && <li>{t('backup.import.lessons', { count: plan.added.lesson })}</li>}
                  {plan.added.suspend > 0 && <li>{t('backup.import.suspensions', { count: plan.added.suspend })}</li>}
                  {plan.added.settings > 0 && <li>{t('backup.import.settings', { count: plan.added.settings })}</li>}
                </ul>
              )}
              <p className="button-row">
                {!plan.isEmpty && view.step === 'plan' && (
                  <button type="button" className="button button-primary" onClick={() => void onConfirm(view.prepared)}>
                    {t('backup.import.confirm')}
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    clearFile();
                    setView({ step: 'idle' });
                  }}
                >
                  {t('backup.import.cancel')}
                </button>
              </p>
            </div>
          )}
          {view.step === 'writing' && (
            <p>
              <label htmlFor={ids.progress}>{t('backup.import.progressLabel')}</label>{' '}
              <progress id={ids.progress} max={Math.max(1, view.progress.total)} value={view.progress.done} />{' '}
              <span>
                {view.progress.phase === 'finishing'
                  ? t('backup.import.finishing')
                  : t('backup.import.progress', { done: view.progress.done, total: view.progress.total })}
              </span>
            </p>
          )}
          {view.step === 'done' && <p role="status">{t('backup.import.done', counts(view.reviews, view.quizResults))}</p>}
        </div>
        {view.step === 'error' && (
          <p role="alert" className="backup-error">
            {view.message}
          </p>
        )}
      </div>

      <p>
        <button type="button" className="button button-danger" onClick={() => void onAskReset()}>
          {t('backup.reset.button')}
        </button>
      </p>
      {resetDone && <p role="status">{t('backup.reset.done')}</p>}
      {reset && (
        <div className="backup-dialog" role="alertdialog" aria-modal="false" aria-labelledby={ids.reset} aria-describedby={ids.resetDesc}>
          <h3 id={ids.reset}>{t('backup.reset.title')}</h3>
          <div id={ids.resetDesc}>
            <p>{t('backup.reset.lose')}</p>
            <ul>
              <li>{t('backup.reset.reviews', counts(reset.reviews, reset.quizResults))}</li>
              <li>{t('backup.reset.quizResults', counts(reset.reviews, reset.quizResults))}</li>
              <li>{t('backup.reset.onboarding')}</li>
              <li>{t('backup.reset.schedules')}</li>
            </ul>
            <p>{t('backup.reset.keeps')}</p>
          </div>
          <p className="button-row">
            <button type="button" className="button" onClick={() => void onExport()}>
              {t('backup.reset.exportFirst')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void onReset()}>
              {t('backup.reset.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setReset(null)} autoFocus>
              {t('backup.reset.cancel')}
            </button>
          </p>
        </div>
      )}

      <h3 id={ids.anki}>{t('backup.anki.heading')}</h3>
      <p className="muted">{t('backup.anki.intro')}</p>
      <ul className="anki-list" aria-labelledby={ids.anki}>
        {decks.map((d) => (
          <li key={d.id}>
            <button type="button" className="button" onClick={() => onAnki(d.id)}>
              {t('backup.anki.button', { deck: localizedText(d.title, lang) || d.id })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
