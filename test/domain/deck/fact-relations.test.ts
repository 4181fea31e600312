// "Also right" between fact questions holds as a relation (issue 25): the compiler warns, with
// FILE:LINE, on a declared pair whose reverse is declared neither way, on two questions of one
// section declared neither way, on a chain of "also right" whose ends are undeclared, and on an
// answer that leans on its own question; the quiz takes the safe side on every such gap.
import { describe, expect, it } from 'vitest';
import { compileDeck, type DeckSourceFile } from '../../../src/domain/deck/compile-deck';
import { formatDeckError } from '../../../src/domain/deck/errors';
import { leansOnContext } from '../../../src/domain/deck/fact-answers';
import type { Deck } from '../../../src/domain/deck/types';
import { buildQuiz } from '../../../src/domain/quiz/build-quiz';
import type { ChoiceQuestion } from '../../../src/domain/quiz/questions';

// Two sections of three facts each (a, b, c; x, y, z), each fact asked by a named question.
const MEMO = `# T

## One
* first
* second
* third

## Two
* fourth
* fifth
* sixth
`;
const QUESTIONS = `## Questions

### 1.1 q:a
Q: Question A?
A: Answer A

### 1.2 q:b
Q: Question B?
A: Answer B

### 1.3 q:c
Q: Question C?
A: Answer C

### 2.1 q:x
Q: Question X?
A: Answer X

### 2.2 q:y
Q: Question Y?
A: Answer Y

### 2.3 q:z
Q: Question Z?
A: Answer Z
`;
/** Every pair of one section declared "not also right" both ways: a deck with nothing to warn about. */
const ALL_APART = `## Not also right
- \`q:a\`: \`q:b\`, \`q:c\`
- \`q:b\`: \`q:a\`, \`q:c\`
- \`q:c\`: \`q:a\`, \`q:b\`
- \`q:x\`: \`q:y\`, \`q:z\`
- \`q:y\`: \`q:x\`, \`q:z\`
- \`q:z\`: \`q:x\`, \`q:y\`
`;

function compile(notes: string, questions = QUESTIONS) {
  const text = `${notes}\n${questions}`;
  const files: DeckSourceFile[] = [
    { path: 'd/memo.en.md', text: MEMO },
    { path: 'd/notes.en.md', text },
  ];
  const result = compileDeck({ id: 'd', files });
  /** The 1-based line of the notes that starts with `start`. */
  const lineOf = (start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
  return { deck: result.deck as Deck, errors: result.errors.map(formatDeckError), warnings: result.warnings.map(formatDeckError), lineOf };
}

/** Every wrong choice a fact question offers over many seeds, by the question's key. */
function offered(deck: Deck): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let seed = 1; seed <= 40; seed++) {
    for (const q of buildQuiz({ deck, type: 'choice', count: 6, seed, lang: 'en' }) as ChoiceQuestion[]) {
      const key = deck.cards.find((c) => c.id === q.cardId)?.key ?? '';
      const set = out.get(key) ?? new Set<string>();
      for (const c of q.choices) if (!c.correct) set.add(c.text);
      out.set(key, set);
    }
  }
  return out;
}

