// The JSON Schemas (draft-07) of the backup file: format version 2 (events; what the app writes)
// and version 1 (rows; still read). They are written to docs/backup.schema.json and
// docs/backup-v1.schema.json and compiled ahead of time into ./validator.generated.js (the app's
// Content-Security-Policy forbids eval, so the validator cannot be compiled in the browser);
// `npm run backup-schema` writes the three; test/domain/backup/schema-files.test.ts keeps them in step.
// Strings use `pattern` rather than minLength/maxLength so the compiled validator needs no
// runtime helper module.

const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;
const EPOCH_MS = int(0, 8_640_000_000_000_000);
const ID = { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' } as const;
const TEXT = { type: 'string', pattern: '^[^\\u0000-\\u001f]{1,500}$' } as const;
const KIND = { enum: ['new', 'learning', 'review', 'relearning'] } as const;
const STEPS = { type: 'array', maxItems: 20, items: { type: 'string', pattern: '^\\d{1,6}(\\.\\d{1,6})?[mhd]$' } } as const;
const DAY_KEY = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' } as const;
const TIME_ZONE = { type: 'string', pattern: '^[A-Za-z0-9_+\\-/]{1,64}$' } as const;

const params = {
  type: 'object',
  additionalProperties: false,
  required: ['desiredRetention', 'maximumInterval', 'enableFuzz', 'learningSteps', 'relearningSteps'],
  properties: {
    desiredRetention: { type: 'number', minimum: 0.7, maximum: 0.97 },
    maximumInterval: int(1, 36500),
    enableFuzz: { type: 'boolean' },
    learningSteps: STEPS,
    relearningSteps: STEPS,
    // Lengths and ranges ts-fsrs accepts are checked in ../events/check.ts (they depend on the index).
    weights: { type: 'array', minItems: 17, maxItems: 21, items: { type: 'number', minimum: -100, maximum: 100 } },
  },
} as const;

const reviewEntry = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id', 'cardId', 'deckId', 'rating', 'reviewedAt', 'durationMs', 'dayKey', 'timeZone', 'dayStartHour',
    'params', 'prevState', 'nextState', 'scheduledDays', 'due',
  ],
  properties: {
    id: ID,
    cardId: TEXT,
    deckId: TEXT,
    rating: { enum: [1, 2, 3, 4] },
    reviewedAt: EPOCH_MS,
    durationMs: int(0, 3_600_000),
    dayKey: DAY_KEY,
    timeZone: TIME_ZONE,
    dayStartHour: int(0, 23),
    params,
    prevState: KIND,
    nextState: KIND,
    // Logs written before the maximum-interval fix (issue 18) can hold 36501 and 36502.
    scheduledDays: int(0, 36502),
    due: EPOCH_MS,
  },
} as const;

const settings = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: [
    'language', 'showBothLanguages', 'desiredRetention', 'maximumInterval', 'enableFuzz', 'newPerDay',
    'maxReviewsPerDay', 'dayStartHour', 'theme', 'timeZone',
  ],
  properties: {
    language: { enum: ['ja', 'en', null] },
    showBothLanguages: { type: 'boolean' },
    desiredRetention: { type: 'number', minimum: 0.7, maximum: 0.97 },
    maximumInterval: int(1, 36500),
    enableFuzz: { type: 'boolean' },
    newPerDay: int(0, 9999),
    maxReviewsPerDay: int(0, 99999),
    dayStartHour: int(0, 23),
    theme: { enum: ['system', 'light', 'dark'] },
    timeZone: { anyOf: [TIME_ZONE, { type: 'null' }] },
    loadBalancing: { type: 'boolean' },
    easyDays: { type: 'array', minItems: 7, maxItems: 7, items: int(0, 100) },
    // Personal FSRS parameters (src/domain/optimizer/fitted-params.ts): the model version and its
    // weights; whether the weights suit the model is checked in ../events/check.ts.
    fsrsParams: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['model', 'weights'],
          properties: {
            model: { type: 'string', pattern: '^[\\x21-\\x7e]{1,40}$' },
            weights: { type: 'array', minItems: 1, maxItems: 64, items: { type: 'number', minimum: -100, maximum: 100 } },
          },
        },
      ],
    },
    deckRetention: {
      type: 'object',
      maxProperties: 10_000,
      propertyNames: TEXT,
      additionalProperties: { type: 'number', minimum: 0.7, maximum: 0.97 },
    },
  },
} as const;

