// Entry point: picks the UI language, loads the first screen's strings in it (a small chunk,
// fetched beside the opening database and start-up's chunks) and mounts the app; the other
// screens' strings load in the background once the first screen is up, so a later route change
// rarely waits for them.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n, languageFromBrowser, loadCoreStrings, loadFeatureStrings } from '../i18n/setup';
import { installDevice, loadRepairRepository, openDatabaseEarly } from '../db';
import { loadBuiltInDecks } from '../hooks/use-decks';
import { deviceLanguages, deviceTimeZone } from '../platform/device';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

installDevice({ timeZone: deviceTimeZone });
openDatabaseEarly();
const lang = languageFromBrowser(deviceLanguages());
const i18n = initI18n(lang);
// Start-up (use-bootstrap.ts) asks for the decks and the repair chunks after the first render,
// which waits for the strings: their fetch starts now, beside them (the same module then).
for (const load of [loadBuiltInDecks, loadRepairRepository]) void load().catch(() => undefined);

// Without its strings the app still mounts (showing keys) rather than leave the page blank.
void loadCoreStrings(lang)
  .catch((error: unknown) => console.error(error))
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App i18n={i18n} />
      </StrictMode>,
    ),
  );

const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1500));
whenIdle(() => void loadFeatureStrings());
