// Typed-answer checking, as a shell user means a command line (command-line.ts): spaces and the
// case of command words do not matter, `sudo` in front is optional, options combine and reorder,
// paired long forms count, option letters keep their case; every documented alias is right.
// Anything else (a near miss such as `docker volume prun`) is wrong, with a diff against the
// closest accepted answer, and a hint when only some asked-for flags are missing.
import type { Card } from '../deck/types';
import { commandKey, optionSet, pairLongOptions, parseCommandLine, sameWords, showOption, type CommandLine } from './command-line';
import { diffChars, editDistance, type DiffSegment } from './diff';
import { cleanInput, normalizeCommand, sudoIsOptional } from './normalize';

/** Why a wrong answer was close: the right command without some of the flags the prompt asks for. */
export interface TypedHint {
  kind: 'missing-flags';
  /** As typed on a command line: `-a`. */
  flags: string[];
}

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
  hint?: TypedHint;
}

/** What the checker needs of a card (a TypedQuestion has the same fields). */
export type Answerable = Pick<Card, 'key'> & {
  answers?: readonly string[];
  /** Flags that may be added without changing the meaning (the deck's `## Flags` of this row). */
  optionalFlags?: readonly string[];
};

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

/** Long option -> short letter, from the accepted answers that spell the canonical's flags long. */
function longOptionsOf(answers: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  const [canonical, ...rest] = answers;
  if (canonical === undefined) return map;
  for (const alias of rest) for (const [long, short] of pairLongOptions(canonical, alias)) map.set(long, short);
  return map;
}

export function checkTypedAnswer(input: string, card: Answerable): TypedAnswerResult {
  const typed = cleanInput(input);
  const accepted = acceptedAnswers(card);
  const canonical = accepted[0] ?? '';
  const longs = longOptionsOf(accepted);
  const line = parseCommandLine(typed);
  const optional = new Set((card.optionalFlags ?? []).flatMap((f) => optionSet(parseCommandLine(f), longs)));
  // Flags the deck says keep the meaning are dropped from the input before comparing.
  const withoutOptional: CommandLine = { ...line, options: line.options.filter((o) => !optional.has(longs.get(o) ?? o)) };
  const lines = accepted.map((a) => parseCommandLine(a));
  const keys = new Set(lines.map((l) => commandKey(l, longs)));
  const correct = typed !== '' && (keys.has(commandKey(line, longs)) || keys.has(commandKey(withoutOptional, longs)));

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
  const result: TypedAnswerResult = {
    correct,
    input: typed,
    expected,
    canonical,
    diff: correct ? [{ kind: 'same', text: expected }] : diffChars(typed, expected),
    markedRightByUser: false,
  };
  if (!correct && line.wellFormed) {
    // The right command with only some of the asked flags (`docker ps` for "all containers").
    const have = new Set(optionSet(line, longs));
    for (const answer of lines) {
      const want = optionSet(answer, longs);
      const missing = want.filter((o) => !have.has(o));
      if (sameWords(line, answer) && missing.length > 0 && [...have].every((o) => want.includes(o))) {
        result.hint = { kind: 'missing-flags', flags: missing.map(showOption) };
        break;
      }
    }
  }
  return result;
}

/** "I was right": the learner overrides a wrong verdict (the checker did not know their spelling). */
export function overrideAnswer(result: TypedAnswerResult): TypedAnswerResult {
  return { ...result, markedRightByUser: true };
}

/** Right by the checker or by the learner's override. */
export function isScoredCorrect(result: { correct: boolean; markedRightByUser?: boolean }): boolean {
  return result.correct || result.markedRightByUser === true;
}
