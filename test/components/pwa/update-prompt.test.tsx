// @vitest-environment jsdom
// The update notice: shown when a new worker waits, reloads only on the user's click, and a
// takeover by another tab asks for a reload instead of reloading by itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../../../src/i18n/setup';
// virtual:pwa-register/react is aliased to this stand-in in vitest.config.ts.
import { pwaRegister } from '../../mocks/pwa-register-react';
import { UpdatePrompt } from '../../../src/components/pwa/update-prompt';
import { UPDATED_FROM_KEY } from '../../../src/components/pwa/use-update-prompt';

const i18n = initI18n('en');
let reload: ReturnType<typeof vi.fn>;

function renderPrompt() {
  return render(
    <I18nextProvider i18n={i18n}>
      <UpdatePrompt />
    </I18nextProvider>,
  );
}

beforeEach(() => {
  reload = vi.fn();
  vi.stubGlobal('location', { ...window.location, reload });
  pwaRegister.updateServiceWorker.mockClear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('UpdatePrompt', () => {
  it('is an empty status region until a new version waits', () => {
    renderPrompt();
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers Reload when a new version waits, and does nothing until clicked', async () => {
    renderPrompt();
    act(() => pwaRegister.setNeedRefresh(true));
    expect(screen.getByRole('status').textContent).toContain('New version available');
    const button = screen.getByRole('button', { name: 'Reload' });
    expect(pwaRegister.updateServiceWorker).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();

    await userEvent.click(button);
    expect(pwaRegister.updateServiceWorker).toHaveBeenCalledTimes(1);
    expect(sessionStorage.getItem(UPDATED_FROM_KEY)).toBe('dev');
    // The new worker takes control: now (and only now) the page reloads.
    act(() => pwaRegister.options.onNeedReload?.());
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('can be put off with Later', async () => {
    renderPrompt();
    act(() => pwaRegister.setNeedRefresh(true));
    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    expect(pwaRegister.updateServiceWorker).not.toHaveBeenCalled();
  });

  it('never reloads by itself when another tab activated the new version', async () => {
    renderPrompt();
    act(() => pwaRegister.options.onNeedReload?.());
    expect(reload).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain('updated in another tab');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads anyway if no worker takes control after the click', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderPrompt();
    act(() => pwaRegister.setNeedRefresh(true));
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(5000));
    expect(reload).toHaveBeenCalled();
  });

  it('says which version is running after an accepted update', () => {
    sessionStorage.setItem(UPDATED_FROM_KEY, 'old-build');
    renderPrompt();
    expect(screen.getByRole('status').textContent).toContain('Kujira is now version dev.');
    expect(sessionStorage.getItem(UPDATED_FROM_KEY)).toBeNull();
  });
});
