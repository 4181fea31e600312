// @vitest-environment jsdom
// Settings -> Sync against a fake-indexeddb database and the dev sync server on loopback: the
// labels in both languages, the lead's link filling in the server, clear messages for a form that
// cannot work, and a real start (synced, the server and user name kept, never the password), stop.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDb } from '../../../src/db/database';
import type { KujiraDB } from '../../../src/db/schema';
import SyncPage from '../../../src/features/sync/sync-page';
import { stopSync } from '../../../src/features/sync/sync-service';
import { SyncSummary } from '../../../src/features/sync/sync-summary';
import { BackupPanel } from '../../../src/features/backup/backup-panel';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import { createTestDb } from '../../db/helpers';

let db: KujiraDB;
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await stopSync();
  cleanup();
  setDb(null);
  db?.close();
  window.history.replaceState(null, '', '/');
});

function renderPage(lang: 'en' | 'ja' = 'en') {
  db = createTestDb(`sync-page-${Math.random()}`);
  setDb(db);
  return render(
    <I18nextProvider i18n={initI18n(lang)}>
      <SyncPage />
      <SyncSummary />
    </I18nextProvider>,
  );
}

describe('the sync page', () => {
  it('speaks Japanese: サーバー, ユーザー名, パスワード, 同期を開始', () => {
    renderPage('ja');
    expect(screen.getByRole('heading', { level: 1, name: '同期' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'サーバー' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'ユーザー名' })).toBeTruthy();
    expect(screen.getByLabelText('パスワード')).toHaveProperty('type', 'password');
    expect(screen.getByRole('button', { name: '同期を開始' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('同期はオフです。');
    // Who gives the address, and how (issue 26: "The address of your CouchDB database" told a newcomer nothing).
    expect(screen.getByText(/^チームのサーバーにあるあなた専用/)).toBeTruthy();
    expect(screen.getByText('アドレスはどこで分かりますか？')).toBeTruthy();
    expect(screen.getByText(/npm run team -- invite/)).toBeTruthy();
  });

  it('takes the server from a link, and says what is missing before trying', async () => {
    window.history.replaceState(null, '', `/settings/sync?server=${encodeURIComponent('https://couch.example.org/kujira-alice')}`);
    renderPage();
    expect((screen.getByRole('textbox', { name: 'Server' }) as HTMLInputElement).value).toBe('https://couch.example.org/kujira-alice');
    await userEvent.click(screen.getByRole('button', { name: 'Start sync' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Fill in the server, the user name and the password.');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Server' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Server' }), 'couch.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Start sync' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Type the database address, starting with https:\/\//);
    // A server's root is a server, not a database: say so (issue 26: it was told to start with http://).
    await userEvent.clear(screen.getByRole('textbox', { name: 'Server' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Server' }), 'http://127.0.0.1:5991');
    await userEvent.click(screen.getByRole('button', { name: 'Start sync' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This is the server's address, without your database: /);
    // http:// to another computer: refused, with why (issue 22).
    await userEvent.clear(screen.getByRole('textbox', { name: 'Server' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Server' }), 'http://couch.example.org/kujira-alice');
    await userEvent.type(screen.getByRole('textbox', { name: 'User name' }), 'alice');
    await userEvent.type(screen.getByLabelText('Password'), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Start sync' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This address starts with http://: your password and progress would cross the network in clear text, readable on the way. Use https:// (http:// only for a server on this computer).',
    );
  });

  it('starts, reports synced, keeps the server and user name but not the password, and stops', async () => {
    renderPage();
    await userEvent.type(screen.getByRole('textbox', { name: 'Server' }), server.dbUrl);
    await userEvent.type(screen.getByRole('textbox', { name: 'User name' }), server.user.name);
    await userEvent.type(screen.getByLabelText('Password'), server.user.password);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Synced at /), { timeout: 20_000 });
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    const stored = JSON.stringify(await db.syncState.toArray());
    expect(stored).toContain(server.dbUrl);
    expect(stored).not.toContain(server.user.password);
    // While sync runs, Stop is the one action (issue 26: Start stayed beside it).
    expect(screen.queryByRole('button', { name: 'Start sync' })).toBeNull();
    // Settings and Backup no longer talk as if sync were off (issue 26).
    const elsewhere = render(
      <I18nextProvider i18n={initI18n('en')}>
        <DecksProvider decks={[]}>
          <SyncSummary />
          <BackupPanel />
        </DecksProvider>
      </I18nextProvider>,
    );
    expect(await within(elsewhere.container).findByRole('link', { name: 'Sync settings' })).toBeTruthy();
    expect(await within(elsewhere.container).findByText(`Your progress is kept in this browser and synced with ${server.dbUrl}.`, { exact: false })).toBeTruthy();
    expect(within(elsewhere.container).queryByText(/stored only in this browser/)).toBeNull();
    elsewhere.unmount();
    await userEvent.click(screen.getByRole('button', { name: 'Stop sync' }));
    expect(await screen.findByRole('button', { name: 'Start sync' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Sync is off.'));
    expect(await db.syncState.get('config')).toMatchObject({ value: expect.stringContaining('"enabled":false') });
  }, 30_000);

  it("warns when this device's clock is more than 10 minutes off the server's Date header", async () => {
    renderPage();
    // The fields may hold the previous test's saved server and user (the service keeps its snapshot).
    await userEvent.clear(screen.getByRole('textbox', { name: 'Server' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Server' }), server.dbUrl);
    await userEvent.clear(screen.getByRole('textbox', { name: 'User name' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'User name' }), server.user.name);
    await userEvent.type(screen.getByLabelText('Password'), server.user.password);
    // Only Date is faked: this device's clock runs 47 minutes ahead; timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 47 * 60_000);
    try {
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Synced at /), { timeout: 20_000 });
      expect(screen.getByRole('alert').textContent).toMatch(/^This device's clock is 4[67] minutes ahead of the server's\. /);
    } finally {
      vi.useRealTimers();
    }
  }, 30_000);

  it('a new attempt clears the last one\'s error: a refused password does not stay beside the next problem (issue 26)', async () => {
    renderPage();
    // The fields may hold the previous test's saved server and user (the service keeps its snapshot).
    await userEvent.clear(screen.getByRole('textbox', { name: 'Server' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Server' }), server.dbUrl);
    await userEvent.clear(screen.getByRole('textbox', { name: 'User name' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'User name' }), server.user.name);
    await userEvent.type(screen.getByLabelText('Password'), 'not-the-password');
    await userEvent.click(screen.getByRole('button', { name: 'Start sync' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The server refused this user name and password. Check them and start again.'), { timeout: 20_000 });
    await userEvent.clear(screen.getByRole('textbox', { name: 'Server' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Server' }), server.url);
    await userEvent.type(screen.getByLabelText('Password'), server.user.password);
    await userEvent.click(screen.getByRole('button', { name: 'Start sync' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This is the server's address, without your database: /);
    expect(screen.getByRole('status').textContent).toBe('Sync is off.');
  }, 30_000);
});
