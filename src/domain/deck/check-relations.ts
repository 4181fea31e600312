// Warnings on what a deck says about its fact questions' answers, so that "also right" holds as
// a relation and not as a list someone kept by hand (issue 25):
// - a declared pair (`## Also right` or `## Not also right`: for q:a, q:b's answer is / is not
//   right too) whose reverse (for q:b, q:a's answer) is declared neither way;
// - two authored questions of one section (one topic: a list of uses, of advantages) with no
//   declaration either way: each answer may answer the other question;
// - a chain: q:b also right for q:a, q:c for q:b, and nothing said about q:c for q:a;
// - an authored answer that leans on its own question's context ("it", "both", 「その」).
// Until the deck says, the quiz takes the safe side (fact-answers.ts, quiz/distractors.ts): such
// an answer is not offered as a wrong choice there.
import { relationKey, type CollectedNotes, type CollectedQuestion } from './collect-notes.ts';
import { deckError, type DeckError } from './errors.ts';
import { leansOnContext } from './fact-answers.ts';
import type { Side } from './side.ts';

export function checkFactRelations(notes: CollectedNotes, sides: readonly Side[], sectionIds: readonly string[], warnings: DeckError[]): void {
  const questions = [...notes.questions.entries()].map(([key, q]) => ({ key, q }));
  const byKey = new Map(questions.map((x) => [x.key, x.q]));
  const where = (q: CollectedQuestion): { file: string; line: number } | undefined => {
    for (const side of sides) {
      const at = q.where.get(side.lang);
      if (at) return at;
    }
    return undefined;
  };
  const name = (key: string, q: CollectedQuestion): string =>
    q.named ? `\`${key}\`` : `the question ${q.k ?? 1} on ${sectionIds[q.ref.section] ?? q.ref.section + 1}.${q.ref.bullet + 1} (give it a q:id to declare it)`;
  const declared = (question: string, other: string): boolean => notes.relations.has(relationKey(question, other));

  // A declared pair between questions whose reverse is declared neither way.
  for (const [pair, at] of notes.relations) {
    const [question = '', other = ''] = pair.split('\n');
    if (!byKey.has(question) || !byKey.has(other) || declared(other, question)) continue;
    const said = at.kind === 'also' ? 'also right' : 'not also right';
    warnings.push(deckError(at.file, at.line, `not symmetric: \`${other}\` is declared ${said} for \`${question}\`, but nothing says whether \`${question}\`'s answer is right for \`${other}\`: list \`${question}\` under Also right or Not also right of \`${other}\` (until then neither is offered as a wrong choice for the other)`));
  }

  // Two authored questions of one section, declared neither way.
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const a = questions[i];
      const b = questions[j];
      if (!a || !b || a.q.ref.section !== b.q.ref.section) continue;
      if (declared(a.key, b.key) || declared(b.key, a.key)) continue;
      const at = where(b.q);
      if (!at) continue;
      const section = sectionIds[a.q.ref.section] ?? String(a.q.ref.section + 1);
      warnings.push(deckError(at.file, at.line, `${name(b.key, b.q)} and ${name(a.key, a.q)} are questions of section "${section}", so each answer may answer the other: declare each for the other under Also right or Not also right (until then neither is offered as a wrong choice for the other)`));
    }
  }

  // A chain of "also right" with its ends undeclared (across sections; one section is covered above).
  const reported = new Set<string>();
  for (const [question, others] of notes.alsoRight) {
    const q = byKey.get(question);
    if (!q) continue;
    for (const middle of others) {
      for (const end of notes.alsoRight.get(middle) ?? []) {
        const e = byKey.get(end);
        if (!e || end === question || declared(question, end) || e.ref.section === q.ref.section) continue;
        if (reported.has(relationKey(question, end))) continue;
        reported.add(relationKey(question, end));
        const at = notes.relations.get(relationKey(question, middle));
        if (!at) continue;
        warnings.push(deckError(at.file, at.line, `\`${middle}\` is also right for \`${question}\` and \`${end}\` for \`${middle}\`: is \`${end}\` also right for \`${question}\`? List it under Also right or Not also right of \`${question}\` (until then it is not offered as a wrong choice there)`));
      }
    }
  }

  // Authored answers that lean on their own question.
  for (const { key, q } of questions) {
    for (const side of sides) {
      const answer = q.text[side.lang]?.a;
      const at = q.where.get(side.lang);
      const word = answer === undefined ? null : leansOnContext(answer, side.lang);
      if (!word || !at) continue;
      warnings.push(deckError(at.file, at.line, `the answer of ${name(key, q)} leans on its question ("${word}"): it is not offered as a wrong choice for other questions; rewrite it to stand on its own`));
    }
  }
}
