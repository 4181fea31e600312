// Question generation: distractor ranking, small decks, quiz assembly, and properties over random
// seeds. The per-card tables for whole decks are in quiz-contract.ts (run by decks.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Card, Lang } from '../../../src/domain/deck/types';
import { normalizeAnswer, normalizeText } from '../../../src/domain/quiz/normalize';
import { DISTRACTOR_TIERS, parseCommand, rankDistractors } from '../../../src/domain/quiz/distractors';
import { buildChoiceQuestion, canAskAsChoice, buildTypedQuestion, CHOICE_COUNT, isCorrectChoice, type ChoiceQuestion } from '../../../src/domain/quiz/questions';
import { askableCount, buildQuiz } from '../../../src/domain/quiz/build-quiz';
import { buildFixtureDeck, createCard, quizDeck } from '../../fixtures/quiz-deck';


function expectWellFormed(q: ChoiceQuestion, card: Card, lang: Lang, pool: readonly Card[] = quizDeck.cards): void {
  const expectedCount = CHOICE_COUNT;
  expect(q.choices).toHaveLength(expectedCount);
  expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
  expect(q.choices[q.correctIndex]?.correct).toBe(true);
  expect(q.choices[q.correctIndex]?.cardId).toBe(card.id);
  const texts = q.choices.map((c) => normalizeText(c.text));
  expect(new Set(texts).size).toBe(q.choices.length);
  expect(texts).not.toContain('');
  const aliases = new Set((card.answers ?? [card.key]).map(normalizeAnswer));
  const description = normalizeText(card.description?.[lang] ?? '');
  for (const choice of q.choices.filter((c) => !c.correct)) {
    const source = pool.find((c) => c.id === choice.cardId) as Card;
    expect(aliases.has(normalizeAnswer(source.key)), `${choice.text} is an alias of ${card.key}`).toBe(false);
    if (card.kind !== 'fact') expect(normalizeText(source.description?.[lang] ?? '')).not.toBe(description);
  }
}

