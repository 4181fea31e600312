// @vitest-environment jsdom
// The team page against a fake-indexeddb database and a team database on the dev server: a member
// joins by link, the lead's deck arrives through the stored-deck path (and an update of it keeps
// the card history), the assignment shows with progress, sharing is off until turned on and then
// writes a summary; the lead sees that member on the dashboard; leaving keeps the deck.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setDb } from '../../../src/db/database';
import type { KujiraDB } from '../../../src/db/schema';
import { ClockProvider } from '../../../src/hooks/clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import TeamPage from '../../../src/features/team/team-page';
import { initI18n } from '../../../src/i18n/setup';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import { createTeamDatabase } from '../../../scripts/team-setup';
import { CouchClient } from '../../../src/sync/couch-client';
import { nextDeckDoc, makeAssignment } from '../../../src/domain/team/documents';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { buildLessons } from '../../../src/domain/onboarding/lessons';
import { createTestDb } from '../../db/helpers';
import { fixedClock } from '../../clock';
import { TEAM_EN, TEAM_EN_V2 } from '../../fixtures/team-memo';

const LEAD = { name: 'lead', password: 'lead-pass' };
/** The app's id of the team's deck `team-tools` in the database kujira-team-page. */
const TEAM_DECK = 'team:kujira-team-page:team-tools';
const ANA = { name: 'ana', password: 'ana-pass' };
let server: SyncServer;
let dbUrl: string;
let db: KujiraDB;
const clock = fixedClock(Date.UTC(2026, 10, 10, 12, 0, 0));
const files = (text: string) => [{ path: 'team-tools.en.md', text, role: 'memo' as const, lang: 'en' as const }];

