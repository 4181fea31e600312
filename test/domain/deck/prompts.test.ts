// A default card's frame follows the UI language when the deck lacks it (issue 26: a Japanese-only
// deck asked an English learner 「基本」: メモのこの一文を完成させてください。).
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { frontIn } from '../../../src/domain/deck/prompts';
import { buildChoiceQuestion } from '../../../src/domain/quiz/questions';
import { readDeckFolder } from '../../../scripts/read-decks';

const git = compileDeck(readDeckFolder('test/fixtures/decks/git')).deck!;
const fact = git.cards.find((c) => c.kind === 'fact' && c.front.ja?.startsWith('「基本」: メモのこの一文'))!;

describe('frontIn', () => {
  it('frames a Japanese-only default card in English, the memo\'s words as written', () => {
    expect(frontIn(fact, 'en')).toEqual({ ja: fact.front.ja, en: '基本: complete this line of the memo.\nGitは分散型…' });
    expect(frontIn(fact, 'ja')).toBe(fact.front);
  });

  it('leaves every other front alone', () => {
    const command = git.cards.find((c) => c.kind === 'command-meaning')!;
    expect(frontIn(command, 'en')).toBe(command.front);
    const authored = { kind: 'fact' as const, front: { ja: 'コミットとは？' } };
    expect(frontIn(authored, 'en')).toBe(authored.front);
  });

  it('is what a quiz asks in the English UI', () => {
    const question = buildChoiceQuestion(fact, git.cards, 1, { lang: 'en' });
    expect(question.prompt).toBe('基本: complete this line of the memo.\nGitは分散型…');
  });
});
