// @vitest-environment jsdom
// The lead's roster against a team made by the admin tool on the dev server: members from
// `_security` (a member who never shared is "not sharing", never missing), adding an existing
// user, refusing a malformed name, removing after a confirmation, copying the join link; and
// "Team" in the navigation and on Settings once this device is in a team.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import { Layout } from '../../../src/app/layout';
import { setDb } from '../../../src/db/database';
import type { KujiraDB } from '../../../src/db/schema';
import { teamRepository } from '../../../src/db/team-store';
import { RosterSection } from '../../../src/features/team/roster-section';
import { joinTeam } from '../../../src/features/team/team-service';
import { TeamSummary } from '../../../src/features/team/team-summary';
import { initI18n } from '../../../src/i18n/setup';
import { addLearner, addTeamMember, CouchAdmin, createTeam } from '../../../src/sync/couch-admin';
import { CouchClient } from '../../../src/sync/couch-client';
import { createTestDb } from '../../db/helpers';

let server: SyncServer;
let admin: CouchAdmin;
let dbUrl: string;
let db: KujiraDB;

beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
  admin = new CouchAdmin(server.url, fetch, server.admin);
  for (const name of ['lia', 'ana', 'ben']) await addLearner(admin, name, `${name}-pass`);
  dbUrl = `${server.url}/${(await createTeam(admin, 'roster', 'lia')).dbName}`;
  await addTeamMember(admin, 'roster', 'ana');
}, 60_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setDb(null);
  db?.close();
});

const members = async () => (await admin.client('kujira-team-roster').getDoc<{ members: { names: string[] } }>('_security'))!.members.names;