beforeAll(async () => {
  server = await startSyncServer({ port: 0 });
  dbUrl = await createTeamDatabase(server.url, server.admin, { name: 'page', lead: LEAD, members: [ANA] });
  const lead = new CouchClient(dbUrl, fetch);
  await lead.login(LEAD.name, LEAD.password);
  const deck = compileDeck({ id: 'team-tools', files: files(TEAM_EN) }).deck!;
  await lead.putDoc(nextDeckDoc([], 'team-tools', files(TEAM_EN), 'lead', clock.now()));
  await lead.putDoc(makeAssignment({ id: 'deploy', deck, lessonCount: buildLessons(deck).length, fromLesson: 1, toLesson: 1, dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'lead', now: clock.now() }));
}, 60_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

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

async function join(who: { name: string; password: string }) {
  window.history.replaceState(null, '', `/team/join?db=${encodeURIComponent(dbUrl)}`);
  renderPage();
  expect((await screen.findByRole('textbox', { name: 'Team database' }) as HTMLInputElement).value).toBe(dbUrl);
  await userEvent.type(screen.getByRole('textbox', { name: 'User name' }), who.name);
  await userEvent.type(screen.getByLabelText('Password'), who.password);
  await userEvent.click(screen.getByRole('button', { name: 'Join' }));
  await waitFor(() => expect(screen.getByRole('status', { name: '' }).textContent).toMatch(/^Team as of /), { timeout: 20_000 });
}

describe('the team page', () => {
  it('speaks Japanese', async () => {
    db = createTestDb(`team-ja-${Math.random()}`);
    setDb(db);
    renderPage('ja');
    expect(await screen.findByRole('heading', { level: 2, name: 'チームに参加' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'チームのデータベース' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '参加する' })).toBeTruthy();
    // http:// to another computer: refused with the reason, in Japanese (issue 22).
    await userEvent.type(screen.getByRole('textbox', { name: 'チームのデータベース' }), 'http://couch.example.org/kujira-team-x');
    await userEvent.click(screen.getByRole('button', { name: '参加する' }));
    expect(await screen.findByText(/^このアドレスは http:\/\/ で始まります。/)).toBeTruthy();
    setDb(null);
    db.close();
  });

  it('member: joins by link, gets the deck, sees the assignment, shares only when asked, leaves keeping the deck', async () => {
    db = createTestDb(`team-member-${Math.random()}`);
    setDb(db);
    await join(ANA);
    expect(screen.getByText(/You are a member of this team\./)).toBeTruthy();
    // The team's deck is the team's own: its id names the team (never a built-in deck's id).
    expect(await db.storedDecks.get('team-tools')).toBeUndefined();
    const stored = await db.storedDecks.get(TEAM_DECK);
    expect(stored?.files[0]?.text).toBe(TEAM_EN);
    expect(await db.syncState.get('team:config')).toMatchObject({ value: expect.not.stringContaining(ANA.password) });
    const assignments = screen.getByRole('region', { name: 'Assignments' });
    expect(within(assignments).getByText('Lessons 1–1 of team-tools')).toBeTruthy();
    // The due day in the same words as the other dates on the page (issue 26).
    expect(within(assignments).getByText(/^Due Dec 15, 2026 · retention target 90 %$/)).toBeTruthy();

    // Sharing is off: nothing of ana's on the server.
    const sw = screen.getByRole('switch', { name: 'Share my progress with the team lead' });
    expect((sw as HTMLInputElement).checked).toBe(false);
    const admin = new CouchClient(dbUrl, fetch);
    await admin.login(server.admin.name, server.admin.password);
    expect(await admin.allDocs({ prefix: 'summary:' })).toEqual([]);
    await userEvent.click(sw);
    await waitFor(async () => expect((await admin.allDocs({ prefix: 'summary:ana:' })).length).toBe(1), { timeout: 20_000 });

    // The lead publishes version 2; a refresh updates the stored deck (same path as a hand update).
    const lead = new CouchClient(dbUrl, fetch);
    await lead.login(LEAD.name, LEAD.password);
    const v1 = (await lead.allDocs<never>({ prefix: 'deck:', includeDocs: true })).map((r) => r.doc!);
    await lead.putDoc(nextDeckDoc(v1, 'team-tools', files(TEAM_EN_V2), 'lead', clock.now() + 1000));
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(async () => expect((await db.storedDecks.get(TEAM_DECK))?.files[0]?.text).toBe(TEAM_EN_V2), { timeout: 20_000 });
    expect(await db.cardRemaps.where('deckId').equals(TEAM_DECK).count()).toBeGreaterThan(0);

    // Another device of ana's holds more of her history: its summary stays, and this page says why
    // nothing was sent from here (issue 26: a fresh browser replaced "2/2 lessons" by "0/2").
    // Read and written again if the page's own refresh wrote in between (a 409 conflict).
    const [mine] = await admin.allDocs<{ _id: string; events?: number }>({ prefix: 'summary:ana:' });
    await waitFor(async () => {
      const [now] = await admin.allDocs<{ _id: string; events?: number }>({ prefix: 'summary:ana:', includeDocs: true });
      await admin.putDoc({ ...now!.doc!, _rev: now!.rev, events: 1_000_000 });
    }, { timeout: 20_000 });
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByRole('status', { name: '' }).textContent).toContain('Your progress was not sent from this device: the lead already has a summary from a device that holds more of your history.'), { timeout: 20_000 });
    expect((await admin.getDoc<{ events: number }>(mine!.id))?.events).toBe(1_000_000);

    await userEvent.click(screen.getByRole('button', { name: 'Leave team' }));
    expect(await screen.findByRole('heading', { name: 'Join a team' })).toBeTruthy();
    expect(await db.syncState.get('team:config')).toBeUndefined();
    expect(await db.storedDecks.get(TEAM_DECK)).toBeTruthy();
    setDb(null);
    db.close();
  }, 60_000);

  it('lead: sees the dashboard with the member who shares, and the forms', async () => {
    db = createTestDb(`team-lead-${Math.random()}`);
    setDb(db);
    await join(LEAD);
    expect(screen.getByText(/You are the team lead\./)).toBeTruthy();
    // The lead's page speaks to the lead: no "your team lead publishes", no switch to share with oneself (issue 26).
    expect(screen.getByText(/^Publish your team's decks and assignments here/)).toBeTruthy();
    expect(screen.queryByText(/^Your team lead publishes/)).toBeNull();
    expect(screen.queryByRole('switch', { name: 'Share my progress with the team lead' })).toBeNull();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'ana' })).toBeTruthy();
    // Each value carries its column's name: on a phone the table is one card per member (issue 26).
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    const cells = [...within(table).getByRole('rowheader', { name: 'ana' }).closest('tr')!.querySelectorAll('td')];
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(headers.slice(1));
    expect(within(table).getByText('Not yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create assignment' })).toBeTruthy();
    // The lesson numbers come with their titles (issue 26: bare numbers meant nothing).
    expect(screen.getByTestId('team-assign-lessons').textContent).toMatch(/^Lessons: 1\. \S/);

    // A memo with an error: FILE:LINE shown, nothing published.
    const bad = new File(['# T\n\n## A\n|Command|Meaning|\n|:--|:--|\n|`a`|x|\n|`a`|y|\n'], 'bad.en.md', { type: 'text/markdown' });
    await userEvent.upload(screen.getByLabelText('Markdown files'), bad);
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.en.md:7: repeated command `a`: it is already at line 6');
    const admin = new CouchClient(dbUrl, fetch);
    await admin.login(server.admin.name, server.admin.password);
    expect((await admin.allDocs({ prefix: 'deck:' })).map((r) => r.id)).toEqual(['deck:team-tools:000001', 'deck:team-tools:000002']);

    // A memo titled like a built-in deck: the form says, before publishing, that it goes beside it.
    const docker = new File(['# Docker\n\n## Ours\n\n| Command | Description |\n| --- | --- |\n| `docker login reg` | Signs in to our registry |\n'], 'docker.en.md', { type: 'text/markdown' });
    await userEvent.upload(screen.getByLabelText('Markdown files'), docker);
    expect((await screen.findByTestId('team-publish-beside')).textContent).toBe(
      'Members keep the built-in deck “docker” with all its cards and reviews; this one arrives beside it as the team\'s own deck (team:kujira-team-page:docker). It does not replace the built-in deck.',
    );

    // A member whose newest summary is unreadable stays on the dashboard, marked (issue 22).
    await admin.putDoc({ _id: 'summary:zed:2026-11-10', type: 'summary', member: 'zed' });
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    const row = await screen.findByRole('row', { name: /zed/ }, { timeout: 20_000 });
    expect(within(row).getByText('Summary unreadable')).toBeTruthy();
    expect(within(screen.getByRole('table')).getByRole('rowheader', { name: 'ana' })).toBeTruthy();
    setDb(null);
    db.close();
  }, 60_000);
});
