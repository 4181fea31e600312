// Quiz deep links a team lead can send (`/quiz?mode=timed&shape=exam&deck=docker&section=...`):
// URL parameters <-> typed quiz options. Anything unknown or invalid falls back to its default
// and is reported, so a mistyped link still opens a quiz and the UI can say what was ignored.
import type { QuizType } from './questions';
import type { TimedShape } from './timed-quiz';
import { DECK_ID } from '../deck/deck-ids';

export type QuizMode = 'practice' | 'timed';

export interface QuizParams {
  mode: QuizMode;
  /** Timed quizzes only; null in practice. */
  shape: TimedShape | null;
  /** null: the app's current deck. */
  deckId: string | null;
  /** Empty: every section. */
  sectionIds: string[];
  type: QuizType;
  /** Practice only (an exam is always 20 questions, a sprint lasts 60 s); null when timed. */
  count: number | null;
  /** Fixed seed: everyone opening the link gets the same questions. null: a fresh quiz each time. */
  seed: number | null;
}

export type QuizParamWarningReason = 'unknown-param' | 'invalid-value' | 'not-applicable' | 'repeated';

export interface QuizParamWarning {
  param: string;
  value: string;
  reason: QuizParamWarningReason;
}

export interface ParsedQuizParams {
  options: QuizParams;
  warnings: QuizParamWarning[];
}

export const DEFAULT_PRACTICE_COUNT = 10;
export const MAX_PRACTICE_COUNT = 100;
/**
 * `/quiz?mode=timed` starts the exam: a fixed 20 questions with a visible 15 s countdown is the
 * shape a team lead can compare between members (a sprint score depends on typing speed and
 * luck of the draw), and it is the shape the end-to-end test walks through.
 */
export const DEFAULT_TIMED_SHAPE: TimedShape = 'exam';
export const DEFAULT_QUIZ_TYPE: QuizType = 'choice';

export const DEFAULT_QUIZ_PARAMS: Readonly<QuizParams> = {
  mode: 'practice',
  shape: null,
  deckId: null,
  sectionIds: [],
  type: DEFAULT_QUIZ_TYPE,
  count: DEFAULT_PRACTICE_COUNT,
  seed: null,
};

const KNOWN = ['mode', 'shape', 'deck', 'section', 'type', 'count', 'seed'] as const;
const MODES: readonly QuizMode[] = ['practice', 'timed'];
const SHAPES: readonly TimedShape[] = ['sprint', 'exam'];
const TYPES: readonly QuizType[] = ['choice', 'typed', 'mixed'];
/** Section ids as the compiler makes them (letters, digits, - and _; any script). */
const SECTION_ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const UINT = /^\d{1,10}$/;

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function parseQuizParams(search: URLSearchParams): ParsedQuizParams {
  const warnings: QuizParamWarning[] = [];
  const warn = (param: string, value: string, reason: QuizParamWarningReason): void => {
    warnings.push({ param, value, reason });
  };
  for (const [param, value] of search) {
    if (!(KNOWN as readonly string[]).includes(param)) warn(param, value, 'unknown-param');
  }
  /** The single value of a parameter: the first one, later repeats are reported. */
  const single = (param: string): string | undefined => {
    const all = search.getAll(param).map((v) => v.trim());
    for (const extra of all.slice(1)) warn(param, extra, 'repeated');
    return all[0];
  };

  const rawMode = single('mode');
  const mode = rawMode === undefined ? 'practice' : (oneOf(MODES, rawMode) ?? 'practice');
  if (rawMode !== undefined && !oneOf(MODES, rawMode)) warn('mode', rawMode, 'invalid-value');

  const rawShape = single('shape');
  let shape: TimedShape | null = null;
  if (mode === 'timed') {
    shape = rawShape === undefined ? DEFAULT_TIMED_SHAPE : (oneOf(SHAPES, rawShape) ?? DEFAULT_TIMED_SHAPE);
    if (rawShape !== undefined && !oneOf(SHAPES, rawShape)) warn('shape', rawShape, 'invalid-value');
  } else if (rawShape !== undefined) {
    warn('shape', rawShape, 'not-applicable');
  }

  const rawDeck = single('deck');
  let deckId: string | null = null;
  if (rawDeck !== undefined) {
    if (DECK_ID.test(rawDeck)) deckId = rawDeck;
    else warn('deck', rawDeck, 'invalid-value');
  }

  const sectionIds: string[] = [];
  for (const value of search.getAll('section')) {
    for (const part of value.split(',')) {
      const id = part.trim();
      if (id === '') continue;
      if (!SECTION_ID.test(id)) warn('section', id, 'invalid-value');
      else if (sectionIds.includes(id)) warn('section', id, 'repeated');
      else sectionIds.push(id);
    }
  }

  const rawType = single('type');
  const type = rawType === undefined ? DEFAULT_QUIZ_TYPE : (oneOf(TYPES, rawType) ?? DEFAULT_QUIZ_TYPE);
  if (rawType !== undefined && !oneOf(TYPES, rawType)) warn('type', rawType, 'invalid-value');

  const rawCount = single('count');
  let count: number | null = mode === 'practice' ? DEFAULT_PRACTICE_COUNT : null;
  if (rawCount !== undefined) {
    const n = UINT.test(rawCount) ? Number(rawCount) : NaN;
    if (mode !== 'practice') warn('count', rawCount, 'not-applicable');
    else if (Number.isInteger(n) && n >= 1 && n <= MAX_PRACTICE_COUNT) count = n;
    else warn('count', rawCount, 'invalid-value');
  }

  const rawSeed = single('seed');
  let seed: number | null = null;
  if (rawSeed !== undefined) {
    const n = UINT.test(rawSeed) ? Number(rawSeed) : NaN;
    if (Number.isInteger(n) && n <= 0xffffffff) seed = n;
    else warn('seed', rawSeed, 'invalid-value');
  }

  return { options: { mode, shape, deckId, sectionIds, type, count, seed }, warnings };
}

/**
 * The inverse of `parseQuizParams`: `?...` with only the values that differ from the defaults
 * (so `/quiz` + this is the shortest link), or '' when everything is default. Sections are
 * comma-joined.
 */
export function toQuizSearch(options: QuizParams): string {
  const search = new URLSearchParams();
  if (options.mode !== 'practice') search.set('mode', options.mode);
  if (options.mode === 'timed' && options.shape !== null && options.shape !== DEFAULT_TIMED_SHAPE) {
    search.set('shape', options.shape);
  }
  if (options.deckId !== null) search.set('deck', options.deckId);
  if (options.sectionIds.length > 0) search.set('section', options.sectionIds.join(','));
  if (options.type !== DEFAULT_QUIZ_TYPE) search.set('type', options.type);
  if (options.mode === 'practice' && options.count !== null && options.count !== DEFAULT_PRACTICE_COUNT) {
    search.set('count', String(options.count));
  }
  if (options.seed !== null) search.set('seed', String(options.seed));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
