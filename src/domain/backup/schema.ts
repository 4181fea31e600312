// The JSON Schema (draft-07) of the backup file, format version 1. The same object is written to
// docs/backup.schema.json and compiled ahead of time into ./validator.generated.js (the app's
// Content-Security-Policy forbids eval, so the validator cannot be compiled in the browser);
// test/domain/backup/schema-files.test.ts keeps all three in step.
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
    scheduledDays: int(0, 36500),
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
  },
} as const;

const quizResult = {
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
    /** Per question: shape owned by the quiz feature, kept as it is. */
    questions: { type: 'array', items: {} },
  },
} as const;

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

export const BACKUP_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kujira.invalid/backup.schema.json',
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
    quizResults: { type: 'array', items: quizResult },
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
