// Localized text with a fallback: the asked language, else the other one; empty counts as missing.
import { describe, expect, it } from 'vitest';
import { localizedText, pickLocalized } from '../../../src/domain/deck/localized';

describe('localized text', () => {
  it('takes the asked language when it has text', () => {
    expect(pickLocalized({ ja: 'コンテナ', en: 'container' }, 'ja')).toEqual({ text: 'コンテナ', lang: 'ja' });
    expect(localizedText({ ja: 'コンテナ', en: 'container' }, 'en')).toBe('container');
  });

  it('falls back to the other language, and says which it is', () => {
    expect(pickLocalized({ en: 'container' }, 'ja')).toEqual({ text: 'container', lang: 'en' });
    expect(pickLocalized({ ja: '', en: 'container' }, 'ja')).toEqual({ text: 'container', lang: 'en' });
    expect(localizedText({ ja: 'コンテナ', en: '' }, 'en')).toBe('コンテナ');
  });

  it('is null or empty when neither language has text', () => {
    expect(pickLocalized(undefined, 'en')).toBeNull();
    expect(pickLocalized({ ja: '', en: '' }, 'en')).toBeNull();
    expect(localizedText({}, 'ja')).toBe('');
  });
});
