// @vitest-environment jsdom
// The backup panel against a fake-indexeddb database: export downloads the file, import shows the
// plan then writes on Confirm, a bad file shows the path and changes nothing, reset asks first.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../../src/db/backup/export';
import { setDb } from '../../../src/db/database';
import type { KujiraDB } from '../../../src/db/schema';
import { BackupPanel } from '../../../src/features/backup/backup-panel';
import { ClockProvider } from '../../../src/hooks/clock';
import { fixedClock } from '../../clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { NOW, freshDb, populatedDb, testDeck } from '../../db/backup-fixtures';
import { dump } from '../../db/helpers';

let db: KujiraDB;
let other: KujiraDB | null = null;
const downloads: { name: string; blob: Blob }[] = [];

beforeEach(() => {
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
  other?.close();
  other = null;
});

function renderPanel(lang: 'en' | 'ja' = 'en') {
  const i18n = initI18n(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <ClockProvider clock={fixedClock()}>
        <DecksProvider decks={[testDeck()]}>
          <BackupPanel />
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
}

describe('BackupPanel', () => {
  it('exports a backup file named by the date', async () => {
    db = await populatedDb('panel');
    setDb(db);
    renderPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await screen.findByText(/Saved kujira-backup-\d{4}-\d{2}-\d{2}\.json/);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^kujira-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await downloads[0]!.blob.text())).toMatchObject({ format: 'kujira-backup', version: 2 });
  });

  it('shows the plan, then imports on Confirm', async () => {
    other = await populatedDb('source');
    const { text } = await exportBackup(other, NOW);
    db = await freshDb('panel');
    setDb(db);
    renderPanel();
    await userEvent.upload(screen.getByLabelText('Import a backup file'), new File([text], 'kujira-backup.json', { type: 'application/json' }));
    // Validating loads the validator chunk first: slow on a loaded machine, so more than the default second.
    expect(await screen.findByText('Adds 6 reviews, 2 quiz results.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('1 settings change is merged (the latest change of each setting wins).')).toBeTruthy();
    expect(screen.getByText('1 lesson result is added.')).toBeTruthy();
    expect(await db.reviewLog.count()).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Import finished. Added 6 reviews, 2 quiz results.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await db.reviewLog.count()).toBe(6);
  });

  it('a bad file shows the path of the bad field and changes nothing', async () => {
    other = await populatedDb('source');
    const bad = JSON.parse((await exportBackup(other, NOW)).text) as { ratings: { rating: unknown }[] };
    bad.ratings[2]!.rating = 'good';
    db = await freshDb('panel');
    setDb(db);
    const before = await dump(db);
    renderPanel();
    await userEvent.upload(screen.getByLabelText('Import a backup file'), new File([JSON.stringify(bad)], 'b.json'));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('$.ratings[2].rating');
    expect(alert.textContent).toContain('nothing was changed');
    expect(await dump(db)).toEqual(before);
  });

  it('reset names what will be lost, offers export first, and resets on confirmation', async () => {
    db = await populatedDb('panel');
    setDb(db);
    renderPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Reset progress…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Reset all progress?' });
    expect(dialog.textContent).toContain('6 reviews (your whole review history)');
    expect(dialog.textContent).toContain('2 quiz results');
    await userEvent.click(screen.getByRole('button', { name: 'Export a backup first' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(await db.reviewLog.count()).toBe(6);
    await userEvent.click(screen.getByRole('button', { name: 'Delete my progress' }));
    expect(await screen.findByText('Progress reset.')).toBeTruthy();
    expect(await db.reviewLog.count()).toBe(0);
    expect(await db.quizResults.count()).toBe(0);
  });

  it('exports a deck for Anki, in Japanese too', async () => {
    db = await freshDb('panel');
    setDb(db);
    renderPanel('ja');
    await userEvent.click(screen.getByRole('button', { name: '「デッキ」を Anki 用に書き出す' }));
    expect(downloads[0]!.name).toBe('deck.anki.txt');
    expect((await downloads[0]!.blob.text()).split('\n').slice(0, 3)).toEqual(['#separator:tab', '#html:false', '#tags column:3']);
  });
});
