// The root component: loads and syncs the decks, sets up the UI language and theme, and routes.
// Home and review load eagerly; every other route is a lazy chunk (first-visit size budget).
import { lazy, Suspense } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Route, Switch, Link } from 'wouter';
import { DecksProvider } from '../hooks/use-decks';
import HomePage from '../features/home/home-page';
import { Layout } from './layout';
import { ErrorBanner } from './error-banner';
import { useBootstrap } from './use-bootstrap';

const ReviewPage = lazy(() => import('../features/review/review-page'));
const SettingsRoute = lazy(() => import('./settings-route'));
// The update notice and service worker registration wait for the first paint: a lazy chunk.
const PwaShell = lazy(() => import('./pwa/pwa-shell'));

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
      <Route path="/review" component={ReviewPage} />
      <Route path="/settings" component={SettingsRoute} />
      <Route component={NotFound} />
    </Switch>
  );
}

function Content() {
  const { t } = useTranslation();
  const boot = useBootstrap();
  if (boot.status === 'failed') {
    return (
      <div role="alert">
        <h1>{t('common.error.title')}</h1>
        <p>{boot.error instanceof Error ? boot.error.message : String(boot.error)}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('common.error.reload')}
        </button>
      </div>
    );
  }
  if (boot.status === 'loading') return <p aria-live="polite">{t('common.loading')}</p>;
  return (
    <DecksProvider decks={boot.decks}>
      <Suspense fallback={<p aria-live="polite">{t('common.loading')}</p>}>
        <Routes />
      </Suspense>
    </DecksProvider>
  );
}

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Layout banner={<ErrorBanner />}>
        <Content />
      </Layout>
      <Suspense fallback={null}><PwaShell /></Suspense>
    </I18nextProvider>
  );
}
