// @vitest-environment jsdom
// Settings -> Personal scheduler, with a stand-in for the worker (the real one runs fsrs-rs as
// wasm: test/e2e/optimizer.e2e.ts). The stand-in answers like the worker, scoring with the real
// evaluation and simulator, and "fits" a known weight vector.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { setDb } from '../../../src/db/database';
import { rateCard } from '../../../src/db/reviews';
import { getSettings, updateSettings } from '../../../src/db/settings';
import type { KujiraDB } from '../../../src/db/schema';
import type { Deck } from '../../../src/domain/deck/types';
import { evaluate } from '../../../src/domain/optimizer/evaluate';
import { sweepRetention } from '../../../src/domain/optimizer/simulate';
import OptimizerPanel from '../../../src/features/optimizer/optimizer-panel';
import type { WorkerReply, WorkerRequest } from '../../../src/features/optimizer/protocol';
import { clearAppError } from '../../../src/hooks/app-errors';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { createSeededTestDb, createTestDb } from '../../db/helpers';
import { TRUE_WEIGHTS } from '../../fixtures/synthetic-history';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const i18n = initI18n('en');
let db: KujiraDB;
let deck: Deck;

type Behaviour = 'answer' | 'silent' | 'no-wasm';

/** Stands in for optimizer.worker.ts: same messages, real scoring, a fixed "fit". */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private behaviour: Behaviour) {}
  private send(m: WorkerReply) {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<WorkerReply>);
    }, 5);
  }
  postMessage(req: WorkerRequest) {
    if (this.behaviour === 'no-wasm') return this.send({ type: 'error', kind: 'wasm', message: 'no WebAssembly' });
    if (req.type === 'train') {
      this.send({ type: 'progress', phase: 'training', done: 0, total: 10 });
      if (this.behaviour === 'silent') return;
      const current = evaluate(req.histories, req.currentWeights ?? undefined);
      const candidate = evaluate(req.histories, TRUE_WEIGHTS);
      this.send({ type: 'trained', result: { weights: [...TRUE_WEIGHTS], current, candidate, items: candidate.count, reviews: 0, trainMs: 1234 } });
    } else {
      this.send({ type: 'progress', phase: 'simulating', done: 1, total: 28 });
      this.send({ type: 'simulated', sweep: sweepRetention(req.input), ms: 10 });
    }
  }
  terminate() {
    this.terminated = true;
  }
}

let workers: FakeWorker[] = [];
const factory = (behaviour: Behaviour) => () => {
  const w = new FakeWorker(behaviour);
  workers.push(w);
  return w as unknown as Worker;
};

/** 40 cards, each rated Good, then again 5 and 15 days later (80 training items). */
async function seedHistory() {
  await updateSettings(db, { timeZone: 'UTC' }, NOW - 40 * DAY);
  for (const [i, card] of deck.cards.entries()) {
    await rateCard(db, card.id, 3, NOW - 30 * DAY + i * 1000, 6000);
    await rateCard(db, card.id, i % 3 === 0 ? 1 : 3, NOW - 25 * DAY + i * 1000, 8000);
    await rateCard(db, card.id, i % 4 === 0 ? 1 : 3, NOW - 10 * DAY + i * 1000, 7000);
  }
}

function renderPanel(behaviour: Behaviour = 'answer') {
  return render(
    <I18nextProvider i18n={i18n}>
      <DecksProvider decks={[deck]}>
        <OptimizerPanel workerFactory={factory(behaviour)} />
      </DecksProvider>
    </I18nextProvider>,
  );
}

beforeEach(async () => {
  initI18n('en');
  workers = [];
  ({ db, deck } = await createSeededTestDb(20, NOW - 40 * DAY));
  setDb(db);
});

afterEach(() => {
  cleanup();
  clearAppError();
  vi.restoreAllMocks();
  db.close();
  setDb(null);
});

