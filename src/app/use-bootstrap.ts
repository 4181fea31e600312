// Start-up as the app sees it: waits for start-up's work (src/app/start-up.ts: the compiled decks,
// built in and added in the app, a repair if the scheduler changed, the decks installed into
// IndexedDB in one transaction, no work when a deck's hash is unchanged), begun by the entry or,
// without one (component tests), here; then follows the saved language and theme. If start-up
// throws, the app still opens, in safe mode: the decks are shown as compiled and the shell offers
// Export, Repair and Reset (src/app/safe-mode.tsx).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../db';
import { useClock } from '../hooks/clock';
import { applyTheme } from '../components/theme';
import { loadFeatureStrings, setUiLanguage } from '../i18n/setup';
import type { Deck } from '../domain/deck/types';
import { startUp, type StartUpOutcome } from './start-up';

/** `decks`: the built-in decks (the stored ones are read live, see app.tsx). */
export type Bootstrap =
  | { status: 'loading' }
  | { status: 'ready'; decks: Deck[] }
  /** Start-up failed: the app opens anyway with what it could load, and says why. */
  | { status: 'safe'; decks: Deck[]; error: unknown };

export interface BootstrapControl {
  boot: Bootstrap;
  /** Leave safe mode once a repair or reset made start-up work again; `report` says what it did. */
  recovered: (report: string) => void;
  /** What the repair that ended safe mode did (null: none, or dismissed). */
  report: string | null;
  dismissReport: () => void;
}

export function useBootstrap(started?: Promise<StartUpOutcome>): BootstrapControl {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Bootstrap>({ status: 'loading' });
  const [report, setReport] = useState<string | null>(null);
  const clock = useClock();
  useEffect(() => {
    let live = true;
    (async () => {
      const outcome = await (started ?? startUp(clock.now()));
      if (!live) return;
      if (!outcome.ok) {
        console.error(outcome.error);
        setBoot({ status: 'safe', decks: outcome.decks, error: outcome.error });
        return;
      }
      const { repaired } = outcome;
      // The scheduler changed and the states were rebuilt: entries it could not use are listed.
      if (repaired && repaired.skipped.length > 0) {
        // The repair report's strings live with the backup feature's (loaded on demand).
        await loadFeatureStrings().catch(() => undefined);
        if (!live) return;
        setReport(t('backup.safeMode.repaired', { count: repaired.skipped.length, entries: repaired.skipped.map((x) => `${x.id} (${x.cardId}: ${x.reason})`).join('; ') }));
      }
      setBoot({ status: 'ready', decks: outcome.decks });
    })();
    return () => {
      live = false;
    };
    // Start-up runs once; `t` only formats the report and the clock only stamps the repair.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const recovered = useCallback((text: string) => {
    setReport(text);
    setBoot((b) => (b.status === 'safe' ? { status: 'ready', decks: b.decks } : b));
  }, []);
  const dismissReport = useCallback(() => setReport(null), []);

  // The saved language and theme win over the browser's once the user has chosen.
  const settings = useSettings();
  useEffect(() => {
    if (!settings) return;
    if (settings.language) void setUiLanguage(settings.language);
    applyTheme(settings.theme);
  }, [settings]);

  return { boot, recovered, report, dismissReport };
}
