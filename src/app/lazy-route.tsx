// Lazy routes that can be loaded ahead: the entry preloads the route the app opens on, beside
// start-up, so that route renders as soon as start-up is done.
import { lazy, type ComponentType } from 'react';
import { loadFeatureStrings } from '../i18n/setup';

export type Preloadable<P> = ComponentType<P> & { preload: () => Promise<unknown> };

/**
 * A route's code and the strings of the screens beyond the first, loaded together. Once they are
 * in (preloaded, or shown before), the route renders without suspending: a lazy component that
 * suspends shows its Suspense fallback, and React then holds the route back until 300 ms after
 * that fallback appeared (its fallback throttle), even when the chunk came from the cache in 30 ms.
 */
export function lazyRoute<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  loadStrings: () => Promise<unknown> = loadFeatureStrings,
): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (loading ??= Promise.all([load(), loadStrings()]).then(([module]) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(preload);
  function LazyRoute(props: P) {
    const Page = loaded ?? Lazy;
    return <Page {...props} />;
  }
  return Object.assign(LazyRoute, { preload });
}
