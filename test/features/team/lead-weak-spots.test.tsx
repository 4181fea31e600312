// @vitest-environment jsdom
// The lead's weak spots as the page says them, in English and Japanese (issue 26): a command's
// two cards are one row, and a figure that means something: "forgotten 1.5 times per learner",
// "never forgotten", "1 learner", never "0.0 lapses per learner". The page shows the last pulled
// dashboard (the server is unreachable here), as it does offline.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setDb } from '../../../src/db/database';
import { teamRepository } from '../../../src/db/team-store';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { buildLessons } from '../../../src/domain/onboarding/lessons';
import { newCardState } from '../../../src/domain/scheduler/scheduler';
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

afterEach(() => {
  cleanup();
  setDb(null);
});

/** A lead's device holding a pulled dashboard: two members; both directions of the first command forgotten. */
async function leadWithDashboard() {
  const dbUrl = `http://127.0.0.1:${await freePort()}/kujira-team-weak`;
  setDb(createTestDb(`team-weak-${Math.random()}`));
  const content = localTeamContent({ decks: [nextDeckDoc([], 'team-tools', FILES, 'lead', clock.now() - D)], assignments: [] }, 'kujira-team-weak');
  const deck = compileDeck({ id: content.decks[0]!.deckId, files: FILES }).deck!;
  const commands = deck.cards.filter((c) => c.kind !== 'fact');
  const fact = deck.cards.find((c) => c.kind === 'fact')!;
  const first = commands.filter((c) => c.key === commands[0]!.key);
  const state = (cardId: string, lapses: number) => ({ ...newCardState(), cardId, state: 'review' as const, stability: 10, lastReview: clock.now() - 10 * D, due: clock.now() + D, lapses, suspended: false, retired: false });
  const member = (name: string, lapses: (id: string) => number) =>
    summarize({ member: name, now: clock.now(), day: { timeZone: 'UTC', startHour: 4 }, decks: [{ deck, lessonsPassed: buildLessons(deck).map((l) => l.id) }], states: [...commands, fact].map((c) => state(c.id, lapses(c.id))), log: [], events: commands.length });
  const summaries = [member('ana', (id) => (id === first[0]!.id ? 1 : id === first[1]!.id ? 1 : 0)), member('bo', (id) => (id === first[0]!.id ? 1 : 0))];
  await teamRepository.saveConfig({ dbUrl, user: 'lead', lead: true, sharing: false, lastSummaryDay: null });
  await teamRepository.saveContent({ decks: content.decks, assignments: [makeAssignment({ id: 'a', deck, lessonCount: buildLessons(deck).length, fromLesson: 1, toLesson: 1, dueDay: '2026-12-15', retentionTarget: 0.9, createdBy: 'lead', now: clock.now() - D })], pulledAt: clock.now() - 3_600_000 });
  await teamRepository.saveDashboard({ summaries, pulledAt: clock.now() - 3_600_000 });
  return { deck, key: commands[0]!.key, fact };
}

function renderPage(lang: 'en' | 'ja', deck: Parameters<typeof DecksProvider>[0]['decks'][number]) {
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

describe('the lead\'s weak spots', () => {
  it('in English: one row per command, forgotten so many times per learner, or "never forgotten"', async () => {
    const { deck, key } = await leadWithDashboard();
    renderPage('en', deck);
    const region = await screen.findByRole('region', { name: 'Weak spots' }, { timeout: 20_000 });
    await waitFor(() => expect(within(region).getAllByRole('listitem').length).toBeGreaterThan(1), { timeout: 20_000 });
    const rows = within(region).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(rows.filter((r) => r.startsWith(`${key} `))).toHaveLength(1);
    // ana forgot both directions once, bo one: 3 lapses over 2 learners.
    expect(rows[0]).toMatch(new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} forgotten 1\\.5 times per learner · recall 90\u00a0% · 2 learners memo line team-tools\\.en\\.md:\\d+$`));
    expect(rows.slice(1).every((r) => / never forgotten · recall 90\u00a0% · 2 learners /.test(r))).toBe(true);
    expect(rows.join('\n')).not.toMatch(/0\.0|lapses per learner/);
    // The dashboard names the assignment's deck by its title, not by its id (team:kujira-team-weak:team-tools).
    expect(screen.getByRole('columnheader', { name: 'Lessons 1–1 of Team tools' })).toBeTruthy();
  }, 30_000);

  it('in Japanese', async () => {
    const { deck, key } = await leadWithDashboard();
    renderPage('ja', deck);
    // An English deck's fact in the Japanese UI: its cue framed in Japanese, as the card browser shows it.
    const region0 = await screen.findByRole('region', { name: '弱点' }, { timeout: 20_000 });
    await waitFor(() => expect(within(region0).getAllByRole('link').some((a) => (a.textContent ?? '').startsWith('「Deploy」: メモのこの一文を完成させてください。'))).toBe(true), { timeout: 20_000 });
    const region = await screen.findByRole('region', { name: '弱点' }, { timeout: 20_000 });
    await waitFor(() => expect(within(region).getAllByRole('listitem').length).toBeGreaterThan(1), { timeout: 20_000 });
    const rows = within(region).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(rows.filter((r) => r.startsWith(`${key} `))).toHaveLength(1);
    expect(rows[0]).toContain(' 1 人あたり 1.5 回忘れた · 想起率 90\u00a0% · 2 人が学習 ');
    expect(rows.slice(1).every((r) => r.includes(' まだ誰も忘れていない · 想起率 90\u00a0% · 2 人が学習 '))).toBe(true);
    expect(screen.getByRole('columnheader', { name: 'Team tools のレッスン 1–1' })).toBeTruthy();
  }, 30_000);
});
