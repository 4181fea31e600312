// What the quiz engine promises for any compiled deck, as table-driven tests: registered for the
// fixture deck and for the real Docker deck compiled from decks/docker (decks.test.ts).
import { describe, expect, it } from 'vitest';
import type { Card, Deck, Lang } from '../../../src/domain/deck/types';
import { checkTypedAnswer } from '../../../src/domain/quiz/check-answer';
import { answerShape } from '../../../src/domain/quiz/distractors';
import { normalizeAnswer, normalizeText } from '../../../src/domain/quiz/normalize';
import { buildChoiceQuestion, CHOICE_COUNT } from '../../../src/domain/quiz/questions';
import { buildQuiz } from '../../../src/domain/quiz/build-quiz';

/** Near misses of an answer: each single-character deletion, each pair of neighbouring words swapped. */
export function nearMisses(answer: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < answer.length; i++) {
    if (answer[i] !== ' ') out.push(answer.slice(0, i) + answer.slice(i + 1));
  }
  const words = answer.split(' ');
  for (let i = 0; i + 1 < words.length; i++) {
    // Two options swapped mean the same (`--tty --interactive`): not a near miss.
    if (words[i]?.startsWith('-') && words[i + 1]?.startsWith('-')) continue;
    const swapped = [...words];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1] as string, swapped[i] as string];
    out.push(swapped.join(' '));
  }
  return out;
}

/** Upper-cases the command words of a line, never its options (`-d` and `-D` differ). */
function upperWords(line: string): string {
  return line.split(' ').map((w) => (w.startsWith('-') ? w : w.toUpperCase())).join(' ');
}

/**
 * Accepted spellings dressed up: extra and odd spaces, upper-case command words, full-width IME
 * input, `sudo` added or dropped in front.
 */
export function spellingVariants(answer: string): string[] {
  const bare = answer.replace(/^sudo /, '');
  const variants = [
    answer,
    `  ${answer}  `,
    answer.replace(/ /g, '   '),
    upperWords(answer),
    `\t${answer.replace(/ /g, ' \t ')}\n`,
    answer.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000'),
  ];
  if (!bare.startsWith('-')) variants.push(bare, `sudo ${bare}`, `SUDO  ${upperWords(bare)}`);
  return variants;
}

