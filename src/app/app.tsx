// The root component: loads and installs the decks, sets up the UI language and theme, and routes.
// Home renders at once (its numbers fill in when the decks are installed); every other route is a
// lazy chunk, loaded together with its strings, and waits for them. The entry preloads the route
// the app opens on (preloadRouteAt), beside start-up.
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { parse as parsePattern } from 'regexparam';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { loadFeatureStrings } from '../i18n/setup';
import { Route, Switch, Link, matchRoute } from 'wouter';
import { DecksProvider } from '../hooks/use-decks';
import { useClock } from '../hooks/clock';
import { syncConfigRepository, teamMembershipRepository, useStoredDecks } from '../db';
import { useInTeam } from '../hooks/use-in-team';
import type { Deck } from '../domain/deck/types';
import HomePage from '../features/home/home-page';
import { Layout } from './layout';
import { ErrorBanner } from './error-banner';
import { useBootstrap } from './use-bootstrap';
import { guarded } from './route-boundary';
import type { StartUpOutcome } from './start-up';
import { lazyRoute, type Preloadable } from './lazy-route';

// Every route inside its own error boundary: a screen that throws cannot take the app down.
// A member's team assignments show on Home: a lazy card, loaded only on a device in a team.
const TeamHomeCard = lazyRoute(() => import('../features/team/team-home-card'));
// The welcome (language, how the review works, a daily goal) on a first visit: lazy, and nothing once seen.
const HomeWelcome = lazyRoute(() => import('../features/onboarding/home-welcome'));
function HomeRoute() {
  // The same live answer the navigation uses: the card shows as soon as this device joins.
  const inTeam = useInTeam();
  return (
    <HomePage
      welcome={
        <Suspense fallback={null}>
          <HomeWelcome />
        </Suspense>
      }
      extra={
        inTeam ? (
          <Suspense fallback={null}>
            <TeamHomeCard />
          </Suspense>
        ) : null
      }
    />
  );
}
const Home = guarded(HomeRoute);

const onboardingPage = lazyRoute(() => import('../features/onboarding/onboarding-page'));
/** The routes beyond Home, in the order they are matched (wouter's patterns). */
const PAGES: readonly { path: string; nest?: boolean; page: Preloadable<object> }[] = [
  { path: '/review', page: lazyRoute(() => import('../features/review/review-page')) },
  { path: '/settings/sync', page: lazyRoute(() => import('../features/sync/sync-page')) },
  { path: '/settings', page: lazyRoute(() => import('./settings-route')) },
  { path: '/onboarding', nest: true, page: onboardingPage },
  { path: '/learn', nest: true, page: onboardingPage },
  { path: '/quiz', page: lazyRoute(() => import('../features/quiz/quiz-page')) },
  { path: '/cards/*?', page: lazyRoute(() => import('../features/cards/cards-page')) },
  { path: '/stats', page: lazyRoute(() => import('../features/stats/stats-page')) },
  { path: '/decks', page: lazyRoute(() => import('../features/decks/decks-page')) },
  { path: '/team/*?', page: lazyRoute(() => import('../features/team/team-page')) },
];
const GUARDED_PAGES = PAGES.map((route) => ({ ...route, page: guarded(route.page) }));

function pageAt(path: string) {
  return PAGES.find(({ path: pattern, nest }) => matchRoute(parsePattern, pattern, path, nest)[0]);
}

/** The pattern of the route that shows `path` (undefined: Home, or no route). */
export function routeAt(path: string): string | undefined {
  return pageAt(path)?.path;
}

/** Starts loading the code and strings of the route at `path` (a no-op for Home and unknown paths). */
export function preloadRouteAt(path: string): void {
  // A failure shows where the route renders (its error boundary), not here.
  void pageAt(path)?.page.preload().catch(() => undefined);
}

// Safe mode and the repair notice show only after a failed start-up or a repair: lazy chunks.
const loadSafeMode = () => Promise.all([import('./safe-mode'), loadFeatureStrings()]).then(([m]) => m);
const SafeModeBanner = lazy(() => loadSafeMode().then((m) => ({ default: m.SafeModeBanner })));
const RecoveredNotice = lazy(() => loadSafeMode().then((m) => ({ default: m.RecoveredNotice })));
// The update notice and service worker registration wait for the first paint: a lazy chunk,
// with the strings of the screens beyond the first (its own are in pwa.json).
const PwaShell = lazyRoute(() => import('../components/pwa/pwa-shell'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('common.notFound.title')}</h1>
      <Link href="/">{t('common.notFound.back')}</Link>
    </>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <p aria-live="polite">{t('common.loading')}</p>;
}

function Routes({ ready }: { ready: boolean }) {
  if (!ready) {
    return (
      <Switch>
        <Route path="/" component={Home} />
        <Route component={Loading} />
      </Switch>
    );
  }
  return (
    <Switch>
      <Route path="/" component={Home} />
      {GUARDED_PAGES.map(({ path, nest, page }) => (
        <Route key={path} path={path} nest={nest} component={page} />
      ))}
      <Route component={NotFound} />
    </Switch>
  );
}

const NO_DECKS: Deck[] = [];

function Content({ started }: { started: Promise<StartUpOutcome> | undefined }) {
  const { boot, recovered, report, dismissReport } = useBootstrap(started);
  const stored = useStoredDecks();
  const builtIn = boot.status === 'loading' ? NO_DECKS : boot.decks;
  // The built-in decks, then those added in the app (a built-in id always wins).
  const decks = useMemo(() => {
    if (!stored || stored.length === 0) return builtIn;
    const ids = new Set(builtIn.map((d) => d.id));
    return [...builtIn, ...stored.map((s) => s.deck).filter((d) => !ids.has(d.id))];
  }, [builtIn, stored]);
  const ready = boot.status !== 'loading' && stored !== undefined;
  // Sync resumes after a reload when it was on (never in safe mode: the data must be sound
  // first). Only the saved sync settings are read here; the sync engine loads only when it is on.
  const bootStatus = boot.status;
  useEffect(() => {
    if (bootStatus !== 'ready') return;
    void syncConfigRepository.load().then(
      (config) => {
        if (config?.enabled) void import('../features/sync/sync-service').then((m) => m.resumeSync());
      },
      () => undefined,
    );
  }, [bootStatus]);
  // A device in a team space keeps its team decks and shared summary up to date (lazy, as sync).
  const clock = useClock();
  const decksNow = useRef(decks);
  decksNow.current = decks;
  useEffect(() => {
    if (bootStatus !== 'ready') return;
    void teamMembershipRepository.isInTeam().then(async (yes) => {
      if (yes) (await import('../features/team/team-background')).resumeTeam(() => decksNow.current, () => clock.now());
    });
  }, [bootStatus, clock]);
  return (
    <DecksProvider decks={ready ? decks : NO_DECKS} ready={ready}>
      <Suspense fallback={null}>
        {boot.status === 'safe' && <SafeModeBanner error={boot.error} decks={decks} onRecovered={recovered} />}
        {report !== null && <RecoveredNotice text={report} onDismiss={dismissReport} />}
      </Suspense>
      <Suspense fallback={<Loading />}>
        <Routes ready={ready} />
      </Suspense>
    </DecksProvider>
  );
}

/** `started`: start-up's work, begun by the entry (without it, the app begins it on mount). */
export function App({ i18n, started }: { i18n: I18n; started?: Promise<StartUpOutcome> }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Layout banner={<ErrorBanner />}>
        <Content started={started} />
      </Layout>
      <Suspense fallback={null}>
        <PwaShell />
      </Suspense>
    </I18nextProvider>
  );
}
