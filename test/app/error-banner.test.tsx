// @vitest-environment jsdom
// A write IndexedDB refuses is shown to the user with what to do, never swallowed: a rating that
// hits a full disk leaves the card on screen, writes nothing, and the banner says to free space.
// A newer version in another tab closing this tab's database asks for a reload.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { setDb } from '../../src/db/database';
import { installDecks } from '../../src/db/install-decks';
import { ErrorBanner } from '../../src/app/error-banner';
import { clearAppError } from '../../src/hooks/app-errors';
import { ClockProvider } from '../../src/hooks/clock';
import { fixedClock, TEST_NOW } from '../clock';
import { DecksProvider } from '../../src/hooks/use-decks';
import { initI18n } from '../../src/i18n/setup';
import ReviewPage from '../../src/features/review/review-page';
import { createDeck } from '../factories';
import { createTestDb, writeSpy } from '../db/helpers';

const i18n = initI18n('en');

afterEach(() => {
  cleanup();
  act(() => clearAppError());
  setDb(null);
});

describe('storage errors reach the user', () => {
  it('shows "storage full" when a rating cannot be written, and keeps the card', async () => {
    const user = userEvent.setup();
    const db = createTestDb(`banner-${Math.random()}`);
    let full = false;
    db.use(
      writeSpy((table) => {
        if (full && table === 'reviewLog') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }),
    );
    const deck = createDeck({ commands: 2, sectionCount: 1 });
    await installDecks(db, [deck], TEST_NOW);
    setDb(db);
    render(
      <I18nextProvider i18n={i18n}>
        <ErrorBanner />
        <ClockProvider clock={fixedClock()}>
          <DecksProvider decks={[deck]}>
            <ReviewPage />
          </DecksProvider>
        </ClockProvider>
      </I18nextProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Show answer' }));
    full = true;
    await user.click(screen.getByRole('button', { name: /^Good/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('storage is full');
    expect(await db.reviewLog.count()).toBe(0);
    // The same card is still there to rate once space is freed.
    expect(screen.getByRole('group', { name: 'Answer' }).textContent).toBe('What cmd-0 does');
    full = false;
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Good/ }));
    await expect.poll(() => db.reviewLog.count()).toBe(1);
    db.close();
  });

  it('asks for a reload when another tab upgrades the database', async () => {
    const db = createTestDb(`banner-vc-${Math.random()}`);
    await db.open();
    setDb(db);
    render(
      <I18nextProvider i18n={i18n}>
        <ErrorBanner />
      </I18nextProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    // What the browser fires on this connection when a newer version opens elsewhere.
    await act(async () => {
      db.on.versionchange.fire(new Event('versionchange') as IDBVersionChangeEvent);
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Reload this tab');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
