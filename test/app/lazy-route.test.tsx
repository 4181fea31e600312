// @vitest-environment jsdom
// A route loaded ahead renders without suspending (React would otherwise show the fallback and
// hold the route back for its 300 ms fallback throttle); one not loaded yet suspends as before;
// the entry's preload picks the route by wouter's patterns.
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyRoute } from '../../src/app/lazy-route';
import { routeAt } from '../../src/app/app';

afterEach(cleanup);

function Page({ name }: { name: string }) {
  return <h1>{name}</h1>;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('lazyRoute', () => {
  it('suspends until its code and strings are in, loading each once', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Page }));
    const strings = deferred();
    const loadStrings = vi.fn(() => strings.promise);
    const Route = lazyRoute(load, loadStrings);
    render(
      <Suspense fallback={<p>loading</p>}>
        <Route name="Review" />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    // The code alone is not enough: the screen's strings come with it.
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByRole('heading')).toBeNull();
    strings.resolve();
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeTruthy();
    await Route.preload();
    expect(load).toHaveBeenCalledTimes(1);
    expect(loadStrings).toHaveBeenCalledTimes(1);
  });

  it('renders at once, without its fallback, once preloaded', async () => {
    const Route = lazyRoute(() => Promise.resolve({ default: Page }), () => Promise.resolve());
    await Route.preload();
    // No await between render and the assertion: a suspended render would show the fallback here.
    render(
      <Suspense fallback={<p>loading</p>}>
        <Route name="Stats" />
      </Suspense>,
    );
    expect(screen.getByRole('heading', { name: 'Stats' })).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });
});

describe('routeAt', () => {
  it('finds the route the app opens on, nested and wildcard paths included, and none for Home', () => {
    expect(routeAt('/review')).toBe('/review');
    expect(routeAt('/settings/sync')).toBe('/settings/sync');
    expect(routeAt('/settings')).toBe('/settings');
    expect(routeAt('/learn/docker/2')).toBe('/learn');
    expect(routeAt('/cards/docker/abc')).toBe('/cards/*?');
    expect(routeAt('/cards')).toBe('/cards/*?');
    expect(routeAt('/team')).toBe('/team/*?');
    expect(routeAt('/')).toBeUndefined();
    expect(routeAt('/nowhere')).toBeUndefined();
  });
});
