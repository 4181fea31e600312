// @vitest-environment jsdom
// The lead's dashboard of a large team (issue 27): 120 members are shown 50 at a time, with
// Previous / Next usable from the keyboard (the focus stays on the button at the last page), a
// find box, the range said in words ("51–100 of 120 members"), every row again while printing,
// in English and Japanese; a team of three has no pager. The page shows the last pulled
// dashboard (the server is unreachable here), as it does offline.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setDb } from '../../../src/db/database';
import { teamRepository } from '../../../src/db/team-store';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import type { Deck } from '../../../src/domain/deck/types';
import { buildLessons } from '../../../src/domain/onboarding/lessons';
import { localTeamContent, makeAssignment, nextDeckDoc } from '../../../src/domain/team/documents';
import { summarize } from '../../../src/domain/team/summarize';
import { ClockProvider } from '../../../src/hooks/clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import TeamPage from '../../../src/features/team/team-page';
import { initI18n } from '../../../src/i18n/setup';
import { freePort } from '../../e2e/preview-server';
import { createTestDb } from '../../db/helpers';
import { fixedClock } from '../../clock';
import { TEAM_EN } from '../../fixtures/team-memo';

const clock = fixedClock(Date.UTC(2026, 10, 10, 12, 0, 0));
const D = 86_400_000;
const FILES = [{ path: 'team-tools.en.md', text: TEAM_EN, role: 'memo' as const, lang: 'en' as const }];
const names = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(3, '0')}`);

afterEach(() => {
  cleanup();
  setDb(null);
});

/** A lead's device holding a pulled dashboard of `members` members who shared, none of them with a review. */
async function leadWithTeam(members: string[]): Promise<Deck> {
  const dbUrl = `http://127.0.0.1:${await freePort()}/kujira-team-big`;
  setDb(createTestDb(`team-pager-${Math.random()}`));
  const content = localTeamContent({ decks: [nextDeckDoc([], 'team-tools', FILES, 'lead', clock.now() - D)], assignments: [] }, 'kujira-team-big');
  const deck = compileDeck({ id: content.decks[0]!.deckId, files: FILES }).deck!;
  const summaries = members.map((member) => summarize({ member, now: clock.now(), day: { timeZone: 'UTC', startHour: 4 }, decks: [{ deck, lessonsPassed: [] }], states: [], log: [], events: 0 }));
  await teamRepository.saveConfig({ dbUrl, user: 'lead', lead: true, sharing: false, lastSummaryDay: null });
  await teamRepository.saveContent({ decks: content.decks, assignments: [makeAssignment({ id: 'a', deck, lessonCount: buildLessons(deck).length, fromLesson: 1, toLesson: 1, dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'lead', now: clock.now() - D })], pulledAt: clock.now() - 3_600_000 });
  await teamRepository.saveDashboard({ summaries, pulledAt: clock.now() - 3_600_000 });
  return deck;
}

function renderPage(lang: 'en' | 'ja', deck: Deck) {
  return render(
    <I18nextProvider i18n={initI18n(lang)}>
      <ClockProvider clock={clock}>
        <DecksProvider decks={[deck]}>
          <TeamPage />
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
}

/** The members named by the table's row headers, in order. */
const shownMembers = () => screen.getAllByRole('rowheader').map((th) => th.textContent);

describe('the dashboard of a large team', () => {
  it('shows 50 members a page, pages from the keyboard, finds a member, prints every row', async () => {
    const deck = await leadWithTeam(names(120));
    renderPage('en', deck);
    const pages = await screen.findByRole('navigation', { name: 'Pages of Dashboard' }, { timeout: 20_000 });
    await waitFor(() => expect(within(pages).getByText('1–50 of 120 members')).toBeTruthy(), { timeout: 20_000 });
    expect(shownMembers()).toEqual(names(50));

    const next = within(pages).getByRole('button', { name: 'Next page of Dashboard' });
    const previous = within(pages).getByRole('button', { name: 'Previous page of Dashboard' });
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(next);
    expect(within(pages).getByText('51–100 of 120 members')).toBeTruthy();
    expect(shownMembers()).toEqual(names(100).slice(50));

    // From the keyboard: Enter on the focused button; at the last page it stays focused and inert.
    next.focus();
    await userEvent.keyboard('{Enter}');
    expect(within(pages).getByText('101–120 of 120 members')).toBeTruthy();
    expect(shownMembers()).toEqual(names(120).slice(100));
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement).toBe(next);
    expect(within(pages).getByText('101–120 of 120 members')).toBeTruthy();
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(previous);
    await userEvent.keyboard('{Enter}');
    expect(within(pages).getByText('51–100 of 120 members')).toBeTruthy();

    // Printing shows every member; afterwards the page again.
    fireEvent(window, new Event('beforeprint'));
    expect(shownMembers()).toEqual(names(120));
    fireEvent(window, new Event('afterprint'));
    await waitFor(() => expect(shownMembers()).toEqual(names(100).slice(50)));

    // The find box: any part of the name, back to the first page.
    const find = screen.getByRole('searchbox', { name: 'Find a member (Dashboard)' });
    await userEvent.type(find, 'M11');
    expect(shownMembers()).toEqual(names(120).slice(110, 120));
    expect(within(pages).getByText('1–10 of 10 members')).toBeTruthy();
    await userEvent.clear(find);
    await userEvent.type(find, 'zz');
    expect(screen.queryAllByRole('rowheader')).toEqual([]);
    expect(within(pages).getByText('No member matches “zz”.')).toBeTruthy();
    await userEvent.clear(find);
    expect(shownMembers()).toEqual(names(50));
  }, 60_000);

  it('in Japanese', async () => {
    const deck = await leadWithTeam(names(51));
    renderPage('ja', deck);
    const pages = await screen.findByRole('navigation', { name: 'ダッシュボードのページ' }, { timeout: 20_000 });
    await waitFor(() => expect(within(pages).getByText('51 人中 1–50 人目')).toBeTruthy(), { timeout: 20_000 });
    await userEvent.click(within(pages).getByRole('button', { name: 'ダッシュボードの次のページ' }));
    expect(within(pages).getByText('51 人中 51–51 人目')).toBeTruthy();
    expect(shownMembers()).toEqual(['m050']);
    expect(within(pages).getByRole('button', { name: 'ダッシュボードの前のページ' })).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'メンバーを検索(ダッシュボード)' }), 'x');
    expect(within(pages).getByText('「x」に一致するメンバーはいません。')).toBeTruthy();
  }, 60_000);

  it('a team of three: every member, no pager', async () => {
    const deck = await leadWithTeam(names(3));
    renderPage('en', deck);
    await waitFor(() => expect(shownMembers()).toEqual(names(3)), { timeout: 20_000 });
    expect(screen.queryByRole('navigation', { name: 'Pages of Dashboard' })).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
  }, 30_000);
});
