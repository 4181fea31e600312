// Decks added at run time, in Chromium against the built app: a two-language memo added through
// the file input, a card of it reviewed, a reload offline (the deck and its review are still
// there), then an update with an inserted and a reworded bullet: the change report shows both,
// and after Apply every review is still on its card. Screenshot at 360x740 in test-results/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openTrackedPage, resultsDir } from './browser';
import { appHeading, reviewLogSize, waitForServiceWorkerControl, readStore } from './pwa-helpers';
import { TEAM_EN, TEAM_EN_V2, TEAM_JA, TEAM_JA_V2 } from '../fixtures/team-memo';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface StoredCard {
  id: string;
  kind: string;
  back: { en?: string };
}

async function storedCards(page: Page): Promise<StoredCard[]> {
  const [row] = await readStore<{ id: string; deck: { cards: StoredCard[] } }>(page, 'storedDecks');
  return row?.deck.cards ?? [];
}

const md = (name: string, text: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
const bullet = (cards: StoredCard[], words: string) => cards.find((c) => c.kind === 'fact' && (c.back.en ?? '').startsWith(words))!;

describe('a deck added at run time', () => {
  it('is added from files, reviewed, kept offline, and updated with every review on its card', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
    const { page, foreignRequests, pageErrors } = await openTrackedPage(context, baseUrl);
    await page.goto(baseUrl + '/');
    await appHeading(page);
    await waitForServiceWorkerControl(page);

    // The nav entry, then the file input with both memos.
    await page.getByRole('navigation', { name: 'Main' }).last().getByRole('link', { name: 'Decks' }).click();
    expect(await appHeading(page)).toBe('Decks');
    await page.getByLabel('Markdown files').setInputFiles([md('memo.ja.md', TEAM_JA), md('memo.en.md', TEAM_EN)]);
    await page.getByText('Team tools: 7 cards in 2 sections').waitFor();
    // The cards show before anything is stored; the id waits under "Advanced" (issue 26).
    await page.getByText('kubectl get pods: List the pods').waitFor();
    await page.getByText("Advanced: the deck's id").click();
    expect(await page.getByRole('textbox', { name: 'Deck id' }).inputValue()).toBe('team-tools');
    await page.getByRole('button', { name: 'Add the deck' }).click();
    await page.getByText('Added “Team tools”: 7 cards.').waitFor();
    await page.screenshot({ path: join(resultsDir(), 'decks-360x740.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    // Review three cards of it: the first bullet, the bullet to be reworded, a command.
    const v1 = await storedCards(page);
    const reviewed = [bullet(v1, 'Deploys run'), bullet(v1, 'Rollbacks'), v1.find((c) => c.kind === 'command-meaning')!];
    await page.goto(`${baseUrl}/review?cards=${reviewed.map((c) => c.id).join(',')}`);
    expect(await appHeading(page)).toBe('Review');
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: /^Good/ }).waitFor();
      await page.keyboard.press('3');
      await expect.poll(() => reviewLogSize(page)).toBe(i);
    }

    // Offline: the added deck and its reviews are still there after a reload.
    await context.setOffline(true);
    await page.goto(baseUrl + '/decks');
    expect(await appHeading(page)).toBe('Decks');
    await page.getByRole('heading', { name: 'Team tools' }).waitFor();
    expect(await reviewLogSize(page)).toBe(3);

    // Update (still offline: the compiler chunk is precached): the report first.
    await page.getByRole('button', { name: 'Update Team tools' }).click();
    await page.getByLabel('New version of the memo').setInputFiles([md('memo.ja.md', TEAM_JA_V2), md('memo.en.md', TEAM_EN_V2)]);
    const report = page.getByRole('region', { name: 'What changes' });
    await report.getByRole('heading', { name: 'Added (1)' }).waitFor();
    await report.getByRole('heading', { name: 'Reworded (1)' }).waitFor();
    expect(await report.getByText('Deploys need a second reviewer').count()).toBe(1);
    expect(await report.getByText('Rollbacks use the previous image tag → Rollbacks use the previous image tag from the registry').count()).toBe(1);
    await page.screenshot({ path: join(resultsDir(), 'decks-update-360x740.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await report.getByRole('button', { name: 'Apply the update' }).click();
    await page.getByText('Updated “Team tools”: every review stays on its card.').waitFor();

    // Every review is still on its card (the reworded bullet's new id took its history), and
    // the inserted bullet starts fresh.
    const v2 = await storedCards(page);
    const now = [bullet(v2, 'Deploys run'), bullet(v2, 'Rollbacks'), v2.find((c) => c.id === reviewed[2]!.id)!];
    expect(now[1]!.id).not.toBe(reviewed[1]!.id);
    const states = new Map((await readStore<{ cardId: string; reps: number }>(page, 'cardStates')).map((s) => [s.cardId, s.reps]));
    expect(now.map((c) => states.get(c.id))).toEqual([1, 1, 1]);
    expect(states.get(bullet(v2, 'Deploys need').id)).toBe(0);
    await page.reload();
    expect(await appHeading(page)).toBe('Decks');
    await page.getByRole('heading', { name: 'Team tools' }).waitFor();
    expect(await reviewLogSize(page)).toBe(3);

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
