// The first-screen strings (bundled with the entry) and the lazily loaded rest split the locale
// files exactly: every file in one bundle, none in both, the same split in both languages.
import { describe, expect, it } from 'vitest';
import { coreResources } from '../../src/i18n/bundles/core';
import { translation as featuresEn } from '../../src/i18n/bundles/features-en';
import { translation as featuresJa } from '../../src/i18n/bundles/features-ja';
import { resources } from '../../src/i18n/resources';

const keys = (o: object) => Object.keys(o).sort();

describe('locale bundles', () => {
  it.each([
    ['en', featuresEn],
    ['ja', featuresJa],
  ] as const)('split every %s locale file between the core and the lazy bundle', (lang, features) => {
    const core = (coreResources[lang] as { translation: object }).translation;
    const all = keys(resources[lang].translation);
    expect(keys(core).filter((k) => k in features)).toEqual([]);
    expect([...keys(core), ...keys(features)].sort()).toEqual(all);
    expect(keys(core)).toEqual(['common', 'home']);
  });
});
