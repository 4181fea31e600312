// @vitest-environment jsdom
// Card text is rendered as text: inline code as <code>, line breaks as <br>, never as HTML.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RichText, splitInlineCode } from '../../src/components/rich-text';

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
