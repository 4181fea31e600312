// @vitest-environment jsdom
// The statistics page against a fake-indexeddb database: figures, the screen-reader tables,
// leeches linked to their card, and both languages.
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { afterEach, describe, expect, it } from 'vitest';
import { setDb } from '../../../src/db/database';
import type { KujiraDB } from '../../../src/db/schema';
import StatsPage from '../../../src/features/stats/stats-page';
import { ClockProvider } from '../../../src/hooks/clock';
import { fixedClock } from '../../clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { populatedDb, testDeck } from '../../db/backup-fixtures';

let db: KujiraDB;
afterEach(() => {
  cleanup();
  setDb(null);
  db?.close();
});

async function renderPage(lang: 'en' | 'ja' = 'en') {
  db = await populatedDb('stats');
  // Make card 1 a leech (leeches link to their card).
  const id = testDeck().cards[1]!.id;
  const row = (await db.cardStates.get(id))!;
  await db.cardStates.put({ ...row, leech: true, lapses: 8, state: 'review', queue: 2 });
  setDb(db);
  const i18n = initI18n(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <Router>
        <ClockProvider clock={fixedClock()}>
          <DecksProvider decks={[testDeck()]}>
            <StatsPage />
          </DecksProvider>
        </ClockProvider>
      </Router>
    </I18nextProvider>,
  );
}

describe('StatsPage', () => {
  it('shows every section with its numbers and a table for each chart', async () => {
    await renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Statistics' })).toBeTruthy();
    await screen.findByTestId('heatmap-summary');
    for (const name of ['True retention', 'Reviews per day', 'Due in the next 30 days', 'Cards by state', 'Mastery per section', 'Quiz scores', 'Leeches']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    // Cards by state: 12 cards, one suspended, two reviewed earlier plus the forced leech.
    expect(screen.getByTestId('state-suspended').textContent).toBe('1');
    expect(screen.getByRole('table', { name: 'Number of cards in each state' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Cards due per study day' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Reviews per study day (days with reviews)' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Quiz scores, Timed quiz (60 seconds)' })).toBeTruthy();
    expect(screen.getByText('Desired retention').nextElementSibling?.textContent).toBe('90%');
    // Charts are hidden from screen readers (the tables carry the numbers).
    for (const svg of document.querySelectorAll('svg.chart')) expect(svg.getAttribute('aria-hidden')).toBe('true');
  });

  it('labels the charts\' axes: months and weekdays on the activity grid, days and counts on the forecast (issue 26)', async () => {
    await renderPage();
    await screen.findByTestId('heatmap-summary');
    const grid = [...document.querySelectorAll('svg.heatmap .chart-axis')].map((l) => l.textContent);
    expect(grid).toEqual(expect.arrayContaining(['Mon', 'Wed', 'Fri']));
    const months = grid.filter((l) => !['Mon', 'Wed', 'Fri'].includes(l ?? ''));
    expect(months.length).toBeGreaterThanOrEqual(11);
    for (const m of months) expect(m).toMatch(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/);
    const forecast = screen.getByRole('heading', { level: 2, name: 'Due in the next 30 days' }).closest('section')!;
    const days = [...forecast.querySelectorAll('.bars-x span')].map((s) => s.textContent);
    expect(days).toHaveLength(3);
    expect(days[0]).toBe('Today');
    const cells = [...within(forecast).getByRole('table', { hidden: true }).querySelectorAll('tbody td')].map((td) => Number(td.textContent));
    expect(forecast.querySelector('.bars-y span')?.textContent).toBe(String(Math.max(1, ...cells)));
  });

  it('links each leech to its card', async () => {
    await renderPage();
    const section = (await screen.findByRole('heading', { level: 2, name: 'Leeches' })).closest('section')!;
    const link = within(section).getByRole('link');
    expect(link.getAttribute("href")).toBe(`/cards/${encodeURIComponent(testDeck().cards[1]!.id)}`);
    expect(section.textContent).toContain('forgotten 8 times');
  });

  it('speaks Japanese', async () => {
    await renderPage('ja');
    expect(await screen.findByRole('heading', { level: 1, name: '統計' })).toBeTruthy();
    await screen.findByTestId('heatmap-summary');
    expect(screen.getByText('8 回忘れました')).toBeTruthy();
  });
});
