// @vitest-environment jsdom
// Settings' storage status: persistent or not, usage, the risk and the pointer to backup.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../../../src/i18n/setup';
import { StorageStatus } from '../../../src/components/pwa/storage-status';
import type { StorageLike } from '../../../src/components/pwa/storage';

afterEach(cleanup);
const i18n = initI18n('en');

function renderStatus(storage: StorageLike, backupHref?: string) {
  return render(
    <I18nextProvider i18n={i18n}>
      <StorageStatus storage={storage} backupHref={backupHref} />
    </I18nextProvider>,
  );
}

describe('StorageStatus', () => {
  it('says storage is persistent and how much is used', async () => {
    const storage: StorageLike = {
      persisted: async () => true,
      estimate: async () => ({ usage: 2_400_000, quota: 50_000_000_000 }),
    };
    renderStatus(storage);
    expect(await screen.findByText(/Storage is persistent/)).toBeTruthy();
    expect(screen.getByText(/2\.4 MB used of 50 GB available/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('when not persistent, explains the risk, links to backup and can ask again', async () => {
    let granted = false;
    const storage: StorageLike = {
      persisted: async () => granted,
      persist: vi.fn(async () => (granted = true)),
      estimate: async () => ({ usage: 1000, quota: 1_000_000 }),
    };
    renderStatus(storage, '#backup');
    expect(await screen.findByText('Storage is not persistent.')).toBeTruthy();
    expect(screen.getByText(/may delete Kujira's data/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Export a backup/ }).getAttribute('href')).toBe('#backup');
    await userEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep my data' }));
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Storage is persistent/)).toBeTruthy();
  });
});
