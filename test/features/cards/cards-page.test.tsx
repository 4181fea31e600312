// @vitest-environment jsdom
// The card browser: search in either language, filters, paging, card info and suspension.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { setDb } from '../../../src/db/database';
import { getCardState } from '../../../src/db/cards';
import { rateCard } from '../../../src/db/reviews';
import type { KujiraDB } from '../../../src/db/schema';
import { installDecks } from '../../../src/db/install-decks';
import type { Deck } from '../../../src/domain/deck/types';
import CardsPage, { cardHref } from '../../../src/features/cards/cards-page';
import { ClockProvider } from '../../../src/hooks/clock';
import { fixedClock, TEST_NOW } from '../../clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { createTestDb } from '../../db/helpers';
import { createCard, createDeck, createSection } from '../../factories';

let db: KujiraDB;
const i18n = initI18n('en');

const sections = [
  createSection({ id: 'containers', order: 0, title: { en: 'Containers', ja: 'コンテナ' } }),
  createSection({ id: 'volumes', order: 1, title: { en: 'Volumes', ja: 'ボリューム' } }),
];
const runCard = createCard({
  key: 'docker run',
  sectionId: 'containers',
  order: 0,
  front: { en: '`docker run`', ja: '`docker run`' },
  back: { en: 'Start a new container from an image', ja: 'イメージから新しいコンテナを起動する' },
  note: { en: 'Add -d to detach', ja: '-d でバックグラウンド実行' },
});
const psCard = createCard({
  key: 'docker ps',
  sectionId: 'containers',
  order: 1,
  front: { en: '`docker ps`', ja: '`docker ps`' },
  back: { en: 'List running containers', ja: '実行中のコンテナを一覧表示する' },
});
const pruneCard = createCard({
  key: 'docker volume prune',
  sectionId: 'volumes',
  order: 2,
  front: { en: '`docker volume prune`', ja: '`docker volume prune`' },
  back: { en: 'Remove unused volumes', ja: '使われていないボリュームを削除する' },
});
const deck = createDeck({ sections, cards: [runCard, psCard, pruneCard], hash: 'h-small' });

beforeEach(async () => {
  initI18n('en');
  db = createTestDb();
  setDb(db);
});

afterEach(() => {
  cleanup();
  db.close();
  setDb(null);
});

async function renderCards(decks: Deck[], path = '/cards') {
  await installDecks(db, decks, 1_000);
  const location = memoryLocation({ path, record: true });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ClockProvider clock={fixedClock()}>
        <DecksProvider decks={decks}>
          <Router hook={location.hook}>
            {/* The one route the app shell mounts for both /cards and /cards/<cardId>. */}
            <Switch>
              <Route path="/cards/*?" component={CardsPage} />
            </Switch>
          </Router>
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
  return { ...view, location };
}

const results = (name = 'Matching cards') => within(screen.getByRole('list', { name }));
const count = () => screen.getByRole('status').textContent;

describe('CardsPage: search and filters', () => {
  it('lists every card with the count', async () => {
    await renderCards([deck]);
    expect(await screen.findByText('3 cards')).toBeTruthy();
    expect(results().getAllByRole('link')).toHaveLength(3);
  });

  it('finds a card by Japanese text and by English text', async () => {
    await renderCards([deck]);
    const user = userEvent.setup();
    const search = await screen.findByRole('searchbox', { name: 'Search cards' });
    await user.type(search, '一覧表示');
    await waitFor(() => expect(count()).toBe('1 card'));
    expect(results().getByRole('link', { name: /docker ps/ })).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'UNUSED volumes');
    await waitFor(() => expect(count()).toBe('1 card'));
    expect(results().getByRole('link', { name: /docker volume prune/ })).toBeTruthy();

    // The note and the key are searched too.
    await user.clear(search);
    await user.type(search, 'バックグラウンド');
    await waitFor(() => expect(count()).toBe('1 card'));
    expect(results().getByRole('link', { name: /docker run/ })).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'nothing like this');
    await waitFor(() => expect(count()).toBe('0 cards'));
    expect(screen.getByText(/No card matches/)).toBeTruthy();
  });

  it('filters by section, named in the UI language', async () => {
    await renderCards([deck]);
    const user = userEvent.setup();
    const section = await screen.findByRole('combobox', { name: 'Section' });
    await user.selectOptions(section, screen.getByRole('option', { name: 'Volumes' }));
    await waitFor(() => expect(count()).toBe('1 card'));
    expect(results().getByRole('link', { name: /docker volume prune/ })).toBeTruthy();
  });

  it('filters by state', async () => {
    await renderCards([deck]);
    const user = userEvent.setup();
    await rateCard(db, psCard.id, 3, TEST_NOW, 1_000);
    const state = await screen.findByRole('combobox', { name: 'State' });
    await user.selectOptions(state, 'learning');
    await waitFor(() => expect(count()).toBe('1 card'));
    expect(results().getByRole('link', { name: /docker ps/ })).toBeTruthy();
    await user.selectOptions(state, 'new');
    await waitFor(() => expect(count()).toBe('2 cards'));
    await user.selectOptions(state, 'review');
    await waitFor(() => expect(count()).toBe('0 cards'));
  });

  it('shows 50 cards at a time with "Show more"', async () => {
    const big = createDeck({ id: 'big', commands: 60, hash: 'h-big' }); // 120 cards
    await renderCards([big]);
    const user = userEvent.setup();
    expect(await screen.findByText('120 cards')).toBeTruthy();
    expect(results().getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByText('Showing 50 of 120')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(results().getAllByRole('listitem')).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: 'Show 20 more' }));
    expect(results().getAllByRole('listitem')).toHaveLength(120);
    expect(screen.queryByRole('button', { name: /Show \d+ more/ })).toBeNull();
  });

  it('shows the Japanese UI with Japanese section names', async () => {
    initI18n('ja');
    await renderCards([deck]);
    expect(await screen.findByRole('heading', { level: 1, name: 'カード' })).toBeTruthy();
    expect(await screen.findByText('3枚')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'ボリューム' })).toBeTruthy();
    expect(results('該当するカード').getByRole('link', { name: /使われていないボリューム/ })).toBeTruthy();
    expect(screen.getByRole('search', { name: 'カードを検索' })).toBeTruthy();
  });
});

