// Typed-answer checking, as a shell user means a command line (command-line.ts): spaces and the
// case of command words do not matter, `sudo` in front of a command is optional, options combine
// and reorder, paired long forms count, option letters keep their case; every documented alias is
// right. Flags are never "extra": a flag changes what a command does, so the row's command with
// a flag its `## Flags` entry asks for (`docker ps -a` for "lists running containers") is wrong,
// with a hint. Anything else (a near miss such as `docker volume prun`) is wrong, with a diff
// against the closest accepted answer, and a hint when only some asked-for flags are missing.
import type { Card } from '../deck/types';
import { commandKey, optionSet, pairLongOptions, parseCommandLine, sameWords, showOption, type CommandLine, type LongOptions } from './command-line';
import { editDistance, type DiffSegment } from './diff';
import { diffTokens } from './token-diff';
import { cleanInput, normalizeCommand, sudoIsOptional } from './normalize';

/**
 * Why a wrong answer was close: the right command without some of the flags the prompt asks for
 * (`missing-flags`), or with flags that change its meaning (`extra-flags`: `docker ps -a` lists
 * every container, not the running ones).
 */
export interface TypedHint {
  kind: 'missing-flags' | 'extra-flags';
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
  /**
   * Flags that change this answer's meaning (the deck's `## Flags` of this row, asked as their own
   * question): the answer with them is wrong, with an `extra-flags` hint.
   */
  meaningFlags?: readonly string[];
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
  const lines = accepted.map((a) => parseCommandLine(a));
  const keys = new Set(lines.map((l) => commandKey(l, longs)));
  const correct = typed !== '' && keys.has(commandKey(line, longs));

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
    diff: correct ? [{ kind: 'same', text: expected }] : diffTokens(typed, expected, longs),
    markedRightByUser: false,
  };
  if (!correct && line.wellFormed) {
    const hint = hintFor(line, lines, longs, card.meaningFlags ?? []);
    if (hint) result.hint = hint;
  }
  return result;
}

/**
 * The right command with only some of the asked flags (`docker ps` for "all containers"), or
 * with flags the deck says change its meaning (`docker ps -a` for "running containers").
 */
function hintFor(line: CommandLine, answers: readonly CommandLine[], longs: LongOptions, meaningFlags: readonly string[]): TypedHint | undefined {
  const have = optionSet(line, longs);
  const changing = new Set(meaningFlags.flatMap((f) => optionSet(parseCommandLine(f), longs)));
  for (const answer of answers) {
    if (!sameWords(line, answer)) continue;
    const want = optionSet(answer, longs);
    const missing = want.filter((o) => !have.includes(o));
    const extra = have.filter((o) => !want.includes(o));
    if (missing.length > 0 && extra.length === 0) return { kind: 'missing-flags', flags: missing.map(showOption) };
    if (extra.length > 0 && missing.length === 0 && extra.every((o) => changing.has(o))) return { kind: 'extra-flags', flags: extra.map(showOption) };
  }
  return undefined;
}

/** "I was right": the learner overrides a wrong verdict (the checker did not know their spelling). */
export function overrideAnswer(result: TypedAnswerResult): TypedAnswerResult {
  return { ...result, markedRightByUser: true };
}

/** Right by the checker or by the learner's override. */
export function isScoredCorrect(result: { correct: boolean; markedRightByUser?: boolean }): boolean {
  return result.correct || result.markedRightByUser === true;
}
