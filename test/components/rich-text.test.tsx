// @vitest-environment jsdom
// Card text is rendered as text: inline code as <code>, line breaks as <br>, never as HTML.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RichText, splitInlineCode } from '../../src/components/rich-text';
import { compileDeck } from '../../src/domain/deck/compile-deck';

afterEach(cleanup);

describe('RichText', () => {
  it('splits inline code and keeps an unmatched backtick literal', () => {
    expect(splitInlineCode('run `docker ps` now')).toEqual([
      { code: false, text: 'run ' },
      { code: true, text: 'docker ps' },
      { code: false, text: ' now' },
    ]);
    expect(splitInlineCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
  });

  it('reads a double-backtick span, so a key holding a backtick shows whole (as the compiler writes it)', () => {
    expect(splitInlineCode('`` echo `date` ``')).toEqual([{ code: true, text: 'echo `date`' }]);
    expect(splitInlineCode('x ``a`b`` y')).toEqual([
      { code: false, text: 'x ' },
      { code: true, text: 'a`b' },
      { code: false, text: ' y' },
    ]);
    const { deck } = compileDeck({ id: 't', files: [{ path: 't/memo.en.md', text: '# T\n\n## C\n|Command|Description|\n|---|---|\n|`` echo `date` ``|Prints the date|\n' }] });
    const front = deck?.cards[0]?.front.en ?? '';
    const { container } = render(<RichText text={front} />);
    expect(container.querySelectorAll('code')).toHaveLength(1);
    expect(container.querySelector('code')?.textContent).toBe('echo `date`');
    expect(container.textContent).toBe('echo `date`');
  });

  it('renders HTML in card text as literal characters', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"> `<script>alert(1)</script>`';
    const { container } = render(<RichText text={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="window.__pwned=1"> <script>alert(1)</script>');
    expect(container.querySelector('code')?.textContent).toBe('<script>alert(1)</script>');
  });

  it('turns line breaks into <br> elements', () => {
    const { container } = render(<RichText text={'one\ntwo'} />);
    expect(container.querySelectorAll('br')).toHaveLength(1);
  });
});
