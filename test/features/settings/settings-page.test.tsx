// @vitest-environment jsdom
// Settings: each control has a name, applies at once and is saved in the database.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { setDb } from '../../../src/db/database';
import { getSettings } from '../../../src/db/settings';
import type { KujiraDB } from '../../../src/db/schema';
import SettingsPage from '../../../src/features/settings/settings-page';
import { clearAppError, useAppError } from '../../../src/hooks/app-errors';
import { ClockProvider } from '../../../src/hooks/clock';
import { fixedClock } from '../../clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { createTestDb } from '../../db/helpers';
import { createDeck } from '../../factories';

let db: KujiraDB;
const i18n = initI18n('en');
const decks = [createDeck()];

beforeEach(() => {
  initI18n('en');
  db = createTestDb();
  setDb(db);
  delete document.documentElement.dataset.theme;
});

afterEach(() => {
  cleanup();
  clearAppError();
  vi.restoreAllMocks();
  db.close();
  setDb(null);
});

/** Stands in for the shell's error banner: shows what features report. */
function ReportedError() {
  const error = useAppError();
  return error ? <p role="alert">{error instanceof Error ? error.name : String(error)}</p> : null;
}

function renderSettings(extraPanels?: ReactNode) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ClockProvider clock={fixedClock()}>
        <DecksProvider decks={decks}>
          <ReportedError />
          <SettingsPage extraPanels={extraPanels} />
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
}

describe('SettingsPage', () => {
  it('names every control', async () => {
    renderSettings();
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(await screen.findByRole('combobox', { name: 'Language' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Show both languages on cards' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Desired retention' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'New cards per day' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Maximum reviews per day' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Next day starts at' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Theme' })).toBeTruthy();
    for (const name of ['Same as the device', 'Light', 'Dark']) expect(screen.getByRole('radio', { name })).toBeTruthy();
  });

  it('switches the UI language at once and saves it', async () => {
    renderSettings();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'ja');
    expect(await screen.findByRole('heading', { level: 1, name: '設定' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '表示言語' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    await waitFor(async () => expect((await getSettings(db)).language).toBe('ja'));

    await user.selectOptions(screen.getByRole('combobox', { name: '表示言語' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    await waitFor(async () => expect((await getSettings(db)).language).toBe('en'));
  });

  it('saves the desired retention and shows its value', async () => {
    renderSettings();
    const slider = await screen.findByRole('slider', { name: 'Desired retention' });
    expect(screen.getByText('90%')).toBeTruthy();
    fireEvent.change(slider, { target: { value: '0.85' } });
    expect(await screen.findByText('85%')).toBeTruthy();
    expect(screen.getByText(/applies to future ratings/)).toBeTruthy();
    await waitFor(async () => expect((await getSettings(db)).desiredRetention).toBe(0.85));
    expect((slider as HTMLInputElement).value).toBe('0.85');
  });

  it('applies and saves the theme', async () => {
    renderSettings();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
    await waitFor(async () => expect((await getSettings(db)).theme).toBe('dark'));
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    await waitFor(async () => expect((await getSettings(db)).theme).toBe('light'));
  });

  it('saves daily limits as they are typed, and refuses a value out of range', async () => {
    renderSettings();
    const user = userEvent.setup();
    const newPerDay = await screen.findByRole('spinbutton', { name: 'New cards per day' });
    await user.clear(newPerDay);
    await user.type(newPerDay, '35');
    expect((newPerDay as HTMLInputElement).value).toBe('35');
    await waitFor(async () => expect((await getSettings(db)).newPerDay).toBe(35));

    const maxReviews = screen.getByRole('spinbutton', { name: 'Maximum reviews per day' });
    await user.clear(maxReviews);
    expect(maxReviews.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number from 0 to 99999.')).toBeTruthy();
    await user.type(maxReviews, '150');
    expect(maxReviews.getAttribute('aria-invalid')).toBe('false');
    await waitFor(async () => expect((await getSettings(db)).maxReviewsPerDay).toBe(150));
  });

  it('saves both languages and the start of the day', async () => {
    renderSettings();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Show both languages on cards' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Next day starts at' }), '6');
    await waitFor(async () => {
      const s = await getSettings(db);
      expect(s.showBothLanguages).toBe(true);
      expect(s.dayStartHour).toBe(6);
    });
    expect((screen.getByRole('checkbox', { name: 'Show both languages on cards' }) as HTMLInputElement).checked).toBe(true);
  });

  it('switches load balancing and sets easy days per weekday, saved at once', async () => {
    renderSettings();
    const user = userEvent.setup();
    const balance = await screen.findByRole('checkbox', { name: 'Balance the daily load' });
    expect((balance as HTMLInputElement).checked).toBe(true);
    const group = screen.getByRole('group', { name: 'Easy days' });
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    for (const name of days) expect(screen.getByRole('combobox', { name })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sunday' }), 'No reviews (0%)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Saturday' }), '50%');
    await waitFor(async () => expect((await getSettings(db)).easyDays).toEqual([100, 100, 100, 100, 100, 50, 0]));
    expect((screen.getByRole('combobox', { name: 'Sunday' }) as HTMLSelectElement).value).toBe('0');

    // Easy days act through the balancer: with it off they are shown but cannot be changed.
    await user.click(balance);
    await waitFor(async () => expect((await getSettings(db)).loadBalancing).toBe(false));
    expect((group as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.getByText(/Easy days work through load balancing/)).toBeTruthy();
  });

  it('names the weekdays in Japanese', async () => {
    await i18n.changeLanguage('ja');
    renderSettings();
    expect(await screen.findByRole('checkbox', { name: '毎日の復習量をならす' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '軽い曜日' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '日曜日' })).toBeTruthy();
    await i18n.changeLanguage('en');
  });

  it('shows the panels the app shell passes in', async () => {
    renderSettings(<section aria-label="Backup">backup panel</section>);
    expect(await screen.findByRole('region', { name: 'Backup' })).toBeTruthy();
  });

  it('reports a refused write to the app and shows the stored value again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderSettings();
    const user = userEvent.setup();
    const box = await screen.findByRole('checkbox', { name: 'Show both languages on cards' });
    db.close();
    await user.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe('StorageUnavailableError');
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
  });
});