describe('CardsPage: card info', () => {
  it('opens a card from the list at /cards/<cardId> and comes back with the search kept', async () => {
    const { location } = await renderCards([deck]);
    const user = userEvent.setup();
    const search = await screen.findByRole('searchbox', { name: 'Search cards' });
    await user.type(search, 'prune');
    await waitFor(() => expect(count()).toBe('1 card'));
    await user.click(results().getByRole('link', { name: /docker volume prune/ }));
    expect(location.history.at(-1)).toBe(cardHref(pruneCard.id));
    expect(await screen.findByRole('heading', { level: 1, name: 'Card info' })).toBeTruthy();
    const answer = await screen.findByRole('group', { name: 'Answer' });
    expect(answer.textContent).toContain('Remove unused volumes');

    await user.click(screen.getByRole('link', { name: /Back to the cards/ }));
    expect((await screen.findByRole('searchbox', { name: 'Search cards' }) as HTMLInputElement).value).toBe('prune');
    expect(count()).toBe('1 card');
    // Focus returns to the card just closed, once: typing afterwards keeps the focus in the search.
    expect(document.activeElement).toBe(results().getByRole('link', { name: /docker volume prune/ }));
    const search2 = screen.getByRole('searchbox', { name: 'Search cards' });
    await user.clear(search2);
    await user.type(search2, 'xyz');
    await waitFor(() => expect(count()).toBe('0 cards'));
    await user.clear(search2);
    await waitFor(() => expect(count()).toBe('3 cards'));
    expect(document.activeElement).toBe(search2);
  });

  it('suspends and unsuspends: the database and the state filter follow', async () => {
    await renderCards([deck], cardHref(runCard.id));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Suspend' }));
    expect(await screen.findByRole('button', { name: 'Unsuspend' }, { timeout: 10_000 })).toBeTruthy();
    expect((await getCardState(db, runCard.id))?.suspended).toBe(true);
    expect(screen.getByText(/stays out of every review/)).toBeTruthy();

    await user.click(screen.getByRole('link', { name: /Back to the cards/ }));
    const state = await screen.findByRole('combobox', { name: 'State' });
    await user.selectOptions(state, 'suspended');
    await waitFor(() => expect(count()).toBe('1 card'));
    await user.click(results().getByRole('link', { name: /docker run/ }));

    await user.click(await screen.findByRole('button', { name: 'Unsuspend' }));
    expect(await screen.findByRole('button', { name: 'Suspend' })).toBeTruthy();
    expect((await getCardState(db, runCard.id))?.suspended).toBe(false);

    await user.click(screen.getByRole('link', { name: /Back to the cards/ }));
    await waitFor(() => expect(count()).toBe('0 cards'));
  });

  it('shows the memory state and the history after a rating', async () => {
    await renderCards([deck], cardHref(psCard.id));
    expect(await screen.findByText('No reviews yet.')).toBeTruthy();
    const now = TEST_NOW;
    await rateCard(db, psCard.id, 1, now - 120_000, 4_000);
    await rateCard(db, psCard.id, 3, now - 60_000, 3_000);

    const table = await screen.findByRole('table', { name: 'History' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3)); // header + 2, newest first
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByText('Good')).toBeTruthy();
    expect(within(rows[2]!).getByText('Again')).toBeTruthy();
    expect(within(rows[2]!).getByText('1m')).toBeTruthy(); // first learning step
    expect(within(rows[1]!).getByText(/^\d+(m|d)$/)).toBeTruthy();

    const term = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(term('Reviews')).toBe('2');
    expect(term('Lapses')).toBe('0');
    expect(term('Leech')).toBe('No');
    expect(term('State')).toBe('Learning');
    expect(term('Stability')).toMatch(/days?$/);
    expect(term('Difficulty')).toMatch(/\/ 10$/);
    expect(term('Chance of recall now')).toMatch(/^\d+%$/);
    expect(term('Due')).toMatch(/\d{4}/);
  });

  it('renders deck text as text, never as HTML', async () => {
    const evil = createCard({
      key: 'evil',
      sectionId: 'containers',
      front: { en: '<img src=x onerror="window.__pwned=1">', ja: '<img src=x onerror="window.__pwned=1">' },
      back: { en: '<b>bold</b> `<script>`', ja: '<b>bold</b> `<script>`' },
    });
    await renderCards([createDeck({ sections, cards: [evil], hash: 'h-evil' })]);
    const link = await waitFor(() => results().getByRole('link', { name: /<img src=x/ }));
    expect(link.querySelector('img, b, script')).toBeNull();
    await userEvent.setup().click(link);
    const answer = await screen.findByRole('group', { name: 'Answer' });
    expect(answer.textContent).toContain('<b>bold</b> <script>');
    expect(document.querySelector('main img, img[src="x"], b, script')).toBeNull();
  });

  it('says so for an unknown card id', async () => {
    await renderCards([deck], '/cards/no-such-card');
    expect(await screen.findByText(/no card with this address/i)).toBeTruthy();
  });
});
