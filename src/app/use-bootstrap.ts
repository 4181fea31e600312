// Start-up: load the compiled decks (built in, and added in the app), sync them into IndexedDB (one transaction; no work when a
// deck's hash is unchanged), then follow the saved language and theme.
import { useEffect, useState } from 'react';
import { getDb } from '../db/database';
import { useSettings } from '../db/hooks';
import { readStoredDecks } from '../db/stored-deck-hooks';
import { loadBuiltInDecks } from '../hooks/use-decks';
import { applyTheme } from '../components/theme';
import { setUiLanguage } from '../i18n/setup';
import type { Deck } from '../domain/deck/types';

/** `decks`: the built-in decks (the stored ones are read live, see app.tsx). */
export type Bootstrap = { status: 'loading' } | { status: 'ready'; decks: Deck[] } | { status: 'failed'; error: unknown };

export function useBootstrap(): Bootstrap {
  const [state, setState] = useState<Bootstrap>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      // Both chunks load in parallel; sync (and with it ts-fsrs) stays out of the first bundle.
      const [decks, stored, { syncDecks }] = await Promise.all([loadBuiltInDecks(), readStoredDecks(), import('../db/sync-decks')]);
      const builtIn = new Set(decks.map((d) => d.id));
      await syncDecks(getDb(), [...decks, ...stored.filter((d) => !builtIn.has(d.id))], Date.now());
      return decks;
    })().then(
      (decks) => live && setState({ status: 'ready', decks }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, []);

  // The saved language and theme win over the browser's once the user has chosen.
  const settings = useSettings();
  useEffect(() => {
    if (!settings) return;
    if (settings.language) void setUiLanguage(settings.language);
    applyTheme(settings.theme);
  }, [settings]);

  return state;
}
