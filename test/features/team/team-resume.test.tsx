// @vitest-environment jsdom
// The team page after a browser restart (issue 26): this device joined a team earlier, the page
// opens with no password in memory. With the server's session cookie still there it resumes as
// sync does; when the session has really ended it says so (not "No connection") and asks for the
// password with the address and user name filled in, never under "Signed in as ..."; "No
// connection" only when the server cannot be reached. A cookie jar stands in for the browser's.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDb } from '../../../src/db/database';
import { teamRepository, type TeamConfig } from '../../../src/db/team-store';
import { ClockProvider } from '../../../src/hooks/clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import TeamPage from '../../../src/features/team/team-page';
import { initI18n } from '../../../src/i18n/setup';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import { createTeamDatabase } from '../../../scripts/team-setup';
import { freePort } from '../../e2e/preview-server';
import { createTestDb } from '../../db/helpers';
import { fixedClock } from '../../clock';

const LEAD = { name: 'lead', password: 'lead-pass' };
const clock = fixedClock(Date.UTC(2026, 10, 10, 12, 0, 0));
const realFetch = globalThis.fetch;
let server: SyncServer;

/** The browser's cookies for the server: sent with every request, replaced by every Set-Cookie. */
function cookieJar() {
  let cookie: string | null = null;
  const jarFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await realFetch(input, { ...init, headers });
    for (const set of res.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const at = pair.indexOf('=');
      if (pair.slice(0, at) === 'AuthSession') cookie = pair.slice(at + 1) === '' ? null : pair;
    }
    return res;
  };
  return { fetch: jarFetch, has: () => cookie !== null };
}

beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setDb(null);
});

/** This device as a restart leaves it: the team saved, its last pulled state, no password anywhere. */
async function joinedEarlier(dbUrl: string) {
  setDb(createTestDb(`team-resume-${Math.random()}`));
  const config: TeamConfig = { dbUrl, user: LEAD.name, lead: true, sharing: false, lastSummaryDay: null };
  await teamRepository.saveConfig(config);
  await teamRepository.saveContent({ decks: [], assignments: [], pulledAt: clock.now() - 3_600_000 });
}

function renderPage(lang: 'en' | 'ja' = 'en') {
  return render(
    <I18nextProvider i18n={initI18n(lang)}>
      <ClockProvider clock={clock}>
        <DecksProvider decks={[]}>
          <TeamPage />
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
}

const teamStatus = (region = 'Team status') => within(screen.getByRole('region', { name: region })).getByRole('status');

describe('the team page after a browser restart', () => {
  it('resumes on the session cookie: no password asked', async () => {
    const dbUrl = await createTeamDatabase(server.url, server.admin, { name: 'resume-cookie', lead: LEAD, members: [] });
    await joinedEarlier(dbUrl);
    const jar = cookieJar();
    // The session the lead opened before the restart: the cookie is all the browser kept.
    await jar.fetch(`${server.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LEAD) });
    expect(jar.has()).toBe(true);
    vi.stubGlobal('fetch', jar.fetch);
    renderPage();
    await waitFor(() => expect(teamStatus().getAttribute('data-team-status')).toBe('done'), { timeout: 20_000 });
    expect(teamStatus().textContent).toMatch(/^Team as of /);
    expect(screen.getByText(`Signed in as lead to ${dbUrl}. You are the team lead.`)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Sign in again' })).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeTruthy();
  }, 60_000);

  it('when the session has ended: says so, asks only for the password, and goes on', async () => {
    const dbUrl = await createTeamDatabase(server.url, server.admin, { name: 'resume-ended', lead: LEAD, members: [] });
    await joinedEarlier(dbUrl);
    const jar = cookieJar();
    vi.stubGlobal('fetch', jar.fetch);
    renderPage();
    const form = await screen.findByRole('form', { name: 'Sign in again' }, { timeout: 20_000 });
    const status = teamStatus();
    expect(status.getAttribute('data-team-status')).toBe('error');
    expect(status.textContent).toMatch(/^Your session with the team server has ended: type your password below to sign in again\. Nothing on this device is lost\. Team as of /);
    expect(status.textContent).not.toMatch(/No connection/);
    // Not "Signed in as lead ... You are the team lead." above it (issue 26).
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(screen.queryByText(/You are the team lead/)).toBeNull();
    expect(screen.getByText(`Signed out of ${dbUrl} (user lead).`)).toBeTruthy();
    // The forms that would fail stay away until the lead is signed in again.
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect((within(form).getByRole('textbox', { name: 'Team database' }) as HTMLInputElement).value).toBe(dbUrl);
    expect((within(form).getByRole('textbox', { name: 'User name' }) as HTMLInputElement).value).toBe('lead');

    await userEvent.type(within(form).getByLabelText('Password'), LEAD.password);
    await userEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(teamStatus().getAttribute('data-team-status')).toBe('done'), { timeout: 20_000 });
    expect(screen.queryByRole('form', { name: 'Sign in again' })).toBeNull();
    expect(screen.getByText(`Signed in as lead to ${dbUrl}. You are the team lead.`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeTruthy();
    // The new session is the browser's cookie: the next restart resumes on it.
    expect(jar.has()).toBe(true);
  }, 60_000);

  it('says "No connection" when the server cannot be reached, and asks for no password', async () => {
    await joinedEarlier(`http://127.0.0.1:${await freePort()}/kujira-team-gone`);
    vi.stubGlobal('fetch', cookieJar().fetch);
    renderPage('ja');
    await waitFor(() => expect(teamStatus('チームの状態').getAttribute('data-team-status')).toBe('error'), { timeout: 20_000 });
    expect(teamStatus('チームの状態').textContent).toMatch(/^接続できません。.+ 時点のチームを表示しています。$/);
    expect(screen.queryByRole('form', { name: 'もう一度サインイン' })).toBeNull();
    expect(screen.queryByText(/セッションが切れました/)).toBeNull();
  }, 60_000);
});