describe('distractors a learner could confuse', () => {
  const card = (key: string, kind: Card['kind'] = 'meaning-command'): Card =>
    quizDeck.cards.find((c) => c.key === key && c.kind === kind) as Card;
  const distractorKeys = (key: string, seed = 1): string[] =>
    buildChoiceQuestion(card(key), quizDeck.cards, seed, { lang: 'en' })
      .choices.filter((c) => !c.correct)
      .map((c) => c.text);

  it('volume prune: its confusable volume rm, the same verb on a sibling, another remover; never create or inspect', () => {
    for (let seed = 0; seed < 20; seed++) {
      const keys = distractorKeys('docker volume prune', seed);
      expect(keys).toContain('docker volume rm');
      expect(keys).toContain('docker network prune');
      expect(keys.filter((k) => / (rm|prune)$/.test(k))).toHaveLength(3);
      expect(keys).not.toContain('docker volume create');
      expect(keys).not.toContain('docker volume inspect');
    }
  });

  it('run: start and create (the confusable pairs) are always offered', () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(distractorKeys('docker container run', seed)).toEqual(
        expect.arrayContaining(['docker container start', 'docker container create', 'docker container exec']),
      );
    }
  });

  it('a command with no same-resource siblings left gets the same verb on other resources', () => {
    // A deck of prune commands only: the same verb is the best there is.
    const deck = buildFixtureDeck('prune', [
      { id: 'a', ja: 'a', en: 'a', rows: [{ key: 'docker volume prune', ja: 'v', en: 'unused volumes' }] },
      {
        id: 'b',
        ja: 'b',
        en: 'b',
        rows: [
          { key: 'docker network prune', ja: 'n', en: 'unused networks' },
          { key: 'docker image prune', ja: 'i', en: 'unused images' },
          { key: 'docker system df', ja: 's', en: 'disk usage' },
          { key: 'docker container prune', ja: 'c', en: 'stopped containers' },
        ],
      },
    ]);
    const q = buildChoiceQuestion(deck.cards[1] as Card, deck.cards, 3, { lang: 'en' });
    expect(q.choices.filter((c) => !c.correct).map((c) => [c.text, c.tier]).sort()).toEqual([
      ['docker container prune', 'same-verb'],
      ['docker image prune', 'same-verb'],
      ['docker network prune', 'same-verb'],
    ]);
  });

  it('systemctl start: docker container start (same verb), then enable (a starter) and stop', () => {
    const choices = buildChoiceQuestion(card('sudo systemctl start docker'), quizDeck.cards, 5, { lang: 'en' }).choices;
    expect(choices.filter((c) => !c.correct).map((c) => [c.text, c.tier])).toEqual(
      expect.arrayContaining([
        ['docker container start', 'same-verb'],
        ['sudo systemctl enable docker', 'same-resource-kin'],
        ['sudo systemctl stop docker', 'same-resource'],
      ]),
    );
  });

  it('never offers an alias of the answer, even when the deck has it as its own row', () => {
    const deck = buildFixtureDeck('alias', [
      {
        id: 's',
        ja: 's',
        en: 's',
        rows: [
          { key: 'docker container ls', ja: '一覧', en: 'Lists containers', aliases: ['docker ps'] },
          { key: 'docker ps', ja: 'コンテナの一覧', en: 'Lists running containers' },
          { key: 'docker container stop', ja: '停止', en: 'Stops containers' },
          { key: 'docker container start', ja: '開始', en: 'Starts containers' },
          { key: 'docker container rm', ja: '削除', en: 'Removes containers' },
        ],
      },
    ]);
    const q = buildChoiceQuestion(deck.cards[1] as Card, deck.cards, 9, { lang: 'en' });
    expect(q.choices.map((c) => c.text)).not.toContain('docker ps');
    expect(q.choices).toHaveLength(4);
  });

  it('never offers another command with the same description in that language', () => {
    const deck = buildFixtureDeck('same', [
      {
        id: 's',
        ja: 's',
        en: 's',
        rows: [
          { key: 'docker image rm', ja: 'イメージを削除する', en: 'Removes images' },
          { key: 'docker rmi', ja: 'イメージを削除する。', en: 'Deletes images' },
          { key: 'docker image ls', ja: '一覧', en: 'Lists images' },
          { key: 'docker image pull', ja: '取得', en: 'Pulls an image' },
        ],
      },
    ]);
    const ja = buildChoiceQuestion(deck.cards[1] as Card, deck.cards, 1, { lang: 'ja' });
    expect(ja.choices.map((c) => c.text)).not.toContain('docker rmi');
    expect(ja.choices).toHaveLength(3);
    // In English the descriptions differ, so it is a fair distractor there.
    const en = buildChoiceQuestion(deck.cards[1] as Card, deck.cards, 1, { lang: 'en' });
    expect(en.choices.map((c) => c.text)).toContain('docker rmi');
  });
});