const SHORT = { type: 'string', pattern: '^[\\s\\S]{0,2000}$' } as const;
const MONO_MS = { type: 'number', minimum: 0, maximum: 1e15 } as const;

/**
 * One answered question of a stored quiz (src/domain/quiz/answer-record.ts): what the history
 * reads. The typed answer's hint kinds grew in format 2 (`extra-flags`); format 1 stays as it was.
 */
const questionOf = <K extends readonly string[]>(hintKinds: K) => ({
  type: 'object',
  required: [
    'questionId', 'cardId', 'questionType', 'prompt', 'response', 'yourAnswer', 'rightAnswer', 'correct',
    'markedRightByUser', 'timedOut', 'shownAt', 'answeredAt', 'elapsedMs', 'typed',
  ],
  additionalProperties: false,
  properties: {
    questionId: SHORT,
    cardId: SHORT,
    questionType: { enum: ['choice', 'typed'] },
    prompt: SHORT,
    response: { anyOf: [{ type: 'integer', minimum: 0, maximum: 100 }, SHORT, { type: 'null' }] },
    yourAnswer: { anyOf: [SHORT, { type: 'null' }] },
    rightAnswer: SHORT,
    correct: { type: 'boolean' },
    markedRightByUser: { type: 'boolean' },
    timedOut: { type: 'boolean' },
    shownAt: MONO_MS,
    answeredAt: MONO_MS,
    elapsedMs: MONO_MS,
    typed: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['correct', 'input', 'expected', 'canonical', 'diff', 'markedRightByUser'],
          properties: {
            correct: { type: 'boolean' },
            input: SHORT,
            expected: SHORT,
            canonical: SHORT,
            diff: {
              type: 'array',
              maxItems: 2000,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['text', 'kind'],
                properties: { text: SHORT, kind: { enum: ['same', 'missing', 'extra'] } },
              },
            },
            markedRightByUser: { type: 'boolean' },
            hint: {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'flags'],
              properties: { kind: { enum: hintKinds }, flags: { type: 'array', maxItems: 50, items: SHORT } },
            },
          },
        },
      ],
    },
  },
}) as const;

const quizResultOf = <K extends readonly string[]>(hintKinds: K) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'mode', 'deckId', 'startedAt', 'finishedAt', 'score', 'total', 'questions'],
  properties: {
    id: ID,
    mode: TEXT,
    deckId: TEXT,
    startedAt: EPOCH_MS,
    finishedAt: { anyOf: [EPOCH_MS, { type: 'null' }] },
    score: int(0, 1_000_000),
    total: int(0, 1_000_000),
    questions: { type: 'array', maxItems: 10_000, items: questionOf(hintKinds) },
  },
}) as const;
const quizResultV1 = quizResultOf(['missing-flags'] as const);
const quizResult = quizResultOf(['missing-flags', 'extra-flags'] as const);

const onboarding = {
  type: 'object',
  additionalProperties: false,
  required: ['deckId', 'completed', 'currentLessonId', 'updatedAt'],
  properties: {
    deckId: TEXT,
    completed: { type: 'array', items: TEXT },
    currentLessonId: { anyOf: [TEXT, { type: 'null' }] },
    updatedAt: EPOCH_MS,
  },
} as const;

