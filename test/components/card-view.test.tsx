// @vitest-environment jsdom
// The card view asks a Japanese-only deck's default card in the UI's language: the frame in
// English, the memo's words as written (issue 26).
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { CardView } from '../../src/components/card-view';
import { compileDeck } from '../../src/domain/deck/compile-deck';
import { initI18n } from '../../src/i18n/setup';
import { readDeckFolder } from '../../scripts/read-decks';

const git = compileDeck(readDeckFolder('test/fixtures/decks/git')).deck!;
const fact = git.cards.find((c) => c.kind === 'fact' && c.front.ja?.startsWith('「基本」'))!;

afterEach(cleanup);

describe('CardView', () => {
  it('frames a Japanese-only default card in the English UI', () => {
    render(
      <I18nextProvider i18n={initI18n('en')}>
        <CardView card={fact} lang="en" showBoth={false} revealed={false} />
      </I18nextProvider>,
    );
    const front = screen.getByRole('group', { name: 'Question' });
    expect(front.textContent).toBe('基本: complete this line of the memo.Gitは分散型…');
    expect(front.textContent).not.toContain('メモのこの一文');
  });
});
