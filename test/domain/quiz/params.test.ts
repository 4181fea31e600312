// Quiz deep-link parameters: parsing with defaults and warnings, and the round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIZ_PARAMS,
  parseQuizParams,
  toQuizSearch,
  type QuizParams,
} from '../../../src/domain/quiz/params';

const parse = (search: string) => parseQuizParams(new URLSearchParams(search));

describe('parseQuizParams', () => {
  it('no parameters: a practice quiz of 10 multiple-choice questions', () => {
    expect(parse('')).toEqual({ options: DEFAULT_QUIZ_PARAMS, warnings: [] });
  });

  it('/quiz?mode=timed starts the exam', () => {
    expect(parse('?mode=timed')).toEqual({
      options: { mode: 'timed', shape: 'exam', deckId: null, sectionIds: [], type: 'choice', count: null, seed: null },
      warnings: [],
    });
  });

  it('the full link of a team lead', () => {
    expect(parse('mode=timed&shape=sprint&deck=docker&section=volume,network&section=options&type=mixed&seed=42').options).toEqual({
      mode: 'timed',
      shape: 'sprint',
      deckId: 'docker',
      sectionIds: ['volume', 'network', 'options'],
      type: 'mixed',
      count: null,
      seed: 42,
    });
  });

  it('practice with count and sections (ids in any script, percent-encoded)', () => {
    const section = encodeURIComponent('linuxosでの操作方法');
    expect(parse(`mode=practice&count=25&type=typed&section=${section}`)).toEqual({
      options: { ...DEFAULT_QUIZ_PARAMS, count: 25, type: 'typed', sectionIds: ['linuxosでの操作方法'] },
      warnings: [],
    });
  });

  it.each([
    ['mode=exam', { param: 'mode', value: 'exam', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['mode=timed&shape=marathon', { param: 'shape', value: 'marathon', reason: 'invalid-value' }, { ...DEFAULT_QUIZ_PARAMS, mode: 'timed', shape: 'exam', count: null }],
    ['shape=sprint', { param: 'shape', value: 'sprint', reason: 'not-applicable' }, DEFAULT_QUIZ_PARAMS],
    ['type=essay', { param: 'type', value: 'essay', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['count=0', { param: 'count', value: '0', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['count=101', { param: 'count', value: '101', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['count=1.5', { param: 'count', value: '1.5', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['count=-3', { param: 'count', value: '-3', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['count=ten', { param: 'count', value: 'ten', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['mode=timed&count=30', { param: 'count', value: '30', reason: 'not-applicable' }, { ...DEFAULT_QUIZ_PARAMS, mode: 'timed', shape: 'exam', count: null }],
    ['deck=../etc', { param: 'deck', value: '../etc', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['section=a b', { param: 'section', value: 'a b', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['section=a,a', { param: 'section', value: 'a', reason: 'repeated' }, { ...DEFAULT_QUIZ_PARAMS, sectionIds: ['a'] }],
    ['seed=abc', { param: 'seed', value: 'abc', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['seed=4294967296', { param: 'seed', value: '4294967296', reason: 'invalid-value' }, DEFAULT_QUIZ_PARAMS],
    ['utm_source=mail', { param: 'utm_source', value: 'mail', reason: 'unknown-param' }, DEFAULT_QUIZ_PARAMS],
    ['type=typed&type=choice', { param: 'type', value: 'choice', reason: 'repeated' }, { ...DEFAULT_QUIZ_PARAMS, type: 'typed' }],
  ] as const)('%s falls back and warns', (search, warning, options) => {
    expect(parse(search)).toEqual({ options, warnings: [warning] });
  });

  it('trims values and ignores empty section parts', () => {
    expect(parse('mode=%20timed%20&section=,a,,b,').options).toMatchObject({ mode: 'timed', sectionIds: ['a', 'b'] });
  });
});

describe('toQuizSearch', () => {
  it('defaults give the shortest link', () => {
    expect(toQuizSearch(DEFAULT_QUIZ_PARAMS)).toBe('');
    expect(toQuizSearch({ ...DEFAULT_QUIZ_PARAMS, mode: 'timed', shape: 'exam', count: null })).toBe('?mode=timed');
    expect(
      toQuizSearch({ mode: 'timed', shape: 'sprint', deckId: 'docker', sectionIds: ['volume', 'network'], type: 'typed', count: null, seed: 7 }),
    ).toBe('?mode=timed&shape=sprint&deck=docker&section=volume%2Cnetwork&type=typed&seed=7');
  });

  const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,8}$/);
  const paramsArb: fc.Arbitrary<QuizParams> = fc.oneof(
    fc.record({
      mode: fc.constant('practice' as const),
      shape: fc.constant(null),
      deckId: fc.option(idArb, { nil: null }),
      sectionIds: fc.uniqueArray(fc.oneof(idArb, fc.constantFrom('ボリューム', 'linuxosでの操作方法')), { maxLength: 4 }),
      type: fc.constantFrom('choice' as const, 'typed' as const, 'mixed' as const),
      count: fc.integer({ min: 1, max: 100 }),
      seed: fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: null }),
    }),
    fc.record({
      mode: fc.constant('timed' as const),
      shape: fc.constantFrom('sprint' as const, 'exam' as const),
      deckId: fc.option(idArb, { nil: null }),
      sectionIds: fc.uniqueArray(idArb, { maxLength: 4 }),
      type: fc.constantFrom('choice' as const, 'typed' as const, 'mixed' as const),
      count: fc.constant(null),
      seed: fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: null }),
    }),
  );

  it('round trip: parse(toQuizSearch(options)) gives the options back, without warnings', () => {
    fc.assert(
      fc.property(paramsArb, (options) => {
        expect(parse(toQuizSearch(options))).toEqual({ options, warnings: [] });
      }),
    );
  });

  it('round trip the other way: a parsed link re-serialises to a link that parses the same', () => {
    for (const search of ['mode=timed', 'mode=timed&shape=exam&section=a&section=b', 'count=10&type=choice', 'mode=bogus&count=5']) {
      const once = parse(search).options;
      expect(parse(toQuizSearch(once)).options).toEqual(once);
    }
  });
});
