// @vitest-environment jsdom
// Start-up cannot brick the app: a poisoned log entry for a card this device does not have yet
// (imported long ago) makes the deck sync throw when the card's deck arrives. The app still
// opens, in safe mode, naming the problem; Repair takes the entry back, the deck syncs, and
// nothing else is lost. A route that throws while rendering shows its own error, not a blank app.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { guarded } from '../../src/app/route-boundary';
import { I18nextProvider } from 'react-i18next';
import { setDb } from '../../src/db/database';
import { rateCard } from '../../src/db/reviews';
import { installDecks } from '../../src/db/install-decks';
import type { ReviewLogRow } from '../../src/db/schema';
import { SCHEDULER_FINGERPRINT, newCardState, rateCard as rateInDomain } from '../../src/domain/scheduler/scheduler';
import { normalizeParams } from '../../src/domain/scheduler/params';
import { initI18n } from '../../src/i18n/setup';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/settings';
import { createDeck } from '../factories';
import { createTestDb, dump } from '../db/helpers';

const deckA = createDeck({ id: 'a', commands: 3 });
const deckB = createDeck({ id: 'b', commands: 3 });

vi.mock('../../src/hooks/use-decks', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/hooks/use-decks')>();
  return { ...actual, loadBuiltInDecks: () => Promise.resolve([deckA, deckB]) };
});

const i18n = initI18n('en');
const NOW = Date.now();
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };

afterEach(() => {
  cleanup();
  setDb(null);
});

/** A rating row for a card of deck B as an old import left it (device unknown). */
function foreignRow(cardIndex: number, id: string, at: number, dayKey?: string, rating: 3 | 4 = 3): ReviewLogRow {
  const { record } = rateInDomain(newCardState(), rating, at, normalizeParams({}), { timeZone: 'UTC', startHour: 4 });
  return {
    id, cardId: deckB.cards[cardIndex]!.id, deckId: 'b', rating, reviewedAt: at, durationMs: 1000,
    dayKey: dayKey ?? record.dayKey, timeZone: 'UTC', dayStartHour: 4, params: record.params,
    prevState: 'new', nextState: record.nextState, scheduledDays: record.scheduledDays, due: record.due, device: '', seq: 0,
  };
}

describe('start-up', () => {
  it('opens in safe mode on a poisoned entry for a card that arrives later; Repair fixes it and nothing else is lost', async () => {
    const user = userEvent.setup();
    const db = createTestDb(`safe-${Math.random()}`);
    await installDecks(db, [deckA], NOW - 3 * DAY);
    await rateCard(db, deckA.cards[0]!.id, 3, NOW - 2 * DAY, 1000, { settings, id: 'a-good' });
    // Entries of deck B's cards imported before the deck was on this device: one good, and one
    // whose day key is past 9999 (Easy: its next day cannot be computed, so replay throws).
    await db.reviewLog.bulkAdd([foreignRow(1, 'b-good', NOW - 2 * DAY), foreignRow(0, 'b-poison', NOW - DAY, '9999-12-31', 4)]);
    await db.meta.put({ key: 'scheduler', value: SCHEDULER_FINGERPRINT });
    const before = await dump(db);
    setDb(db);

    render(<App i18n={i18n} />);
    const banner = await screen.findByText('Kujira opened in safe mode.', {}, { timeout: 10_000 });
    expect(banner.closest('[role="alert"]')?.textContent).toMatch(/Starting up failed: .*day key/i);
    // Nothing was written by the failed start-up, and the app is usable: Settings opens.
    expect(await dump(db)).toEqual(before);
    await user.click(within(screen.getAllByRole('navigation', { name: 'Main' })[0]!).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Backup and restore' }, { timeout: 10_000 })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Repair' }));
    const notice = await screen.findByText(/Repair finished: 1 unusable entry was taken back: b-poison/, {}, { timeout: 10_000 });
    expect(notice).toBeTruthy();
    expect(screen.queryByText('Kujira opened in safe mode.')).toBeNull();
    // Deck B arrived; its good entry is its card's history; the poisoned one is taken back, not deleted.
    expect(await db.decks.get('b')).toBeDefined();
    expect(await db.cardStates.get(deckB.cards[1]!.id)).toMatchObject({ reps: 1 });
    expect(await db.cardStates.get(deckB.cards[0]!.id)).toMatchObject({ reps: 0, state: 'new' });
    expect(await db.voidedRatings.get('b-poison')).toBeDefined();
    expect(await db.events.where('target').equals('b-poison').count()).toBe(1);
    expect((await db.reviewLog.toArray()).map((r) => r.id).sort()).toEqual(['a-good', 'b-good']);
    expect(await db.cardStates.get(deckA.cards[0]!.id)).toMatchObject({ reps: 1 });
  });

  it('waits for the start-up the entry began instead of starting again, and opens in safe mode when it failed', async () => {
    const db = createTestDb(`begun-${Math.random()}`);
    setDb(db);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const started = Promise.resolve({ ok: false as const, decks: [deckA], error: new Error('the disk is full') });
    render(<App i18n={i18n} started={started} />);
    const banner = await screen.findByText('Kujira opened in safe mode.', {}, { timeout: 10_000 });
    expect(banner.closest('[role="alert"]')?.textContent).toContain('the disk is full');
    // The app did not run start-up itself: no deck was installed.
    expect(await db.decks.count()).toBe(0);
  });

  it('a route that throws while rendering shows its error with a way out, not a blank app', async () => {
    const user = userEvent.setup();
    let fail = true;
    const Page = guarded(function Page() {
      if (fail) throw new Error('questions[0] is null');
      return <p>Recovered page</p>;
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <I18nextProvider i18n={i18n}>
        <Page />
      </I18nextProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page stopped working');
    expect(alert.textContent).toContain('questions[0] is null');
    expect(screen.getByRole('link', { name: 'Settings' })).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Recovered page')).toBeTruthy();
  });
});
