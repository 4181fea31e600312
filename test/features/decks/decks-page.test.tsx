// @vitest-environment jsdom
// The Decks page against a fake-indexeddb database: add a two-language memo from the file input,
// a broken memo shows FILE:LINE with its line and stores nothing, an update shows the change
// report then keeps each review on its card, export downloads the sources, remove asks twice
// before deleting history; the Japanese UI.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDb } from '../../../src/db/database';
import { rateCard } from '../../../src/db/reviews';
import type { KujiraDB } from '../../../src/db/schema';
import DecksPage from '../../../src/features/decks/decks-page';
import { saveStoredDeck } from '../../../src/db/stored-decks';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { ClockProvider } from '../../../src/hooks/clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { freshDb, testDeck } from '../../db/backup-fixtures';
import { TEAM_EN, TEAM_EN_V2, TEAM_JA, TEAM_JA_V2 } from '../../fixtures/team-memo';
import { fixedClock, type TestClock } from '../../clock';

let db: KujiraDB;
let clock: TestClock;
const downloads: { name: string; blob: Blob }[] = [];
// The compiler chunk loads on first use: slow on a loaded machine.
const SLOW = { timeout: 10_000 };

beforeEach(() => {
  clock = fixedClock();
  downloads.length = 0;
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => ((last = b), 'blob:test'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: last! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setDb(null);
  db?.close();
});

function renderPage(lang: 'en' | 'ja' = 'en') {
  return render(
    <I18nextProvider i18n={initI18n(lang)}>
      <ClockProvider clock={clock}>
        <DecksProvider decks={[testDeck()]}>
          <DecksPage />
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
}

/** A minute on: the learner rates after adding the deck, and updates after rating. */
function later(): number {
  clock.advance(60_000);
  const at = clock.now();
  clock.advance(60_000);
  return at;
}

const md = (name: string, text: string) => new File([text], name, { type: 'text/markdown' });

async function addTeamDeck() {
  await userEvent.upload(screen.getByLabelText('Markdown files'), [md('memo.ja.md', TEAM_JA), md('memo.en.md', TEAM_EN)]);
  expect(await screen.findByText('Team tools: 7 cards in 2 sections', {}, SLOW)).toBeTruthy();
  // The cards are previewed before anything is stored, one line per command or bullet (issue 26).
  const preview = screen.getByText('The cards it makes').closest('details')!;
  expect(within(within(preview).getByRole('region', { name: 'Commands' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    'kubectl get pods: List the pods',
    'kubectl logs: Show the logs of a pod',
  ]);
  expect(within(preview).getByText('Deploys run from the main branch only')).toBeTruthy();
  // The id is kept under "Advanced", closed while the proposed one is fine.
  const id = screen.getByRole('textbox', { name: 'Deck id', hidden: true }) as HTMLInputElement;
  expect(id.value).toBe('team-tools');
  expect(id.closest('details')?.open).toBe(false);
  expect(id.closest('details')?.querySelector('summary')?.textContent).toBe("Advanced: the deck's id");
  await userEvent.click(screen.getByRole('button', { name: 'Add the deck' }));
  expect(await screen.findByText('Added “Team tools”: 7 cards.', {}, SLOW)).toBeTruthy();
}

describe('DecksPage', () => {
  it('adds a two-language memo from the file input and lists it with its controls', async () => {
    db = await freshDb('decks-add');
    setDb(db);
    renderPage();
    expect(screen.getByRole('heading', { name: 'Built in' })).toBeTruthy();
    await addTeamDeck();
    const stored = await db.storedDecks.get('team-tools');
    expect(stored?.files.map((f) => f.path)).toEqual(['memo.ja.md', 'memo.en.md']);
    expect(await db.cards.where('deckId').equals('team-tools').count()).toBe(7);
    expect(await screen.findByRole('button', { name: 'Update Team tools' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export Team tools as Markdown' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove Team tools' })).toBeTruthy();
  });

  it('takes one memo of any name and an edited id; refuses a built-in id', async () => {
    db = await freshDb('decks-one');
    setDb(db);
    renderPage();
    await userEvent.upload(screen.getByLabelText('Markdown files'), md('tools.md', TEAM_EN));
    expect(await screen.findByText('Team tools: 7 cards in 2 sections', {}, SLOW)).toBeTruthy();
    await userEvent.click(screen.getByText("Advanced: the deck's id"));
    const id = screen.getByRole('textbox', { name: 'Deck id' });
    await userEvent.clear(id);
    await userEvent.type(id, testDeck().id);
    await userEvent.click(screen.getByRole('button', { name: 'Add the deck' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`“${testDeck().id}” is a built-in deck: choose another id.`);
    await userEvent.clear(id);
    await userEvent.type(id, 'ops');
    await userEvent.click(screen.getByRole('button', { name: 'Add the deck' }));
    expect(await screen.findByText('Added “Team tools”: 7 cards.', {}, SLOW)).toBeTruthy();
    const stored = await db.storedDecks.get('ops');
    expect(stored?.deck.cards.every((c) => c.deckId === 'ops')).toBe(true);
    expect(stored?.files).toEqual([{ path: 'tools.md', text: TEAM_EN, role: 'memo', lang: 'en' }]);
  });

  it('shows a broken memo as FILE:LINE with the line, and stores nothing', async () => {
    db = await freshDb('decks-broken');
    setDb(db);
    renderPage();
    const cards = await db.cards.count();
    await userEvent.type(screen.getByRole('textbox', { name: 'Or paste a memo' }), '# Broken{enter}{enter}## Part{enter}* a {{{{blank');
    await userEvent.click(screen.getByRole('button', { name: 'Read the pasted memo' }));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('The deck does not compile; nothing was stored:');
    expect(within(alert).getByText(/^pasted\.md:4: /)).toBeTruthy();
    expect(within(alert).getByText('* a {{blank')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add the deck' })).toBeNull();
    expect(await db.storedDecks.count()).toBe(0);
    expect(await db.cards.count()).toBe(cards);
  });

  it('shows the change report of an update, then applies it with every review on its card', async () => {
    db = await freshDb('decks-update');
    setDb(db);
    renderPage();
    await addTeamDeck();
    const before = (await db.storedDecks.get('team-tools'))!.deck;
    const rollback = before.cards.find((c) => (c.back.en ?? '').startsWith('Rollbacks'))!;
    await rateCard(db, rollback.id, 3, later(), 2000);

    await userEvent.click(await screen.findByRole('button', { name: 'Update Team tools' }));
    await userEvent.upload(screen.getByLabelText('New version of the memo'), [md('memo.ja.md', TEAM_JA_V2), md('memo.en.md', TEAM_EN_V2)]);
    const report = await screen.findByRole('region', { name: 'What changes' }, SLOW);
    expect(within(report).getByRole('heading', { name: 'Added (1)' })).toBeTruthy();
    expect(within(report).getByRole('heading', { name: 'Reworded (1)' })).toBeTruthy();
    expect(within(report).getByText('Rollbacks use the previous image tag → Rollbacks use the previous image tag from the registry')).toBeTruthy();
    expect(within(report).queryByRole('heading', { name: /^Removed/ })).toBeNull();
    // Nothing is written before Apply.
    expect((await db.storedDecks.get('team-tools'))!.deck.hash).toBe(before.hash);

    await userEvent.click(within(report).getByRole('button', { name: 'Apply the update' }));
    expect(await screen.findByText('Updated “Team tools”: every review stays on its card.', {}, SLOW)).toBeTruthy();
    const after = (await db.storedDecks.get('team-tools'))!.deck;
    expect(after.cards).toHaveLength(8);
    const reworded = after.cards.find((c) => (c.back.en ?? '').startsWith('Rollbacks'))!;
    expect((await db.cardStates.get(reworded.id))?.reps).toBe(1);
    expect(after.cards).toHaveLength(8);
  });

  it('lists an added command once, though it makes two cards (issue 26)', async () => {
    db = await freshDb('decks-added-row');
    setDb(db);
    renderPage();
    await addTeamDeck();
    const addRow = (text: string, row: string) => text.replace(/(\|`kubectl logs`\|[^\n]*\n)/, `$1${row}\n`);
    await userEvent.click(await screen.findByRole('button', { name: 'Update Team tools' }));
    await userEvent.upload(screen.getByLabelText('New version of the memo'), [
      md('memo.ja.md', addRow(TEAM_JA, '|`kubectl describe pod`|ポッドの詳細を表示||')),
      md('memo.en.md', addRow(TEAM_EN, '|`kubectl describe pod`|Describe a pod||')),
    ]);
    const report = await screen.findByRole('region', { name: 'What changes' }, SLOW);
    const heading = within(report).getByRole('heading', { name: 'Added (1)' });
    expect([...heading.nextElementSibling!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['kubectl describe pod: Describe a pod']);
  });

  it('never lists a team\'s deck under "Built in", not even before the stored decks are read', async () => {
    db = await freshDb('decks-team-loading');
    setDb(db);
    const files = [{ path: 'team-tools.en.md', text: TEAM_EN, role: 'memo' as const, lang: 'en' as const }];
    const team = compileDeck({ id: 'team:kujira-team-x:team-tools', files }).deck!;
    await saveStoredDeck(db, team, files, clock.now(), { source: { kind: 'team', team: 'kujira-team-x' }, version: 1 });
    render(
      <I18nextProvider i18n={initI18n('en')}>
        <ClockProvider clock={clock}>
          <DecksProvider decks={[testDeck(), team]}>
            <DecksPage />
          </DecksProvider>
        </ClockProvider>
      </I18nextProvider>,
    );
    // The first render, before the live query answers.
    const builtIn = screen.getByRole('region', { name: 'Built in' });
    expect(within(builtIn).queryByRole('heading', { name: 'Team tools' })).toBeNull();
    const added = await screen.findByRole('region', { name: 'Added' });
    expect(within(added).getByRole('heading', { name: 'Team tools' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Built in' })).queryByRole('heading', { name: 'Team tools' })).toBeNull();
  });

  it('offers to send the cards whose meaning changed back to learning, and does it on Apply', async () => {
    db = await freshDb('decks-relearn');
    setDb(db);
    renderPage();
    await addTeamDeck();
    const before = (await db.storedDecks.get('team-tools'))!.deck;
    const logs = before.cards.filter((c) => c.kind !== 'fact' && c.key === 'kubectl logs');
    const pods = before.cards.filter((c) => c.kind !== 'fact' && c.key === 'kubectl get pods');
    for (const c of [...logs, ...pods]) await rateCard(db, c.id, 3, later(), 2000);

    // `kubectl logs` now teaches something else; `kubectl get pods` is untouched.
    const edit = (text: string, from: string, to: string) => text.replace(from, to);
    await userEvent.click(await screen.findByRole('button', { name: 'Update Team tools' }));
    await userEvent.upload(screen.getByLabelText('New version of the memo'), [
      md('memo.ja.md', edit(TEAM_JA, 'ポッドのログを表示', 'ポッドのログを追い続けて表示')),
      md('memo.en.md', edit(TEAM_EN, 'Show the logs of a pod', 'Follow the logs of a pod as they are written')),
    ]);
    const report = await screen.findByRole('region', { name: 'What changes' }, SLOW);
    // One line for the command, though both its cards changed (issue 26: every change was listed twice).
    expect(logs).toHaveLength(2);
    const heading = within(report).getByRole('heading', { name: 'Meaning changed (1)' });
    expect(heading.nextElementSibling?.querySelectorAll('li')).toHaveLength(1);
    const relearn = within(report).getByRole('checkbox', { name: `Send the ${logs.length} cards whose meaning changed back to learning` });
    expect((relearn as HTMLInputElement).checked).toBe(true);
    await userEvent.click(within(report).getByRole('button', { name: 'Apply the update' }));
    expect(await screen.findByText('Updated “Team tools”: every review stays on its card.', {}, SLOW)).toBeTruthy();
    for (const c of logs) {
      expect(await db.cardStates.get(c.id)).toMatchObject({ state: 'new', reps: 0 });
      expect(await db.reviewLog.where('cardId').equals(c.id).count()).toBe(1);
    }
    for (const c of pods) expect((await db.cardStates.get(c.id))?.reps).toBe(1);
  });

  it('exports the sources, and removes with history kept or, on a second choice, deleted', async () => {
    db = await freshDb('decks-remove');
    setDb(db);
    renderPage();
    await addTeamDeck();
    await userEvent.click(await screen.findByRole('button', { name: 'Export Team tools as Markdown' }));
    expect(downloads.map((d) => d.name)).toEqual(['memo.ja.md', 'memo.en.md']);
    expect(await downloads[0]!.blob.text()).toBe(TEAM_JA);

    const card = (await db.storedDecks.get('team-tools'))!.deck.cards[0]!;
    await rateCard(db, card.id, 3, later(), 2000);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Team tools' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Team tools' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove and delete its history' }));
    // The second, explicit choice; Cancel has the focus.
    expect(document.activeElement?.textContent).toBe('Cancel');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await db.reviewLog.count()).toBe(1);

    await userEvent.click(screen.getByRole('button', { name: 'Remove Team tools' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove, keep the history' }));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Team tools' })).toBeNull());
    expect(await db.storedDecks.count()).toBe(0);
    expect(await db.reviewLog.count()).toBe(1);
    expect((await db.cardStates.get(card.id))?.retired).toBe(true);
  });

  it('speaks Japanese', async () => {
    db = await freshDb('decks-ja');
    setDb(db);
    renderPage('ja');
    expect(screen.getByRole('heading', { name: 'Markdown からデッキを追加' })).toBeTruthy();
    await userEvent.upload(screen.getByLabelText('Markdown ファイル'), md('memo.ja.md', TEAM_JA));
    expect(await screen.findByText('チームのツール:2 セクション、7 枚', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'デッキを追加' })).toBeTruthy();
  });

  it('says a broken memo\'s problem in Japanese, with its file, line and text as written (issue 26)', async () => {
    db = await freshDb('decks-ja-broken');
    setDb(db);
    renderPage('ja');
    await userEvent.type(screen.getByRole('textbox', { name: 'またはメモを貼り付け' }), '# ツール');
    await userEvent.click(screen.getByRole('button', { name: '貼り付けたメモを読み込む' }));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText('pasted.md:1: カードがありません: バッククォートで囲んだコマンドの表か、箇条書きを加えてください')).toBeTruthy();
    expect(within(alert).getByText('# ツール')).toBeTruthy();
  });

  it('says a notes file\'s problem in Japanese too, with its file, line and text as written (issue 26)', async () => {
    db = await freshDb('decks-ja-notes');
    setDb(db);
    renderPage('ja');
    await userEvent.upload(screen.getByLabelText('Markdown ファイル'), [md('memo.ja.md', TEAM_JA), md('notes.ja.md', '## 別名\n- `kubectl rm`: `kubectl delete`\n')]);
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText('notes.ja.md:2: 不明な行 `kubectl rm` です: 別名はメモにあるコマンドに付けてください')).toBeTruthy();
    expect(within(alert).getByText('- `kubectl rm`: `kubectl delete`')).toBeTruthy();
  });
});