describe('the roster', () => {
  it('lists members, adds and removes one, copies the join link', async () => {
    db = createTestDb(`roster-${Math.random()}`);
    setDb(db);
    const config = await joinTeam(dbUrl, 'lia', 'lia-pass');
    expect(config.lead).toBe(true);
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const view = (version: number) => (
      <I18nextProvider i18n={initI18n('en')}>
        <RosterSection config={config} version={version} />
      </I18nextProvider>
    );
    const { rerender } = render(view(0));
    const region = await screen.findByRole('region', { name: 'Members' });
    const item = (name: string) => within(region).queryAllByRole('listitem').find((li) => li.textContent?.startsWith(name));
    await waitFor(() => expect(item('ana')?.textContent).toContain('not sharing'));
    expect(within(region).getByText('Team lead: lia')).toBeTruthy();

    // ana shares: after a refresh her last summary day shows.
    const ana = new CouchClient(dbUrl, fetch);
    ana.useBasicAuth('ana', 'ana-pass');
    await ana.putDoc({ _id: 'summary:ana:2026-12-06', type: 'summary', member: 'ana', day: '2026-12-06' });
    rerender(view(1));
    await waitFor(() => expect(item('ana')?.textContent).toContain('sharing · last summary Dec 6, 2026'));

    const input = within(region).getByRole('textbox', { name: 'Add a member by user name' });
    await userEvent.type(input, 'Ben Smith');
    await userEvent.click(within(region).getByRole('button', { name: 'Add member' }));
    expect(within(region).getByRole('alert').textContent).toMatch(/^A user name has lower-case letters/);
    expect(await members()).toEqual(['ana']);

    await userEvent.clear(input);
    await userEvent.type(input, 'ben');
    await userEvent.click(within(region).getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('ben was added. Send them the join link.'));
    await waitFor(() => expect(item('ben')?.textContent).toContain('not sharing'));
    expect(await members()).toEqual(['ana', 'ben']);

    await userEvent.click(within(region).getByRole('button', { name: 'Copy the join link for ben' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/team/join?db=${encodeURIComponent(dbUrl)}`);
    expect(within(region).getByRole('status').textContent).toBe('Join link copied: send it to ben.');
    expect((within(region).getByRole('textbox', { name: 'Join link for this team' }) as HTMLInputElement).value).toBe(writeText.mock.calls[0]![0]);

    // Remove asks first; Cancel keeps him.
    await userEvent.click(within(region).getByRole('button', { name: 'Remove ben from the team' }));
    const confirm = within(region).getByRole('group', { name: 'Remove ben from the team? Their shared summaries stay.' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await members()).toEqual(['ana', 'ben']);
    await userEvent.click(within(region).getByRole('button', { name: 'Remove ben from the team' }));
    await userEvent.click(within(region).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('ben was removed from the team.'));
    await waitFor(() => expect(item('ben')).toBeUndefined());
    expect(await members()).toEqual(['ana']);
  }, 60_000);

  it('speaks Japanese', async () => {
    db = createTestDb(`roster-ja-${Math.random()}`);
    setDb(db);
    const config = await joinTeam(dbUrl, 'lia', 'lia-pass');
    render(
      <I18nextProvider i18n={initI18n('ja')}>
        <RosterSection config={config} version={0} />
      </I18nextProvider>,
    );
    const region = await screen.findByRole('region', { name: 'メンバー' });
    await waitFor(() => expect(within(region).getByRole('button', { name: 'ana さんをチームから外す' })).toBeTruthy());
    expect(within(region).getByRole('button', { name: 'メンバーを追加' })).toBeTruthy();
  }, 30_000);
});

describe('a long roster (issue 27)', () => {
  it('shows 50 members a page with a find box, their days from the last pull: read after it, no summary id read again', async () => {
    const { dbName } = await createTeam(admin, 'big-roster', 'lia');
    const names = Array.from({ length: 120 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    await admin.client(dbName).putSecurity({ admins: { names: ['lia'], roles: [] }, members: { names, roles: [] } });
    db = createTestDb(`roster-big-${Math.random()}`);
    setDb(db);
    const config = await joinTeam(`${server.url}/${dbName}`, 'lia', 'lia-pass');
    const requests = vi.spyOn(globalThis, 'fetch');
    const view = (pulling: boolean) => (
      <I18nextProvider i18n={initI18n('en')}>
        <RosterSection config={config} version={1} days={{ m051: '2026-12-06' }} pulling={pulling} />
      </I18nextProvider>
    );
    // While the team's pull runs (it brings the days), the roster waits: nothing read beside it.
    const { rerender } = render(view(true));
    const region = await screen.findByRole('region', { name: 'Members' });
    expect(within(region).getByText('Reading the members…')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 200));
    expect(requests).not.toHaveBeenCalled();
    rerender(view(false));
    const pages = await within(region).findByRole('navigation', { name: 'Pages of Members' }, { timeout: 20_000 });
    const shown = () => within(region).getAllByRole('listitem').map((li) => li.querySelector('.team-roster-name')?.textContent);
    expect(within(pages).getByText('1–50 of 120 members')).toBeTruthy();
    expect(shown()).toEqual(names.slice(0, 50));
    await userEvent.click(within(pages).getByRole('button', { name: 'Next page of Members' }));
    expect(shown()).toEqual(names.slice(50, 100));
    expect(within(region).getAllByRole('listitem')[1]!.textContent).toContain('sharing · last summary Dec 6, 2026');
    expect(within(region).getByRole('button', { name: 'Remove m051 from the team' })).toBeTruthy();
    await userEvent.type(within(region).getByRole('searchbox', { name: 'Find a member (Members)' }), 'm11');
    expect(shown()).toEqual(names.slice(110, 120));
    expect(requests.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('_all_docs'))).toEqual([]);
  }, 60_000);
});

describe('Team in the navigation and on Settings', () => {
  it('appears once this device joins a team, and leaves with it', async () => {
    db = createTestDb(`nav-${Math.random()}`);
    setDb(db);
    const { hook } = memoryLocation({ path: '/settings' });
    render(
      <I18nextProvider i18n={initI18n('en')}>
        <Router hook={hook}>
          <Layout>
            <TeamSummary />
          </Layout>
        </Router>
      </I18nextProvider>,
    );
    const navs = screen.getAllByRole('navigation', { name: 'Main' });
    const teamLinks = () => navs.flatMap((n) => within(n).queryAllByRole('link', { name: 'Team' }));
    expect(await screen.findByRole('link', { name: 'Join a team' })).toBeTruthy();
    expect(teamLinks()).toEqual([]);

    await act(async () => {
      await teamRepository.saveConfig({ dbUrl, user: 'ana', lead: false, sharing: false, lastSummaryDay: null });
    });
    await waitFor(() => expect(teamLinks()).toHaveLength(2));
    expect(teamLinks()[0]!.getAttribute('href')).toBe('/team');
    expect(screen.getByRole('link', { name: 'Open the team page' })).toBeTruthy();

    await act(async () => {
      await teamRepository.leave();
    });
    await waitFor(() => expect(teamLinks()).toEqual([]));
  });
});
