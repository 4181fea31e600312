// From deep-link options to the questions of one quiz: which deck (the link's, else the first),
// which of the asked sections exist, a seed (the link's, else a fresh one) and the questions.
import type { Deck, Lang } from '../../domain/deck/types';
import { toQuizSearch, type QuizParams } from '../../domain/quiz/params';
import { type Question } from '../../domain/quiz/questions';
import { buildQuiz } from '../../domain/quiz/build-quiz';
import type { QuizModeKey } from '../../domain/quiz/results';
import { TIMED_SHAPES } from '../../domain/quiz/timed-quiz';

/**
 * A sprint asks until 60 s are up; more than anyone can answer in a minute, so it never runs
 * dry (buildQuiz repeats the deck in fresh rounds).
 */
export const SPRINT_QUESTION_COUNT = 300;

export interface QuizPlan {
  /** The options as run: deckId and seed always set. */
  options: QuizParams & { deckId: string; seed: number };
  deck: Deck;
  modeKey: QuizModeKey;
  /** The seed came from the link (so "Try again" asks the same questions). */
  fixedSeed: boolean;
  questions: Question[];
  /** The link named a deck that is not here (the first deck is used instead). */
  missingDeckId: string | null;
  /** Sections of the link that the deck does not have (ignored). */
  missingSectionIds: string[];
}

/** A fresh seed for a quiz without one (UI code may use randomness; the domain may not). */
export function newSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

export function modeKeyOf(options: Pick<QuizParams, 'mode' | 'shape'>): QuizModeKey {
  return options.mode === 'timed' ? (options.shape ?? 'exam') : 'practice';
}

function questionCount(options: QuizParams): number {
  if (options.mode === 'practice') return options.count ?? 10;
  return options.shape === 'sprint' ? SPRINT_QUESTION_COUNT : (TIMED_SHAPES.exam.questionCount ?? 20);
}

/** null when there is no deck at all. */
export function planQuiz(options: QuizParams, decks: readonly Deck[], lang: Lang, seed: number): QuizPlan | null {
  const named = options.deckId !== null ? decks.find((d) => d.id === options.deckId) : undefined;
  const deck = named ?? decks[0];
  if (!deck) return null;
  const known = new Set(deck.sections.map((s) => s.id));
  const sectionIds = options.sectionIds.filter((id) => known.has(id));
  const missingSectionIds = options.sectionIds.filter((id) => !known.has(id));
  const shape = options.mode === 'timed' ? (options.shape ?? 'exam') : null;
  const resolved = { ...options, shape, deckId: deck.id, sectionIds, seed: options.seed ?? seed };
  const questions = buildQuiz({
    deck,
    sectionIds,
    type: options.type,
    count: questionCount(resolved),
    seed: resolved.seed,
    lang,
    // Practice asks each question once: 20 asked of a choice that holds 10 gives 10, not 10 twice.
    ...(resolved.mode === 'practice' ? { maxRounds: 1 } : {}),
  });
  return {
    options: resolved,
    deck,
    modeKey: modeKeyOf(resolved),
    fixedSeed: options.seed !== null,
    questions,
    missingDeckId: options.deckId !== null && !named ? options.deckId : null,
    missingSectionIds,
  };
}

/**
 * The address that starts a quiz with these options: the shortest deep link, always with `mode`
 * (a link without it opens the start form instead).
 */
export function quizStartHref(options: QuizParams): string {
  const rest = toQuizSearch(options).replace(/^\?/, '');
  if (rest.startsWith('mode=')) return `/quiz?${rest}`;
  return `/quiz?mode=${options.mode}${rest ? `&${rest}` : ''}`;
}
