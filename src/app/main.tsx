// Entry point: picks the UI language, loads the first screen's strings in it (a small chunk), and
// mounts the app. Beside those strings it opens the database, begins start-up (src/app/start-up.ts)
// and loads the code of the route the app opens on, so none of them waits for the first render.
// The other screens' strings, and the review's code, load in the background once the first screen
// is up, so a later route change rarely waits for them.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRouteAt } from './app';
import { startUp } from './start-up';
import { initI18n, languageFromBrowser, loadCoreStrings, loadFeatureStrings } from '../i18n/setup';
import { installDevice, openDatabaseEarly } from '../db';
import { systemClock } from '../hooks/clock';
import { deviceLanguages, deviceTimeZone } from '../platform/device';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

installDevice({ timeZone: deviceTimeZone });
openDatabaseEarly();
const lang = languageFromBrowser(deviceLanguages());
const i18n = initI18n(lang);
// The strings are asked for first: the first render waits for them.
const coreStrings = loadCoreStrings(lang);
const started = startUp(systemClock.now());
preloadRouteAt(window.location.pathname);

// Without its strings the app still mounts (showing keys) rather than leave the page blank.
void coreStrings
  .catch((error: unknown) => console.error(error))
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App i18n={i18n} started={started} />
      </StrictMode>,
    ),
  );

// The first date format a page builds loads the browser's time zone data: 40-90 ms on this
// project's machine, which the first queue (its study day) would otherwise pay on the way to the
// first card. Done now, while the page waits for its chunks and the database; a timeout, so that
// the database's open and the chunks' requests, queued as microtasks, go out first.
window.setTimeout(() => deviceTimeZone(), 0);

const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1500));
whenIdle(() => {
  void loadFeatureStrings();
  // The daily path, Home then Start review: with the review's code in, that step renders at once
  // instead of through a fallback React holds for 300 ms (src/app/lazy-route.tsx).
  preloadRouteAt('/review');
});
