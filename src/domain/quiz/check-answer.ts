// Typed-answer checking: case, surrounding and repeated spaces do not matter, every documented
// alias is right, `sudo` before a systemctl command is optional, and anything else (a near miss
// such as `docker volume prun`) is wrong, with a diff against the closest accepted answer.
import type { Card } from '../deck/types';
import { diffChars, editDistance, type DiffSegment } from './diff';
import { cleanInput, normalizeAnswer, normalizeCommand, sudoIsOptional } from './normalize';

export interface TypedAnswerResult {
  correct: boolean;
  /** The learner's input, whitespace-collapsed (case kept). */
  input: string;
  /** The accepted answer closest to the input (the one matched when correct). */
  expected: string;
  /** The card's canonical answer (first of `answers`). */
  canonical: string;
  /** Typed vs expected: `missing` = should have typed, `extra` = should not have typed. */
  diff: DiffSegment[];
  /** The learner said "I was right": scored as correct (see `isScoredCorrect`). */
  markedRightByUser: boolean;
}

/** What the checker needs of a card (a TypedQuestion has the same fields). */
export type Answerable = Pick<Card, 'key'> & { answers?: readonly string[] };

/**
 * Accepted spellings as shown to the learner. For systemctl commands both the form with and the
 * one without a leading `sudo ` are listed, so the diff of a right answer is all `same`.
 */
export function acceptedAnswers(card: Answerable): string[] {
  const base = card.answers && card.answers.length > 0 ? card.answers : [card.key];
  const out: string[] = [];
  const add = (s: string): void => {
    if (!out.includes(s)) out.push(s);
  };
  for (const raw of base) {
    const answer = cleanInput(raw);
    add(answer);
    if (sudoIsOptional(normalizeCommand(answer))) {
      add(/^sudo /i.test(answer) ? answer.replace(/^sudo /i, '') : `sudo ${answer}`);
    }
  }
  return out;
}

export function checkTypedAnswer(input: string, card: Answerable): TypedAnswerResult {
  const typed = cleanInput(input);
  const typedNorm = normalizeAnswer(typed);
  const accepted = acceptedAnswers(card);
  const canonical = accepted[0] ?? '';
  const correct = typedNorm !== '' && accepted.some((a) => normalizeAnswer(a) === typedNorm);

  // Closest by edit distance on the literal normalized text (so `sudo` typed matches the sudo
  // form); ties go to the earlier (canonical first) answer.
  const literal = normalizeCommand(typed);
  let expected = canonical;
  let best = Infinity;
  for (const answer of accepted) {
    const d = editDistance(literal, normalizeCommand(answer));
    if (d < best) {
      best = d;
      expected = answer;
    }
  }
  return { correct, input: typed, expected, canonical, diff: diffChars(typed, expected), markedRightByUser: false };
}

/** "I was right": the learner overrides a wrong verdict (the checker did not know their spelling). */
export function overrideAnswer(result: TypedAnswerResult): TypedAnswerResult {
  return { ...result, markedRightByUser: true };
}

/** Right by the checker or by the learner's override. */
export function isScoredCorrect(result: { correct: boolean; markedRightByUser?: boolean }): boolean {
  return result.correct || result.markedRightByUser === true;
}