describe('OptimizerPanel', () => {
  it('says why fitting is not offered yet with too little history', async () => {
    db.close();
    db = createTestDb();
    setDb(db);
    renderPanel();
    expect(await screen.findByText(/^Fitting needs at least 64 reviews made on a later day .*; you have 0 reviews in all\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Optimize my parameters' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('In use: FSRS-6 default parameters.')).toBeTruthy();
  });

  it('fits, shows both losses, and adopts only on the click (a settings event)', async () => {
    await seedHistory();
    const user = userEvent.setup();
    renderPanel();
    // Only the count is read when the panel opens; the whole log when a fit starts.
    expect(await screen.findByText('Your history: 120 reviews.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Optimize my parameters' }));
    expect(await screen.findByText('Your history: 120 reviews, 80 usable for fitting.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: /How well each set of parameters predicts your 80 scored reviews/ });
    const cells = [...table.querySelectorAll('td')].map((td) => Number(td.textContent));
    expect(cells).toHaveLength(4);
    const [currentLoss, newLoss] = cells;
    // On this history (a third of the cards forgotten) the "fitted" weights predict better.
    expect(newLoss).toBeLessThan(currentLoss!);
    // A plain verdict leads, above the figures (issue 26): how much better, from the log loss.
    const verdict = screen.getByText(/^The new parameters predict your answers [\d.]+ % better than the current ones\.$/);
    const percent = (((currentLoss! - newLoss!) / currentLoss!) * 100).toFixed(1);
    expect(verdict.textContent).toContain(`${percent} %`);
    expect(verdict.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect((await getSettings(db)).fsrsParams).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Use the new parameters' }));
    expect(await screen.findByText(/^Your own parameters are in use\./)).toBeTruthy();
    expect((await getSettings(db)).fsrsParams).toEqual({ model: 'FSRS-6', weights: [...TRUE_WEIGHTS] });
    await waitFor(() => expect(screen.getByText('In use: your own FSRS-6 parameters.')).toBeTruthy());
    // And back to the defaults.
    await user.click(screen.getByRole('button', { name: 'Go back to the default parameters' }));
    await waitFor(async () => expect((await getSettings(db)).fsrsParams).toBeNull());
    expect(await screen.findByText('The FSRS-6 default parameters are in use again.')).toBeTruthy();
  });

  it('reads the history when asked, and says when too few reviews came on a later day', async () => {
    await updateSettings(db, { timeZone: 'UTC' }, NOW - 40 * DAY);
    // 40 cards rated twice on the first day and once 3 days later: 120 reviews, 40 training items.
    for (const [i, card] of deck.cards.entries()) {
      await rateCard(db, card.id, 1, NOW - 30 * DAY + i * 1000, 6000);
      await rateCard(db, card.id, 3, NOW - 30 * DAY + 600_000 + i * 1000, 6000);
      await rateCard(db, card.id, 3, NOW - 27 * DAY + i * 1000, 6000);
    }
    const user = userEvent.setup();
    renderPanel();
    await screen.findByText('Your history: 120 reviews.');
    await user.click(screen.getByRole('button', { name: 'Optimize my parameters' }));
    expect(await screen.findByText(/^Fitting needs at least 64 reviews made on a later day .*; you have 40\./)).toBeTruthy();
    expect(workers).toHaveLength(0);
  });

  it('offers no adoption when the new parameters do not predict better', async () => {
    await seedHistory();
    // The learner already uses the weights the stand-in "fits": same loss, not better.
    await updateSettings(db, { fsrsParams: { model: 'FSRS-6', weights: [...TRUE_WEIGHTS] } }, NOW);
    const user = userEvent.setup();
    renderPanel();
    await screen.findByText(/^Your history: 120 reviews/);
    await user.click(screen.getByRole('button', { name: 'Optimize my parameters' }));
    expect(await screen.findByText('The new parameters do not predict your answers better: keep the current ones.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Use the new parameters' })).toBeNull();
  });

  it('Cancel ends the worker and changes nothing', async () => {
    await seedHistory();
    const user = userEvent.setup();
    renderPanel('silent');
    await screen.findByText(/^Your history: 120 reviews/);
    await user.click(screen.getByRole('button', { name: 'Optimize my parameters' }));
    await screen.findByText(/^Fitting to 80 reviews…/);
    expect(screen.getByRole('progressbar', { name: 'Optimization progress' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled. Nothing changed.')).toBeTruthy();
    expect(workers[0]!.terminated).toBe(true);
    expect((await getSettings(db)).fsrsParams).toBeNull();
  });

  it('says so when WebAssembly is not available', async () => {
    await seedHistory();
    const user = userEvent.setup();
    renderPanel('no-wasm');
    await screen.findByText(/^Your history: 120 reviews/);
    await user.click(screen.getByRole('button', { name: 'Optimize my parameters' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot run in this browser/);
  });

  it('the retention helper simulates a year per retention, marks one, and applies it to all decks or one deck', async () => {
    await seedHistory();
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Simulate the next 365 days' }));
    // The recommendation (what the button applies and the chart marks), and the least work beside it.
    const recommended = await screen.findByTestId('helper-recommended');
    const percent = Number(/^Recommended: (\d+)%\. It costs at most 10% more work per card remembered than the least, and you remember more\.$/.exec(recommended.textContent!)![1]);
    const least = Number(/(\d+)%/.exec(screen.getByTestId('helper-best').textContent!)![1]);
    expect(percent).toBeGreaterThanOrEqual(least);
    const table = screen.getByRole('table', { name: 'Simulated workload for the next 365 days' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(28);
    expect(screen.getByRole('img', { name: new RegExp(`the recommended ${percent}% is marked`) })).toBeTruthy();
    expect(screen.getByText(/^Your seconds per review: \d+ s remembered/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: `Use ${percent}% for all decks` }));
    await waitFor(async () => expect((await getSettings(db)).desiredRetention).toBe(percent / 100));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Cards' }), deck.id);
    await user.click(screen.getByRole('button', { name: 'Simulate the next 365 days' }));
    await user.click(await screen.findByRole('button', { name: /^Use \d+% for this deck$/ }));
    await waitFor(async () => expect(Object.keys((await getSettings(db)).deckRetention)).toEqual([deck.id]));
    await user.click(await screen.findByRole('button', { name: 'Use the global desired retention for this deck' }));
    await waitFor(async () => expect((await getSettings(db)).deckRetention).toEqual({}));
  });
});
