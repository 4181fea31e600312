// The UI language as a deck language: Japanese when i18next shows Japanese, else English.
import { describe, expect, it } from 'vitest';
import { uiLanguageOf } from '../../src/i18n/ui-language';

describe('uiLanguageOf', () => {
  it('is ja for Japanese and en for everything else (the fallback language)', () => {
    expect(uiLanguageOf('ja')).toBe('ja');
    expect(uiLanguageOf('en')).toBe('en');
    expect(uiLanguageOf('fr')).toBe('en');
    expect(uiLanguageOf(undefined)).toBe('en');
  });
});
