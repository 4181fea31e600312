// @vitest-environment jsdom
// The review screen with a real (in-memory) IndexedDB: show, rate, undo, keyboard, the interval
// on each button, corrections set apart, and hostile card text rendered as text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { setDb } from '../../../src/db/database';
import { installDecks } from '../../../src/db/install-decks';
import type { KujiraDB } from '../../../src/db/schema';
import { ClockProvider } from '../../../src/hooks/clock';
import { fixedClock, TEST_NOW, type TestClock } from '../../clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import ReviewPage from '../../../src/features/review/review-page';
import type { Deck } from '../../../src/domain/deck/types';
import { createCard, createDeck } from '../../factories';
import { createTestDb } from '../../db/helpers';

const i18n = initI18n('en');
let db: KujiraDB;
let clock: TestClock;

function renderReview(deck: Deck) {
  clock = fixedClock();
  return render(
    <I18nextProvider i18n={i18n}>
      <ClockProvider clock={clock}>
        <DecksProvider decks={[deck]}>
          <ReviewPage />
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
}

async function setUp(deck: Deck) {
  db = createTestDb(`review-${Math.random()}`);
  setDb(db);
  await installDecks(db, [deck], TEST_NOW);
  renderReview(deck);
  // The first render opens the database and loads the scheduler: room for a loaded machine.
  await screen.findByRole('button', { name: 'Show answer' }, { timeout: 10_000 });
}

const logSize = () => db.reviewLog.count();
const question = () => document.querySelector('.card-front')?.textContent ?? '';

beforeEach(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  db?.close();
  setDb(null);
});

