// @vitest-environment jsdom
// A first visit to Home shows the welcome (what Kujira is, the language, the daily goal) without
// hiding today's review; Skip closes it for good; "Start the first lesson" opens Learn, and the
// navigation marks Learn there (issue 26).
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { setDb } from '../../src/db/database';
import { getWelcomeSeen } from '../../src/db/onboarding';
import type { KujiraDB } from '../../src/db/schema';
import { initI18n, setUiLanguage } from '../../src/i18n/setup';
import { createDeck } from '../factories';
import { createTestDb } from '../db/helpers';

const deck = createDeck({ id: 'solo', commands: 3 });

vi.mock('../../src/hooks/use-decks', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/hooks/use-decks')>();
  return { ...actual, loadBuiltInDecks: () => Promise.resolve([deck]) };
});

const i18n = initI18n('en');
let db: KujiraDB;

beforeEach(async () => {
  await setUiLanguage('en');
  window.history.replaceState(null, '', '/');
  db = createTestDb(`home-welcome-${Math.random()}`);
  setDb(db);
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(null);
});

const learnLink = () => within(screen.getAllByRole('navigation', { name: 'Main' })[0]!).getByRole('link', { name: /Learn/ });

describe('Home on a first visit', () => {
  it('shows the welcome above today\'s review, with the language choice; Skip closes it for good', async () => {
    const user = userEvent.setup();
    render(<App i18n={i18n} />);
    const welcome = await screen.findByRole('heading', { level: 2, name: 'Welcome to Kujira' }, { timeout: 10_000 });
    // Start-up has synced the decks (today's review is ready) before the learner acts.
    await screen.findByRole('link', { name: 'Start review' }, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 1, name: 'Kujira' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy();
    // Arriving on Home does not pull the focus into the welcome.
    expect(document.activeElement).not.toBe(welcome);

    await user.click(screen.getByRole('radio', { name: '日本語' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Kujira へようこそ' })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(await screen.findByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Welcome to Kujira' })).toBeNull());
    await waitFor(async () => expect(await getWelcomeSeen(db)).toBe(true));
    expect(window.location.pathname).toBe('/');

    cleanup();
    render(<App i18n={i18n} />);
    await screen.findByRole('heading', { name: 'Today' }, { timeout: 10_000 });
    await screen.findByRole('link', { name: 'Start review' }, { timeout: 10_000 });
    expect(screen.queryByRole('heading', { name: 'Welcome to Kujira' })).toBeNull();
  });

  it('goes from the welcome into the first lesson, with Learn marked in the navigation', async () => {
    const user = userEvent.setup();
    render(<App i18n={i18n} />);
    await screen.findByRole('heading', { level: 2, name: 'Welcome to Kujira' }, { timeout: 10_000 });
    await screen.findByRole('link', { name: 'Start review' }, { timeout: 10_000 });
    expect(learnLink().getAttribute('aria-current')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Start the first lesson' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^Lesson 1: / }, { timeout: 10_000 })).toBeTruthy();
    expect(window.location.pathname).toMatch(/^\/onboarding\/solo\//);
    expect(learnLink().getAttribute('aria-current')).toBe('page');
  });
});