describe('rankDistractors', () => {
  const prune = quizDeck.cards.find((c) => c.key === 'docker volume prune' && c.kind === 'meaning-command') as Card;

  it('ranks the whole pool: tiers never go back, each other command once, no alias or fact', () => {
    const ranked = rankDistractors(prune, quizDeck.cards, 1, 'en');
    const tiers = ranked.map((r) => DISTRACTOR_TIERS.indexOf(r.tier));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(ranked.map((r) => r.tier).slice(0, 3)).toEqual(['confusable', 'same-verb', 'kin-verb']);
    expect(ranked[0]?.entry.key).toBe('docker volume rm');
    expect(ranked[1]?.entry.key).toBe('docker network prune');
    // The weak same-resource picks (create, inspect) come after every remover.
    const firstWeak = ranked.findIndex((r) => r.tier === 'same-resource');
    expect(ranked.slice(firstWeak).some((r) => r.tier === 'kin-verb')).toBe(false);
    const keys = ranked.map((r) => r.entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('docker volume prune');
    expect(ranked.every((r) => r.entry.family !== 'fact')).toBe(true);
    // 32 other commands and options in the fixture.
    expect(keys).toHaveLength(32);
  });

  it.each([
    ['docker volume prune', { program: 'docker', resource: 'volume', verb: 'prune' }],
    ['docker login', { program: 'docker', resource: '', verb: 'login' }],
    ['sudo systemctl start docker', { program: 'systemctl', resource: 'docker', verb: 'start' }],
    ['docker container rm -f', { program: 'docker', resource: 'container', verb: 'rm' }],
    ['docker', null],
    ['-d', null],
  ])('parseCommand(%j)', (key, parts) => {
    expect(parseCommand(key)).toEqual(parts);
  });
});

describe('small decks', () => {
  it('a 3-card deck yields three choices, never duplicates', () => {
    const cards = ['docker volume create', 'docker volume rm', 'docker volume ls'].map((key, order) =>
      createCard({ key, order, description: { en: `does ${key}` }, answers: [key] }),
    );
    for (const card of cards) {
      const q = buildChoiceQuestion(card, cards, 11, { lang: 'en' });
      expect(q.choices).toHaveLength(3);
      expect(new Set(q.choices.map((c) => c.text)).size).toBe(3);
      expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
    }
    const quiz = buildQuiz({ cards, type: 'choice', count: 3, seed: 1, lang: 'en' });
    expect(quiz).toHaveLength(3);
  });

  it('a deck of 2-card sections draws distractors from the rest of the deck', () => {
    const deck = buildFixtureDeck('tiny', [
      { id: 'a', ja: 'a', en: 'a', rows: [{ key: 'git add', ja: '追加', en: 'Stages changes' }] },
      { id: 'b', ja: 'b', en: 'b', rows: [{ key: 'git commit', ja: '記録', en: 'Records changes' }] },
      { id: 'c', ja: 'c', en: 'c', rows: [{ key: 'git push', ja: '送信', en: 'Uploads commits' }] },
      { id: 'd', ja: 'd', en: 'd', rows: [{ key: 'git pull', ja: '取得', en: 'Fetches and merges' }] },
    ]);
    for (const card of deck.cards) {
      const q = buildChoiceQuestion(card, deck.cards, 2, { lang: 'ja' });
      expectWellFormed(q, card, 'ja', deck.cards);
      // Only this card's section has one other card (its other direction), which is never a distractor.
      expect(q.choices.filter((c) => !c.correct).every((c) => ['same-resource-kin', 'same-resource', 'same-family'].includes(c.tier ?? ''))).toBe(true);
    }
    const section = buildQuiz({ deck, sectionIds: ['a'], type: 'choice', count: 10, seed: 1, lang: 'en' });
    expect(section.every((q) => q.cardId.length > 0 && deck.cards.find((c) => c.id === q.cardId)?.sectionId === 'a')).toBe(true);
    expect(section.every((q) => q.type === 'choice' && q.choices.length === 4)).toBe(true);
  });

  it('a one-card deck has no choice question; mixed asks it typed', () => {
    const cards = [createCard({ key: 'docker ps', description: { en: 'Lists containers' }, answers: ['docker ps'] })];
    expect(buildQuiz({ cards, type: 'choice', count: 5, seed: 1, lang: 'en' })).toEqual([]);
    const mixed = buildQuiz({ cards, type: 'mixed', count: 2, seed: 1, lang: 'en' });
    expect(mixed.map((q) => q.type)).toEqual(['typed', 'typed']);
  });

  it('canAskAsChoice: only when the pool has another distinct answer', () => {
    const one = [createCard({ key: 'docker ps', description: { en: 'Lists containers' } })];
    expect(canAskAsChoice(one[0] as Card, one, 'en')).toBe(false);
    const two = [...one, createCard({ key: 'docker images', description: { en: 'Lists images' } })];
    expect(canAskAsChoice(one[0] as Card, two, 'en')).toBe(true);
  });

  it('an empty deck yields an empty quiz', () => {
    expect(buildQuiz({ cards: [], type: 'mixed', count: 5, seed: 1, lang: 'en' })).toEqual([]);
  });
});

describe('buildQuiz', () => {
  const base = { deck: quizDeck, lang: 'en' as const };

  it('same seed, same quiz; different seed, different order', () => {
    const a = buildQuiz({ ...base, type: 'mixed', count: 20, seed: 1234 });
    expect(buildQuiz({ ...base, type: 'mixed', count: 20, seed: 1234 })).toEqual(a);
    const b = buildQuiz({ ...base, type: 'mixed', count: 20, seed: 1235 });
    expect(b.map((q) => q.cardId)).not.toEqual(a.map((q) => q.cardId));
  });

  it('asks the requested count and type, questions referencing deck cards', () => {
    for (const type of ['choice', 'typed', 'mixed'] as const) {
      const quiz = buildQuiz({ ...base, type, count: 20, seed: 9 });
      expect(quiz).toHaveLength(20);
      for (const q of quiz) {
        const card = quizDeck.cards.find((c) => c.id === q.cardId);
        expect(card).toBeDefined();
        if (type !== 'mixed') expect(q.type).toBe(type);
      }
      expect(new Set(quiz.map((q) => q.id)).size).toBe(20);
    }
    const mixed = buildQuiz({ ...base, type: 'mixed', count: 30, seed: 9 });
    expect(new Set(mixed.map((q) => q.type))).toEqual(new Set(['choice', 'typed']));
  });

  it('does not ask the same command twice before every command was asked once', () => {
    const quiz = buildQuiz({ ...base, type: 'choice', count: 30, seed: 77 });
    const keys = quiz.map((q) => quizDeck.cards.find((c) => c.id === q.cardId)?.key);
    expect(new Set(keys).size).toBe(30);
  });

  it('repeats the deck for a sprint-sized count, never the same card twice in a row', () => {
    const quiz = buildQuiz({ ...base, type: 'choice', count: 1000, seed: 5 });
    expect(quiz).toHaveLength(1000);
    for (let i = 1; i < quiz.length; i++) expect(quiz[i]?.cardId).not.toBe(quiz[i - 1]?.cardId);
  });

  it('asks each question at most once within maxRounds: 1, and askableCount says how many that is (issue 26)', () => {
    const scope = { ...base, sectionIds: ['options'], type: 'mixed' as const };
    const available = askableCount(scope);
    expect(available).toBeGreaterThan(0);
    const quiz = buildQuiz({ ...scope, count: available + 10, seed: 4, maxRounds: 1 });
    expect(quiz).toHaveLength(available);
    const asked = quiz.map((q) => `${q.type}:${q.cardId}:${q.prompt}`);
    expect(new Set(asked).size).toBe(asked.length);
    // Without the limit the same count repeats questions (what a sprint wants).
    expect(buildQuiz({ ...scope, count: available + 10, seed: 4 })).toHaveLength(available + 10);
  });

  it('typed questions only come from cards asking for a command or option', () => {
    const quiz = buildQuiz({ ...base, type: 'typed', count: 40, seed: 3 });
    for (const q of quiz) {
      const card = quizDeck.cards.find((c) => c.id === q.cardId) as Card;
      expect(['meaning-command', 'meaning-option']).toContain(card.kind);
      expect(q.type === 'typed' && q.answers).toEqual(card.answers);
    }
  });

  it('filters by section and takes distractors from the whole deck', () => {
    const quiz = buildQuiz({ ...base, sectionIds: ['options'], type: 'choice', count: 4, seed: 2 });
    expect(quiz).toHaveLength(4);
    for (const q of quiz) {
      const card = quizDeck.cards.find((c) => c.id === q.cardId) as Card;
      expect(card.sectionId).toBe('options');
      // "What does -d do?" offers only option meanings (the fixture has two options).
      expect(q.type === 'choice' && q.choices.length).toBe(card.kind === 'option-meaning' ? 2 : 4);
    }
  });

  it('onboarding: only the lesson cards as questions, distractors from the deck', () => {
    const lesson = quizDeck.cards.filter((c) => c.sectionId === 'volume');
    const quiz = buildQuiz({ cards: lesson, pool: quizDeck.cards, type: 'choice', count: 8, seed: 4, lang: 'ja' });
    expect(quiz).toHaveLength(8);
    expect(new Set(quiz.map((q) => q.cardId))).toEqual(new Set(lesson.map((c) => c.id)));
  });

  it('count 0 or negative yields nothing', () => {
    expect(buildQuiz({ ...base, type: 'choice', count: 0, seed: 1 })).toEqual([]);
    expect(buildQuiz({ ...base, type: 'choice', count: -3, seed: 1 })).toEqual([]);
  });
});

describe('buildTypedQuestion', () => {
  it('asks the description and accepts every alias', () => {
    const card = quizDeck.cards.find((c) => c.key === 'docker container ls' && c.kind === 'meaning-command') as Card;
    const q = buildTypedQuestion(card, { lang: 'ja' });
    expect(q).toMatchObject({ type: 'typed', prompt: 'コンテナ一覧を表示', answers: card.answers, cardId: card.id });
  });
});

describe('properties (fast-check)', () => {
  const cardArb = fc.constantFrom(...quizDeck.cards);
  const seedArb = fc.integer({ min: 0, max: 0xffffffff });

  it('any card, any seed: distinct choices, exactly one correct, at most four', () => {
    fc.assert(
      fc.property(cardArb, seedArb, fc.constantFrom<Lang>('ja', 'en'), (card, seed, lang) => {
        const q = buildChoiceQuestion(card, quizDeck.cards, seed, { lang });
        const texts = q.choices.map((c) => normalizeText(c.text));
        const expected = card.kind === 'fact' ? q.choices.length : card.kind === 'option-meaning' ? 2 : CHOICE_COUNT;
        return (
          q.choices.length === expected &&
          q.choices.length <= CHOICE_COUNT &&
          new Set(texts).size === texts.length &&
          q.choices.filter((c) => c.correct).length === 1 &&
          isCorrectChoice(q, q.correctIndex)
        );
      }),
    );
  });

  it('the correct choice lands on every position over seeds', () => {
    const card = quizDeck.cards.find((c) => c.kind === 'meaning-command') as Card;
    const positions = new Set<number>();
    for (let seed = 0; seed < 64; seed++) positions.add(buildChoiceQuestion(card, quizDeck.cards, seed).correctIndex);
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });

  it('random small decks: never duplicates, never more choices than distinct texts', () => {
    const rowArb = fc.record({ key: fc.stringMatching(/^[a-z]{1,3}( [a-z]{1,3}){0,2}$/), en: fc.stringMatching(/^[a-z]{1,4}$/) });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 6 }), seedArb, (rows, seed) => {
        const unique = rows.filter((r, i) => rows.findIndex((x) => normalizeAnswer(x.key) === normalizeAnswer(r.key)) === i);
        const deck = buildFixtureDeck('rand', [{ id: 's', ja: 's', en: 's', rows: unique.map((r) => ({ ...r, ja: r.en })) }]);
        return deck.cards.every((card) => {
          const q = buildChoiceQuestion(card, deck.cards, seed, { lang: 'en' });
          const texts = q.choices.map((c) => normalizeText(c.text));
          return (
            new Set(texts).size === texts.length &&
            q.choices.filter((c) => c.correct).length === 1 &&
            q.choices.length <= Math.min(CHOICE_COUNT, unique.length)
          );
        });
      }),
    );
  });

  it('buildQuiz is a pure function of its options', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 60 }), fc.constantFrom('choice', 'typed', 'mixed' as const), (seed, count, type) => {
        const a = buildQuiz({ deck: quizDeck, type, count, seed, lang: 'en' });
        const b = buildQuiz({ deck: quizDeck, type, count, seed, lang: 'en' });
        expect(a).toEqual(b);
        expect(a).toHaveLength(count);
      }),
      { numRuns: 30 },
    );
  });
});
