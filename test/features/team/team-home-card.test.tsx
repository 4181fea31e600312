// @vitest-environment jsdom
// A member's assignments on Home: read from the last pulled team state on this device (offline),
// each with its due day and progress and a way to the team page; nothing without assignments.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDb } from '../../../src/db/database';
import type { KujiraDB } from '../../../src/db/schema';
import { teamRepository } from '../../../src/db/team-store';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { buildLessons } from '../../../src/domain/onboarding/lessons';
import { makeAssignment } from '../../../src/domain/team/documents';
import TeamHomeCard from '../../../src/features/team/team-home-card';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { createTestDb } from '../../db/helpers';
import { TEAM_EN } from '../../fixtures/team-memo';

const NOW = Date.parse('2026-12-01T09:00:00Z');
let db: KujiraDB;
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setDb(null);
  db?.close();
});

function renderCard() {
  const deck = compileDeck({ id: 'team-tools', files: [{ path: 'memo.en.md', text: TEAM_EN }] }).deck!;
  render(
    <I18nextProvider i18n={initI18n('en')}>
      <DecksProvider decks={[deck]}>
        <TeamHomeCard />
      </DecksProvider>
    </I18nextProvider>,
  );
  return deck;
}

describe('the team card on Home', () => {
  it('lists the assignments with their due day and progress, and links to the team page', async () => {
    db = createTestDb(`home-card-${Math.random()}`);
    setDb(db);
    const deck = compileDeck({ id: 'team-tools', files: [{ path: 'memo.en.md', text: TEAM_EN }] }).deck!;
    const assignment = makeAssignment({ id: 'a1', deck, lessonCount: buildLessons(deck).length, fromLesson: 1, toLesson: 1, dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'lead', now: NOW });
    await teamRepository.saveContent({ decks: [], assignments: [assignment], pulledAt: NOW });
    renderCard();
    expect(await screen.findByRole('heading', { name: 'Assignments' })).toBeTruthy();
    expect(screen.getByText(/Dec 15, 2026/)).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the team page' }).getAttribute('href')).toBe('/team');
  });

  it('shows nothing when the team has no assignment', async () => {
    db = createTestDb(`home-card-${Math.random()}`);
    setDb(db);
    await teamRepository.saveContent({ decks: [], assignments: [], pulledAt: NOW });
    const read = vi.spyOn(teamRepository, 'content');
    renderCard();
    // Wait for the card's own read of the pulled state to finish, not for a time: then it has decided.
    await waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    await act(async () => {
      expect((await read.mock.results[0]!.value)?.assignments).toEqual([]);
    });
    expect(screen.queryByRole('heading', { name: 'Assignments' })).toBeNull();
  });
});
