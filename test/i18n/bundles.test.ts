// The first-screen strings (loaded at start-up, one language) and the lazily loaded rest split the
// locale files exactly: every file in one bundle, none in both, the same split in both languages.
import { describe, expect, it } from 'vitest';
import { byFileName } from '../../src/i18n/bundles/by-file-name';
import * as coreEn from '../../src/i18n/bundles/core-en';
import * as coreJa from '../../src/i18n/bundles/core-ja';
import * as featuresEn from '../../src/i18n/bundles/features-en';
import * as featuresJa from '../../src/i18n/bundles/features-ja';
import { resources } from '../../src/i18n/resources';

const keys = (o: object) => Object.keys(o).sort();

describe('locale bundles', () => {
  it.each([
    ['en', coreEn, featuresEn],
    ['ja', coreJa, featuresJa],
  ] as const)('split every %s locale file between the core and the lazy bundle', (lang, coreBundle, featuresBundle) => {
    const core = byFileName(coreBundle.files);
    const features = byFileName(featuresBundle.files);
    const all = keys(resources[lang].translation);
    expect(keys(core).filter((k) => k in features)).toEqual([]);
    expect([...keys(core), ...keys(features)].sort()).toEqual(all);
    expect(keys(core)).toEqual(['common', 'home']);
  });
});