export function describeQuizContract(name: string, deck: Deck): void {
  const keyCards = deck.cards.filter((c) => c.kind !== 'fact');
  const askCards = deck.cards.filter((c) => c.kind === 'meaning-command' || c.kind === 'meaning-option');
  const facts = deck.cards.filter((c) => c.kind === 'fact');
  const byId = new Map(deck.cards.map((c) => [c.id, c]));
  const acceptedSet = (card: Card): Set<string> => new Set((card.answers ?? [card.key]).map(normalizeAnswer));

  // "What does -d do?" offers only option meanings: as many as the deck's option rows give.
  const optionRows = new Set(deck.cards.filter((c) => c.kind === 'option-meaning').map((c) => c.key)).size;
  const choiceCount = (card: Card): number => (card.kind === 'option-meaning' ? Math.min(CHOICE_COUNT, optionRows) : CHOICE_COUNT);

  describe(`${name}: multiple choice on every command/option card`, () => {
    for (const lang of deck.languages as Lang[]) {
      it.each(keyCards.map((c) => [c.kind, c.key, c] as const))(`${lang}: %s %s`, (_kind, _key, card) => {
        for (const seed of [1, 2, 3]) {
          const q = buildChoiceQuestion(card, deck.cards, seed, { lang });
          expect(q.choices).toHaveLength(choiceCount(card));
          expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
          expect(q.choices[q.correctIndex]).toMatchObject({ correct: true, cardId: card.id });
          const texts = q.choices.map((c) => normalizeText(c.text));
          expect(new Set(texts).size, texts.join(' | ')).toBe(choiceCount(card));
          const aliases = acceptedSet(card);
          const meaning = normalizeText(card.description?.[lang] ?? '');
          for (const choice of q.choices.filter((c) => !c.correct)) {
            if (choice.cardId === '') {
              // An option named only in the notes: a key, offered for "which option ...?".
              expect(card.kind).toBe('meaning-option');
              expect(card.confusableWith).toContain(choice.text);
              continue;
            }
            const source = byId.get(choice.cardId) as Card;
            if (card.kind === 'option-meaning') expect(source.kind).toMatch(/option/);
            expect(card.alsoRight ?? []).not.toContain(source.key);
            expect(source.alsoRight ?? []).not.toContain(card.key);
            expect(aliases.has(normalizeAnswer(source.key)), `${source.key} is an alias of ${card.key}`).toBe(false);
            for (const a of source.answers ?? []) expect(aliases.has(normalizeAnswer(a))).toBe(false);
            expect(normalizeText(source.description?.[lang] ?? '')).not.toBe(meaning);
          }
          const correct = q.choices[q.correctIndex]?.text;
          if (q.direction === 'meaning-to-key') {
            expect(q).toMatchObject({ prompt: card.description?.[lang], promptKind: 'text', choiceKind: 'code' });
            expect(correct).toBe(card.key);
          } else {
            expect(q).toMatchObject({ direction: 'key-to-meaning', prompt: card.key, promptKind: 'code', choiceKind: 'text' });
            expect(correct).toBe(card.description?.[lang]);
          }
        }
      });
    }
  });

  describe(`${name}: multiple choice on every fact card`, () => {
    for (const lang of deck.languages as Lang[]) {
      it.each(facts.map((c) => [c.key, c] as const))(`${lang}: %s`, (_key, card) => {
        const shape = answerShape(card.back[lang] ?? '', lang);
        const sameShape = new Set(facts.filter((f) => answerShape(f.back[lang] ?? '', lang) === shape).map((f) => normalizeText(f.back[lang] ?? '')));
        const q = buildChoiceQuestion(card, deck.cards, 5, { lang });
        expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
        expect(q.choices.length).toBe(Math.min(CHOICE_COUNT, sameShape.size));
        expect(new Set(q.choices.map((c) => normalizeText(c.text))).size).toBe(q.choices.length);
        expect(q.choices.every((c) => byId.get(c.cardId)?.kind === 'fact')).toBe(true);
        // Same grammatical shape: the answer cannot be picked from its grammar alone.
        for (const c of q.choices) expect(answerShape(c.text, lang), c.text).toBe(shape);
      });
    }
  });

  describe(`${name}: typed answers`, () => {
    it.each(askCards.map((c) => [c.key, c] as const))('%s: every accepted spelling passes', (_key, card) => {
      expect(card.answers?.length).toBeGreaterThan(0);
      for (const answer of card.answers ?? []) {
        for (const input of spellingVariants(answer)) {
          const result = checkTypedAnswer(input, card);
          expect(result.correct, JSON.stringify(input)).toBe(true);
          expect(result.diff.every((s) => s.kind === 'same')).toBe(true);
        }
      }
    });

    it.each(askCards.map((c) => [c.key, c] as const))('%s: near misses and other commands fail', (_key, card) => {
      const accepted = acceptedSet(card);
      const wrong = [
        ...(card.answers ?? []).flatMap(nearMisses),
        ...askCards.filter((o) => o.key !== card.key).flatMap((o) => o.answers ?? [o.key]),
        ...(card.answers ?? []).map((a) => `${a}x`),
        '',
      ].filter((input) => !accepted.has(normalizeAnswer(input)));
      expect(wrong.length).toBeGreaterThan(askCards.length - 1);
      for (const input of wrong) {
        const result = checkTypedAnswer(input, card);
        expect(result.correct, JSON.stringify(input)).toBe(false);
        if (input !== '') expect(result.diff.some((s) => s.kind !== 'same')).toBe(true);
      }
    });
  });

  describe(`${name}: quizzes`, () => {
    it('same seed, same quiz; different seed, different order', () => {
      for (const type of ['choice', 'typed', 'mixed'] as const) {
        const a = buildQuiz({ deck, type, count: 20, seed: 2024, lang: deck.languages[0] as Lang });
        expect(a).toHaveLength(20);
        expect(buildQuiz({ deck, type, count: 20, seed: 2024, lang: deck.languages[0] as Lang })).toEqual(a);
        const b = buildQuiz({ deck, type, count: 20, seed: 2025, lang: deck.languages[0] as Lang });
        expect(b.map((q) => q.cardId)).not.toEqual(a.map((q) => q.cardId));
      }
    });

    it('every section alone makes a full quiz of four-choice questions', () => {
      for (const section of deck.sections) {
        const quiz = buildQuiz({ deck, sectionIds: [section.id], type: 'choice', count: 5, seed: 1, lang: deck.languages[0] as Lang });
        expect(quiz.length, section.id).toBe(5);
        for (const q of quiz) {
          const card = byId.get(q.cardId) as Card;
          expect(card.sectionId).toBe(section.id);
          if (q.type === 'choice' && q.direction !== 'fact') expect(q.choices).toHaveLength(choiceCount(card));
        }
      }
    });
  });
}