describe('compile-time warnings', () => {
  it('none when every pair of a section is declared both ways', () => {
    const { errors, warnings } = compile(ALL_APART);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('two questions of one section declared neither way: at the later question\'s heading', () => {
    const notes = ALL_APART.replace('- `q:a`: `q:b`, `q:c`\n', '- `q:a`: `q:c`\n').replace('- `q:b`: `q:a`, `q:c`\n', '- `q:b`: `q:c`\n');
    const { warnings, lineOf } = compile(notes);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^d/notes\\.en\\.md:${lineOf('### 1.2 q:b')}: \`q:b\` and \`q:a\` are questions of section "one"`));
  });

  it('a declared pair that is not symmetric: at the line that declares it', () => {
    const notes = `## Also right\n- \`q:a\`: \`q:b\`\n\n${ALL_APART.replace('- `q:a`: `q:b`, `q:c`\n', '- `q:a`: `q:c`\n').replace('- `q:b`: `q:a`, `q:c`\n', '- `q:b`: `q:c`\n')}`;
    const { errors, warnings } = compile(notes);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^d\/notes\.en\.md:2: not symmetric: `q:b` is declared also right for `q:a`, but nothing says whether `q:a`'s answer is right for `q:b`/)]);
    // Declared back, either way, and the warning is gone.
    expect(compile(notes.replace('- `q:b`: `q:c`', '- `q:b`: `q:a`, `q:c`')).warnings).toEqual([]);
    expect(compile(notes.replace('## Also right\n- `q:a`: `q:b`', '## Also right\n- `q:a`: `q:b`\n- `q:b`: `q:a`')).warnings).toEqual([]);
  });

  it('a chain of "also right" across sections whose ends are undeclared', () => {
    const notes = `## Also right\n- \`q:a\`: \`q:x\`\n- \`q:x\`: \`q:a\`, \`q:y\`\n- \`q:y\`: \`q:x\`\n\n${ALL_APART.replace('- `q:x`: `q:y`, `q:z`', '- `q:x`: `q:z`').replace('- `q:y`: `q:x`, `q:z`', '- `q:y`: `q:z`')}`;
    const { warnings } = compile(notes);
    expect(warnings).toEqual([
      expect.stringMatching(/^d\/notes\.en\.md:2: `q:x` is also right for `q:a` and `q:y` for `q:x`: is `q:y` also right for `q:a`\?/),
      expect.stringMatching(/^d\/notes\.en\.md:4: `q:x` is also right for `q:y` and `q:a` for `q:x`: is `q:a` also right for `q:y`\?/),
    ]);
  });

  it('an answer that leans on its own question, in either language', () => {
    const { warnings, lineOf } = compile(ALL_APART, QUESTIONS.replace('A: Answer B', 'A: Running several copies of it'));
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^d/notes\\.en\\.md:${lineOf('### 1.2 q:b')}: the answer of \`q:b\` leans on its question \\("it"\\)`))]);
    expect(leansOnContext('Running containers from the same image in both', 'en')).toBe('both');
    expect(leansOnContext('Isolating server environments from each other', 'en')).toBeNull();
    expect(leansOnContext('`docker run -it` with its options', 'en')).toBe('its');
    expect(leansOnContext('`it`', 'en')).toBeNull();
    expect(leansOnContext('そのイメージからコンテナを起動すること', 'ja')).toBe('その');
    expect(leansOnContext('それぞれが自分の環境を使えること', 'ja')).toBe('それ');
    expect(leansOnContext('ソフトウェア2が動かなくなるおそれ', 'ja')).toBeNull();
  });

  it('errors: a pair declared both also right and not also right; "not also right" naming a row', () => {
    const both = compile(`## Also right\n- \`q:a\`: \`q:b\`\n\n${ALL_APART}`);
    expect(both.errors).toEqual([expect.stringMatching(/^d\/notes\.en\.md:5: `q:b` is declared also right for `q:a` \(d\/notes\.en\.md:2\) and not also right here: keep one$/)]);
    const row = compile('## Not also right\n- `q:a`: `docker ps`\n');
    expect(row.errors).toEqual(['d/notes.en.md:2: unknown `docker ps`: "not also right" names questions by their q:id']);
  });
});

describe('the quiz takes the safe side where the deck says nothing', () => {
  it('undeclared questions of one section are not offered against each other; other sections are', () => {
    const wrong = offered(compile('').deck);
    expect([...(wrong.get('q:a') ?? [])].sort()).toEqual(['Answer X', 'Answer Y', 'Answer Z']);
    expect([...(wrong.get('q:x') ?? [])].sort()).toEqual(['Answer A', 'Answer B', 'Answer C']);
  });

  it('"not also right" makes a same-section answer a distractor; "also right" one way keeps it out both ways until the reverse is said', () => {
    const apart = offered(compile(ALL_APART).deck);
    expect(apart.get('q:a')).toEqual(new Set(['Answer B', 'Answer C', 'Answer X', 'Answer Y', 'Answer Z']));
    const oneWay = offered(compile(`## Also right\n- \`q:a\`: \`q:x\`\n\n${ALL_APART}`).deck);
    expect(oneWay.get('q:a')?.has('Answer X')).toBe(false);
    expect(oneWay.get('q:x')?.has('Answer A')).toBe(false);
    // The reverse declared "not also right": A's answer is wrong for X's question, so it is offered there.
    const declared = offered(compile(`## Also right\n- \`q:a\`: \`q:x\`\n\n## Not also right\n- \`q:x\`: \`q:a\`\n\n${ALL_APART.replace('## Not also right\n', '')}`).deck);
    expect(declared.get('q:a')?.has('Answer X')).toBe(false);
    expect(declared.get('q:x')?.has('Answer A')).toBe(true);
  });

  it('a chain of two "also right" keeps its far end out; an answer that leans on its question is never offered', () => {
    const chain = offered(compile(`## Also right\n- \`q:a\`: \`q:x\`\n- \`q:x\`: \`q:y\`\n\n${ALL_APART.replace('- `q:x`: `q:y`, `q:z`', '- `q:x`: `q:z`')}`).deck);
    expect(chain.get('q:a')?.has('Answer Y')).toBe(false);
    const leaning = offered(compile(ALL_APART, QUESTIONS.replace('A: Answer B', 'A: Running several copies of it')).deck);
    for (const [key, texts] of leaning) if (key !== 'q:b') expect(texts.has('Running several copies of it'), key).toBe(false);
  });
});
