// @vitest-environment jsdom
// The onboarding page: the welcome is skippable, a lesson is read then checked then passed (its
// cards going to today's review), a failed check shows what was missed, locks, resume, the
// welcome-again button and the completion page.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, setDb } from '../../../src/db/database';
import { getOnboardingProgress, getWelcomeSeen, saveResumePoint, setWelcomeSeen } from '../../../src/db/onboarding';
import { getTodayQueue } from '../../../src/db/queue';
import { getSettings, updateSettings } from '../../../src/db/settings';
import { installDecks } from '../../../src/db/install-decks';
import type { KujiraDB } from '../../../src/db/schema';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import type { Card, Deck } from '../../../src/domain/deck/types';
import { buildLessons } from '../../../src/domain/onboarding/lessons';
import OnboardingPage, { ShowWelcomeAgainButton } from '../../../src/features/onboarding/onboarding-page';
import { ClockProvider } from '../../../src/hooks/clock';
import { fixedClock, TEST_NOW } from '../../clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { readDeckFolder } from '../../../scripts/read-decks';

const docker = compileDeck(readDeckFolder('decks/docker')).deck as Deck;
const lessons = buildLessons(docker);
let db: KujiraDB;

beforeEach(async () => {
  db = createDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  setDb(db);
  await installDecks(db, [docker], TEST_NOW);
  await updateSettings(db, { timeZone: 'UTC' }, TEST_NOW);
});

afterEach(() => {
  cleanup();
  db.close();
  setDb(null);
});

function renderAt(path: string) {
  const location = memoryLocation({ path, record: true });
  render(
    <I18nextProvider i18n={initI18n('en')}>
      <ClockProvider clock={fixedClock()}>
        <DecksProvider decks={[docker]}>
          <Router hook={location.hook} searchHook={location.searchHook}>
            <Route path="/onboarding" nest component={OnboardingPage} />
          </Router>
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
  return location;
}

/** The right choice's text for a question, from the lesson's cards (what the learner read). */
function rightAnswer(prompt: string, cards: readonly Card[]): string {
  for (const c of cards) {
    if (c.kind === 'fact' && c.front.en === prompt) return c.back.en as string;
    if ((c.kind === 'command-meaning' || c.kind === 'option-meaning') && c.key === prompt) return c.description?.en ?? (c.back.en as string);
    if ((c.kind === 'meaning-command' || c.kind === 'meaning-option') && (c.description?.en ?? c.front.en) === prompt) return c.key;
  }
  throw new Error(`no card for ${prompt}`);
}

async function answerCheck(user: ReturnType<typeof userEvent.setup>, cards: readonly Card[], wrong: number[] = []) {
  for (let i = 0; ; i++) {
    const heading = await screen.findByRole('heading', { name: /^Question \d+ of (\d+)$/ });
    const total = Number(/of (\d+)/.exec(heading.textContent ?? '')?.[1]);
    const prompt = document.querySelector('.check-prompt')?.textContent ?? '';
    const right = rightAnswer(prompt, cards);
    const buttons = within(screen.getByRole('list', { name: 'Choices' })).getAllByRole('button');
    const index = buttons.findIndex((b) => b.textContent?.slice(1) === right);
    expect(index, prompt).toBeGreaterThanOrEqual(0);
    if (wrong.includes(i)) await user.click(buttons[(index + 1) % buttons.length] as HTMLElement);
    else await user.keyboard(String(index + 1));
    // Each answer is marked before the next question (issue 26): right, or wrong with the right answer.
    const feedback = await screen.findByText(wrong.includes(i) ? 'Not quite.' : 'Right!');
    if (wrong.includes(i)) expect(feedback.parentElement?.textContent).toBe(`Not quite. The right answer: ${right}`);
    const go = screen.getByRole('button', { name: i + 1 === total ? 'See the result' : 'Next question' });
    expect(document.activeElement).toBe(go);
    if (i + 1 === total) {
      await user.click(go);
      return;
    }
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: `Question ${i + 2} of ${total}` });
  }
}

