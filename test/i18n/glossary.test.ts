// The glossary (src/i18n/locales/glossary.json) holds one word per idea in each UI language:
// no locale string uses a name the glossary avoids, and every term is in use (issue 26: Japanese
// had three words for desired retention and two for leeches).
import { describe, expect, it } from 'vitest';
import glossary from '../../src/i18n/locales/glossary.json';
import { resources } from '../../src/i18n/resources';

type Tree = { [key: string]: string | Tree };
type Lang = 'en' | 'ja';

function stringsOf(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : stringsOf(value, `${prefix}${key}.`),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** English matches whole words, any case; Japanese matches the characters. */
const pattern = (term: string, lang: Lang) => new RegExp(lang === 'en' ? `\\b${escape(term)}\\b` : escape(term), 'giu');

const strings: Record<Lang, [string, string][]> = {
  en: stringsOf(resources.en.translation as unknown as Tree),
  ja: stringsOf(resources.ja.translation as unknown as Tree),
};

describe('glossary', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: no string uses a name the glossary avoids`, () => {
      const offenders: string[] = [];
      for (const [key, value] of strings[lang]) {
        // The term itself may contain an avoided word ("Timed quiz" holds "Timed"): take it out first.
        const rest = glossary.terms.reduce((text, term) => text.replace(pattern(term[lang], lang), ' '), value);
        for (const term of glossary.terms) {
          for (const avoided of term.avoid[lang]) {
            if (pattern(avoided, lang).test(rest)) offenders.push(`${key}: "${avoided}" (say "${term[lang]}")`);
          }
        }
      }
      expect(offenders).toEqual([]);
    });

    it(`${lang}: every term is in use`, () => {
      const unused = glossary.terms.filter((term) => !strings[lang].some(([, value]) => pattern(term[lang], lang).test(value)));
      expect(unused.map((term) => term.id)).toEqual([]);
    });
  }

  it('names desired retention and leeches the same way on every Japanese screen', () => {
    const ja = Object.fromEntries(strings.ja);
    expect(ja['settings.retention.label']).toBe('目標保持率');
    expect(ja['stats.retention.desired']).toBe('目標保持率');
    expect(ja['optimizer.helper.retention']).toBe('目標保持率');
    expect(ja['stats.leeches.title']).toBe('苦手カード');
    expect(ja['browser.info.leech']).toBe('苦手カード');
  });
});