describe('review screen', () => {
  it('shows the answer, rates with the buttons that show their interval, and undoes', async () => {
    const user = userEvent.setup();
    await setUp(createDeck({ commands: 3, sectionCount: 1 }));
    const first = question();
    expect(first).toBe('cmd-0');
    expect(screen.queryByRole('group', { name: 'Answer' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(screen.getByRole('group', { name: 'Answer' }).textContent).toBe('What cmd-0 does');
    const ratings = within(screen.getByRole('group', { name: 'How well did you remember?' })).getAllByRole('button');
    expect(ratings.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Again, next in 1 minute',
      'Hard, next in 6 minutes',
      'Good, next in 10 minutes',
      expect.stringMatching(/^Easy, next in \d+ days?$/),
    ]);

    await user.click(screen.getByRole('button', { name: /^Good/ }));
    // The rating is on disk by the time the next card shows.
    await waitFor(() => expect(question()).not.toBe(first));
    expect(await logSize()).toBe(1);
    // A rating is not an undo: the status line says nothing (issue 26).
    expect(screen.getByRole('status').textContent).toBe('');
    const entry = (await db.reviewLog.toArray())[0]!;
    expect(entry.rating).toBe(3);

    await user.click(screen.getByRole('button', { name: /^Undo/ }));
    await waitFor(() => expect(question()).toBe(first));
    // Announced to a screen reader, and gone with the next rating.
    expect(screen.getByText('Rating taken back.').getAttribute('role')).toBe('status');
    expect(await logSize()).toBe(0);
    expect((await db.cardStates.get(entry.cardId))?.queue).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(screen.getByRole('button', { name: /^Good/ }));
    await waitFor(async () => expect(await logSize()).toBe(1));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
  });

  it('works from the keyboard: Space/Enter, 1 to 4, Ctrl+Z', async () => {
    const user = userEvent.setup();
    await setUp(createDeck({ commands: 3, sectionCount: 1 }));
    const first = question();
    await user.keyboard(' ');
    await screen.findByRole('group', { name: 'Answer' });
    await user.keyboard('4');
    await waitFor(() => expect(question()).not.toBe(first));
    clock.advance(5_000); // a few seconds on the next card: undo takes back the newest rating
    await user.keyboard('{Enter}');
    await screen.findByRole('group', { name: 'Answer' });
    await user.keyboard('1');
    await waitFor(async () => expect(await logSize()).toBe(2));
    expect((await db.reviewLog.toCollection().sortBy('reviewedAt')).map((e) => e.rating)).toEqual([4, 1]);

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await logSize()).toBe(1));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await logSize()).toBe(0));
    await waitFor(() => expect(question()).toBe(first));
  });

  it('a key pressed again while the rating is being written is not a second rating', async () => {
    const user = userEvent.setup();
    await setUp(createDeck({ commands: 3, sectionCount: 1 }));
    const first = question();
    await user.keyboard(' ');
    await screen.findByRole('group', { name: 'Answer' });
    // Nothing is re-rendered before the write (issue 27): the second press meets the same screen.
    await user.keyboard('33');
    await waitFor(() => expect(question()).not.toBe(first));
    expect(await logSize()).toBe(1);
    expect(screen.queryByRole('group', { name: 'Answer' })).toBeNull();
  });

  it('ignores rating keys before the answer is shown', async () => {
    const user = userEvent.setup();
    await setUp(createDeck({ commands: 2, sectionCount: 1 }));
    await user.keyboard('3');
    expect(await logSize()).toBe(0);
    expect(screen.getByRole('button', { name: 'Show answer' })).toBeTruthy();
  });

  it('sets the correction apart from the answer and shows the summary at the end', async () => {
    const user = userEvent.setup();
    const card = createCard({
      key: 'docker container ls',
      correction: { en: 'Lists running containers; -a lists all.', ja: '実行中のコンテナを表示。-a で全て。' },
      note: { en: 'Also docker ps', ja: 'docker ps も同じ' },
    });
    await setUp(createDeck({ cards: [card], hash: 'one' }));
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    const correction = screen.getByRole('complementary', { name: "What Docker's reference says" });
    expect(correction.textContent).toContain('Lists running containers; -a lists all.');
    expect(screen.getByText('Also docker ps')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Easy/ }));
    expect(await screen.findByText('You reviewed 1 card')).toBeTruthy();
    expect(screen.getByText('Again rate: 0%')).toBeTruthy();
  });

  it('says nothing was taken back at the end of a session without an undo (issue 26)', async () => {
    const user = userEvent.setup();
    await setUp(createDeck({ cards: [createCard({ key: 'only' })], hash: 'only' }));
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(screen.getByRole('button', { name: /^Easy/ }));
    await screen.findByRole('heading', { name: 'Done for now' });
    expect(screen.queryByText('Rating taken back.')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('counts cards, not answers, at the end: a card answered twice is one card (issue 26)', async () => {
    const user = userEvent.setup();
    await setUp(createDeck({ cards: [createCard({ key: 'twice' })], hash: 'twice' }));
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(screen.getByRole('button', { name: /^Again/ }));
    // Again sends the new card back in a minute: a minute later it is due again.
    await waitFor(async () => expect(await logSize()).toBe(1));
    clock.advance(2 * 60_000);
    await user.click(await screen.findByRole('button', { name: 'Show answer' }, { timeout: 5_000 }));
    await user.click(screen.getByRole('button', { name: /^Easy/ }));
    await waitFor(async () => expect(await logSize()).toBe(2));
    expect(await screen.findByText('You reviewed 1 card')).toBeTruthy();
    expect(screen.getByText(/^2 answers in all/)).toBeTruthy();
  });

  it('renders hostile card text as text: no element from a deck reaches the DOM', async () => {
    const user = userEvent.setup();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const card = createCard({ key: 'evil', front: { en: hostile }, back: { en: `\`${hostile}\`` }, note: { en: hostile } });
    await setUp(createDeck({ cards: [card], hash: 'evil', languages: ['en'] }));
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(document.querySelector('main img, .card-view img, .card-view script')).toBeNull();
    expect(question()).toBe(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('reviewing chosen cards', () => {
  it('reviews exactly the cards named in ?cards=, due or not, once each', async () => {
    const { Router } = await import('wouter');
    const { memoryLocation } = await import('wouter/memory-location');
    const user = userEvent.setup();
    const deck = createDeck({ commands: 4, sectionCount: 1 });
    db = createTestDb(`review-chosen-${Math.random()}`);
    setDb(db);
    await installDecks(db, [deck], TEST_NOW);
    const chosen = [deck.cards[5]!.id, deck.cards[2]!.id];
    const location = memoryLocation({ path: `/review?cards=${chosen.join(',')}` });
    render(
      <I18nextProvider i18n={i18n}>
        <ClockProvider clock={fixedClock()}>
          <DecksProvider decks={[deck]}>
            <Router hook={location.hook} searchHook={location.searchHook}>
              <ReviewPage />
            </Router>
          </DecksProvider>
        </ClockProvider>
      </I18nextProvider>,
    );
    await screen.findByRole('button', { name: 'Show answer' });
    expect(question()).toBe(deck.cards[5]!.front.en!.replace(/`/g, ''));
    await user.keyboard(' ');
    await user.keyboard('3');
    await waitFor(() => expect(question()).toBe(deck.cards[2]!.front.en!.replace(/`/g, '')));
    await user.keyboard(' ');
    await user.keyboard('3');
    expect(await screen.findByText('You reviewed 2 cards')).toBeTruthy();
    expect((await db.reviewLog.toArray()).map((e) => e.cardId).sort()).toEqual([...chosen].sort());
  });
});
