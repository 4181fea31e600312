// The root component: loads the decks, sets up the UI language and theme, and routes.
// Home and review load eagerly; every other route is a lazy chunk (first-visit size budget).
import { Suspense, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Route, Switch, Link } from 'wouter';
import { DecksProvider, useBuiltInDecks } from '../hooks/use-decks';
import { initI18n, languageFromBrowser } from '../i18n/setup';
import HomePage from '../features/home/home-page';
import { Layout } from './layout';
import { PwaShell } from './pwa/pwa-shell';

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('common.notFound.title')}</h1>
      <Link href="/">{t('common.notFound.back')}</Link>
    </>
  );
}

function Routes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route component={NotFound} />
    </Switch>
  );
}

export function App() {
  const i18n = useMemo(() => initI18n(languageFromBrowser(navigator.languages ?? [navigator.language])), []);
  const { decks, error } = useBuiltInDecks();
  return (
    <I18nextProvider i18n={i18n}>
      <Layout>
        {error ? (
          <p role="alert">{String(error)}</p>
        ) : decks ? (
          <DecksProvider decks={decks}>
            <Suspense fallback={<p>{i18n.t('common.loading')}</p>}>
              <Routes />
            </Suspense>
          </DecksProvider>
        ) : (
          <p aria-live="polite">{i18n.t('common.loading')}</p>
        )}
      </Layout>
      <PwaShell />
    </I18nextProvider>
  );
}

