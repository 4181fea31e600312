// Entry point: picks the UI language, loads its strings, and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n, languageFromBrowser, setUiLanguage } from '../i18n/setup';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const lang = languageFromBrowser(navigator.languages ?? [navigator.language]);
const i18n = initI18n(lang);
await setUiLanguage(lang);

createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