export const BACKUP_SCHEMA_V1 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kujira.invalid/backup-v1.schema.json',
  title: 'Kujira backup, format version 1',
  description:
    'Everything Kujira learned about its user on one device: the review log (source of truth of every schedule), settings, quiz results, onboarding progress, suspended cards and deck versions. See docs/backup.md.',
  type: 'object',
  additionalProperties: false,
  required: [
    'format', 'version', 'exportedAt', 'checksum', 'reviewLog', 'settings', 'quizResults', 'onboarding',
    'suspended', 'deckVersions',
  ],
  properties: {
    format: { const: 'kujira-backup' },
    version: { const: 1 },
    exportedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' },
    checksum: { type: 'string', pattern: '^[0-9a-f]{14}$' },
    reviewLog: { type: 'array', items: reviewEntry },
    settings,
    quizResults: { type: 'array', items: quizResultV1 },
    onboarding: { type: 'array', items: onboarding },
    suspended: { type: 'array', items: TEXT },
    deckVersions: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'hash'],
        properties: { version: int(0, 1_000_000_000), hash: { type: 'string', pattern: '^[\\x21-\\x7e]{0,200}$' } },
      },
    },
  },
} as const;

// ---- Version 2: events ----------------------------------------------------------------------

/** The fields every event has (see src/domain/events/types.ts). */
const stamp = (type: string) =>
  ({
    id: ID,
    type: { const: type },
    at: EPOCH_MS,
    device: { type: 'string', pattern: '^[\\x21-\\x7e]{0,100}$' },
    seq: int(0, 1e12),
  }) as const;
const STAMP_FIELDS = ['id', 'type', 'at', 'device', 'seq'] as const;

const event = <P extends Record<string, unknown>>(type: string, required: readonly string[], properties: P) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: [...STAMP_FIELDS, ...required],
    properties: { ...stamp(type), ...properties },
  }) as const;

const ratingEvent = event('rating', reviewEntry.required.filter((k) => k !== 'id'), reviewEntry.properties);
const voidEvent = event('void', ['target'], { target: ID });
const suspendEvent = event('suspend', ['cardId', 'suspended'], { cardId: TEXT, suspended: { type: 'boolean' } });
const resetEvent = event('reset', ['cardId'], { cardId: TEXT });
const lessonEvent = event('lesson', ['deckId', 'lessonId', 'result'], {
  deckId: TEXT,
  lessonId: TEXT,
  result: {
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        additionalProperties: false,
        required: ['score', 'total', 'durationMs', 'attempts'],
        properties: { score: int(0, 100_000), total: int(0, 100_000), durationMs: int(0, 1e10), attempts: int(1, 100_000) },
      },
    ],
  },
});
const quizEvent = event('quiz', quizResult.required.filter((k) => k !== 'id'), quizResult.properties);
const settingsEvent = event('settings', ['changes'], {
  changes: { ...settings, type: 'object', required: [], minProperties: 1 },
});
const flagEvent = event('flag', ['key', 'value'], { key: TEXT, value: { type: 'boolean' } });

export const BACKUP_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kujira.invalid/backup.schema.json',
  title: 'Kujira backup, format version 2',
  description:
    'Everything Kujira learned about its user, as immutable events with stable ids: ratings, voids (undo), suspensions, resets (a card sent back to learning), lesson results, quiz results, settings changes and flags. Merging is the union by id. See docs/backup.md.',
  type: 'object',
  additionalProperties: false,
  required: [
    'format', 'version', 'exportedAt', 'checksum', 'device', 'ratings', 'voids', 'suspensions', 'lessons',
    'quizResults', 'settings', 'flags', 'deckVersions',
  ],
  properties: {
    format: { const: 'kujira-backup' },
    version: { const: 2 },
    exportedAt: BACKUP_SCHEMA_V1.properties.exportedAt,
    checksum: BACKUP_SCHEMA_V1.properties.checksum,
    device: { type: 'string', pattern: '^[\\x21-\\x7e]{0,100}$' },
    ratings: { type: 'array', items: ratingEvent },
    voids: { type: 'array', items: voidEvent },
    suspensions: { type: 'array', items: suspendEvent },
    lessons: { type: 'array', items: lessonEvent },
    quizResults: { type: 'array', items: quizEvent },
    settings: { type: 'array', items: settingsEvent },
    flags: { type: 'array', items: flagEvent },
    // Optional: added after format 2 first shipped (files written before it have none).
    resets: { type: 'array', items: resetEvent },
    deckVersions: BACKUP_SCHEMA_V1.properties.deckVersions,
  },
} as const;