describe('the welcome', () => {
  it('is skippable and goes straight into the first lesson; it does not come back', async () => {
    const user = userEvent.setup();
    const location = renderAt('/onboarding?deck=docker');
    expect(await screen.findByRole('heading', { name: 'Welcome to Kujira' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(await screen.findByRole('heading', { name: 'Lesson 1: Uses' })).toBeTruthy();
    expect(location.history?.at(-1)).toBe('/onboarding/docker/uses');
    expect(await getWelcomeSeen(db)).toBe(true);
    cleanup();
    renderAt('/onboarding?deck=docker');
    expect(await screen.findByRole('heading', { name: 'Learning path: Docker' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull();
  });

  it('sets the language and the daily goal on the way, with a Skip button on each of its three screens', async () => {
    const user = userEvent.setup();
    renderAt('/onboarding?deck=docker');
    await screen.findByRole('heading', { name: 'Welcome to Kujira' });
    await user.click(screen.getByRole('radio', { name: '日本語' }));
    expect(await screen.findByRole('heading', { name: 'Kujira へようこそ' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'スキップ' })).toBeTruthy();
    await waitFor(async () => expect((await getSettings(db)).language).toBe('ja'));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Welcome to Kujira' });
    await waitFor(async () => expect((await getSettings(db)).language).toBe('en'));
    expect(screen.getByRole('button', { name: 'Skip' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('figure', { name: /The daily review/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skip' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const goal = await screen.findByRole('spinbutton', { name: 'New cards per day' });
    expect(screen.getByRole('button', { name: 'Skip' })).toBeTruthy();
    await user.clear(goal);
    await user.type(goal, '12');
    await user.click(screen.getByRole('button', { name: 'Start the first lesson' }));
    expect(await screen.findByRole('heading', { name: 'Lesson 1: Uses' })).toBeTruthy();
    await waitFor(async () => expect((await getSettings(db)).newPerDay).toBe(12));
  });

  it('comes back after "Show the welcome again"', async () => {
    const user = userEvent.setup();
    await setWelcomeSeen(db, true, TEST_NOW);
    render(
      <I18nextProvider i18n={initI18n('en')}>
        <ShowWelcomeAgainButton />
      </I18nextProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Show the welcome again' }));
    await waitFor(async () => expect(await getWelcomeSeen(db)).toBe(false));
    expect(await screen.findByText('The welcome will show the next time you open Learn.')).toBeTruthy();
  });
});

describe('a lesson', () => {
  beforeEach(async () => {
    await setWelcomeSeen(db, true, TEST_NOW);
  });

  it('introduces its cards one by one, then the check, then a pass hands the cards to today\'s review', async () => {
    const user = userEvent.setup();
    const uses = lessons[0]!;
    renderAt('/onboarding/docker/uses');
    await screen.findByRole('heading', { name: 'Lesson 1: Uses' });
    const overall = screen.getByRole('progressbar', { name: 'Overall progress' });
    expect(overall.getAttribute('value')).toBe('0');
    for (let i = 0; i < uses.items.length; i++) {
      const region = await screen.findByRole('region', { name: `Card ${i + 1} of ${uses.items.length}` });
      expect(region.textContent).toContain(uses.items[i]!.intro.front.en);
      expect(region.textContent).toContain(uses.items[i]!.intro.back.en);
      await waitFor(async () => expect((await getOnboardingProgress(db, 'docker')).cardIndex).toBe(i));
      await user.click(screen.getByRole('button', { name: i + 1 < uses.items.length ? 'Next' : 'Start the check' }));
    }
    // Half-way through the lesson the overall bar still says what its words say: 0 of 9 (issue 26).
    expect(screen.getByText(`0 of ${lessons.length} lessons complete`)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('value')).toBe('0');
    await answerCheck(user, uses.cards);
    expect(await screen.findByRole('heading', { name: 'Lesson complete' })).toBeTruthy();
    expect(screen.getByText(`1 of ${lessons.length} lessons complete`)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('value')).toBe(String(Math.round(100 / lessons.length)));
    expect(await screen.findByText(/4 cards added to today's review/)).toBeTruthy();
    const progress = await getOnboardingProgress(db, 'docker');
    expect(progress.completed).toEqual(['uses']);
    expect(progress.currentLessonId).toBe('advantages');
    const queue = await getTodayQueue(db, TEST_NOW + 10 * 60_000 + 1000, undefined, { deckId: 'docker' });
    expect(queue.items.filter((i) => i.state === 'learning').map((i) => i.cardId).sort()).toEqual(uses.cards.map((c) => c.id).sort());
    expect(screen.getByRole('link', { name: 'Next lesson' }).getAttribute('href')).toBe('/onboarding/docker/advantages');
  });

  it('shows what was missed on a fail and offers Retry and re-reading', async () => {
    const user = userEvent.setup();
    const system = lessons[3]!;
    await act(() => saveResumePoint(db, 'docker', 'system', 6, TEST_NOW));
    renderAt('/onboarding/docker/system?');
    await screen.findByRole('heading', { name: 'Lesson 4: Working on a Linux OS / System' });
    expect(screen.getByRole('alert').textContent).toMatch(/locked/);
    await user.click(screen.getByRole('link', { name: 'Back to the path' }));
    await user.click(await screen.findByRole('checkbox', { name: /Unlock all lessons/ }));
    await waitFor(async () => expect((await getOnboardingProgress(db, 'docker')).unlockAll).toBe(true));
    // The link shows once the path's live query has the unlock (later than the write on a loaded machine).
    await user.click(await screen.findByRole('link', { name: 'Lesson 4: Working on a Linux OS / System' }));
    expect(await screen.findByRole('region', { name: 'Card 7 of 7' })).toBeTruthy();
    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByRole('region', { name: 'Card 6 of 7' })).toBeTruthy();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await answerCheck(user, system.cards, [0, 1]);
    expect(await screen.findByRole('heading', { name: 'Not passed yet' })).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(screen.getByRole('columnheader', { name: 'Right answer' })).toBeTruthy();
    expect((await getOnboardingProgress(db, 'docker')).completed).toEqual([]);
    expect(await db.reviewLog.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Retry the check' }));
    expect(await screen.findByRole('heading', { name: /^Question 1 of 5$/ })).toBeTruthy();
  });

  it('marks locked lessons with the app\'s own lock icon, not an emoji (issue 26)', async () => {
    renderAt('/onboarding?deck=docker');
    const list = await screen.findByRole('list', { name: /lessons/i });
    const locked = [...list.querySelectorAll('[data-status="locked"]')];
    expect(locked.length).toBeGreaterThan(0);
    for (const item of locked) {
      expect(item.querySelector('svg.lock-icon[aria-hidden="true"]')).not.toBeNull();
      expect(item.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    }
  });

  it('resumes where it was left', async () => {
    await saveResumePoint(db, 'docker', 'uses', 2, TEST_NOW);
    const user = userEvent.setup();
    renderAt('/onboarding?deck=docker');
    await user.click(await screen.findByRole('link', { name: 'Continue' }));
    expect(await screen.findByRole('region', { name: 'Card 3 of 4' })).toBeTruthy();
  });
});

describe('completion', () => {
  it('shows the summary and a printable completion page once every lesson is complete', async () => {
    await setWelcomeSeen(db, true, TEST_NOW);
    const now = Date.parse('2026-03-02T10:00:00Z');
    await db.onboarding.put({
      deckId: 'docker',
      completed: lessons.map((l) => l.id),
      currentLessonId: null,
      updatedAt: now,
      results: Object.fromEntries(lessons.map((l) => [l.id, { lessonId: l.id, score: 4, total: 5, durationMs: 120_000, completedAt: now, attempts: 1 }])),
      cardIndex: 0,
      unlockAll: false,
      startedAt: now - 86_400_000,
    } as never);
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup();
    renderAt('/onboarding?deck=docker');
    expect(await screen.findByRole('heading', { name: 'Path complete' })).toBeTruthy();
    expect(screen.getByText('18 minutes')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Open the completion page' }));
    expect(await screen.findByRole('heading', { name: 'Certificate of completion' })).toBeTruthy();
    expect(screen.getAllByText('2 March 2026').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
