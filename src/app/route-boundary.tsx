// An error boundary around every route: a screen that throws while rendering shows what went
// wrong with a way out (try again, home, settings) instead of unmounting the whole app.
import { Component, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="panel">
      <h1>{t('common.routeError.title')}</h1>
      <p>{t('common.routeError.body', { message: error instanceof Error ? error.message : String(error) })}</p>
      <p className="button-row">
        <button type="button" className="button" onClick={retry}>
          {t('common.routeError.retry')}
        </button>
        <Link href="/" className="button">
          {t('common.routeError.home')}
        </Link>
        <Link href="/settings" className="button">
          {t('common.routeError.settings')}
        </Link>
      </p>
    </div>
  );
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
}

class Boundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown) {
    // A trace for developers; the user sees the message and the way out.
    console.error(error);
  }

  override render() {
    if (this.state.failed) return <RouteError error={this.state.error} retry={() => this.setState({ error: null, failed: false })} />;
    return this.props.children;
  }
}

/** `Page` inside a boundary that starts afresh whenever the location changes. */
export function guarded<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function GuardedRoute(props: P) {
    const [location] = useLocation();
    return (
      <Boundary key={location}>
        <Page {...props} />
      </Boundary>
    );
  }
  GuardedRoute.displayName = `Guarded(${Page.displayName ?? Page.name})`;
  return GuardedRoute;
}
