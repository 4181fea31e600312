// The IndexedDB schema of Kujira: one Dexie class holding every version. Versions are only ever
// added (never edited once released), each calling its data upgrade (src/db/upgrades.ts, loaded
// when one runs) when rows change shape. Rows hold epoch milliseconds and plain JSON;
// src/db/mappers.ts converts them to domain types. Private to src/db: the rest of the app sees
// domain types through src/db/index.ts.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { CardRemap } from '../domain/deck/card-remap';
import type { DeckSourceFile } from '../domain/deck/deck-files';
import type { Card, Deck, Lang, Localized, Section } from '../domain/deck/types';
import type { CardSchedule, ReviewLogEntry } from '../domain/scheduler/types';
import type { Settings } from '../domain/settings/settings';
import type { FlagEvent, LessonEvent, QuizRecord, ResetEvent, SettingsEvent, SuspendEvent, VoidEvent } from '../domain/events/types';
import type { QuarantinedEvent } from '../domain/events/event-store';

/** Which queue a card is in, as an indexable number (IndexedDB cannot index booleans). */
export const QUEUE = { off: -1, new: 0, learning: 1, review: 2 } as const;
export type QueueNumber = (typeof QUEUE)[keyof typeof QUEUE];

export interface DeckRow {
  id: string;
  /** Content hash of the compiled deck last synced: unchanged hash, no work. */
  hash: string;
  /** Bumped each time a changed deck is synced. */
  version: number;
  syncedAt: number;
  title: Localized;
  languages: Lang[];
  sections: Section[];
}

export interface CardRow {
  id: string;
  deckId: string;
  /** 1 when the card is no longer in its deck: out of every queue, history kept. */
  retired: 0 | 1;
  content: Card;
  updatedAt: number;
}

/** A card's schedule with what the queues index. */
export interface CardStateRow extends CardSchedule {
  /** -1 suspended or retired, 0 new, 1 learning/relearning, 2 review. */
  queue: QueueNumber;
}

/**
 * A rating event (src/domain/events/types.ts RatingEvent, its `type` implied and `at` equal to
 * reviewedAt). The reviewLog table holds the LIVE ratings, so every reader (queues, statistics,
 * card info, replay) sees only what counts; a voided rating moves to voidedRatings, unchanged.
 */
export interface ReviewLogRow extends ReviewLogEntry {
  /** The device that rated ('' when unknown: version-1 backups). */
  device: string;
  /** The rating's place in its device's sequence of events (Undo walks it backwards). */
  seq: number;
}

/** The events other than ratings and quiz results. */
export type EventRow = VoidEvent | SuspendEvent | ResetEvent | LessonEvent | SettingsEvent | FlagEvent;

/** This device's identity and event counter. */
export type MetaRow =
  | { key: 'device'; value: string }
  | { key: 'seq'; value: number }
  /** The scheduler the states were computed with (SCHEDULER_FINGERPRINT): a change triggers Repair. */
  | { key: 'scheduler'; value: string }
  /** Imports that added events so far: sync sends everything again (a sweep) when it changes. */
  | { key: 'imports'; value: number }
  /**
   * Cards whose state row may lag their log: a catch-up added their ratings and replays them once
   * at its end (db/stale-cards.ts). Written with the log rows, cleared with the states.
   */
  | { key: 'staleCards'; value: string[] };

/** The one settings row: the settings themselves under a fixed key. */
export interface SettingsRow extends Settings {
  id: 'settings';
}

/** A quiz's record (src/domain/events/types.ts QuizRecord) as stored, with its stamp. */
export interface QuizResultRow extends Omit<QuizRecord, 'questions'> {
  /** Per question: what was asked and answered, as the build that stored it wrote it (read as QuizQuestionRecord). */
  questions: unknown[];
  /** Event stamp (absent on rows older than version 8: device '' and seq 0). */
  device?: string;
  seq?: number;
}

export interface OnboardingRow {
  deckId: string;
  /** Ids of the lessons (sections) completed. */
  completed: string[];
  currentLessonId: string | null;
  updatedAt: number;
  /** The card shown in the current lesson (resume point). */
  cardIndex?: number;
  /** Each completed lesson's check result. */
  results?: Record<string, { lessonId: string; score: number; total: number; durationMs: number; completedAt: number; attempts: number }>;
  /** "Unlock all lessons" (experienced members). */
  unlockAll?: boolean;
  startedAt?: number | null;
}

/** An app-wide flag of this device (not a deck's progress). */
export type AppFlagId = 'welcomeSeen';

export interface AppFlagRow {
  id: AppFlagId;
  value: boolean;
  updatedAt: number;
}

/** A card-id remap (see src/domain/deck/card-remap.ts): an immutable record, never edited. */
export type CardRemapRow = CardRemap;

/**
 * A deck added in the app (not built in): its Markdown sources as given, and the deck they
 * compiled to, so start-up needs no compiler. Removing a deck deletes this row only (the cards
 * and their history stay, retired, for a later re-add) unless history is deleted too.
 */
export interface StoredDeckRow {
  id: string;
  files: DeckSourceFile[];
  deck: Deck;
  addedAt: number;
  updatedAt: number;
  /**
   * The deck's version counter: 1 when added, one more than the newest known version at each
   * update; last-writer-wins between devices orders by it, never by a clock. Rows written before
   * version 10 have none (read as 0).
   */
  version?: number;
}

/** Sync's own records on this device: checkpoints, the sweep done, the server and user name. */
export interface SyncStateRow {
  key: string;
  value: string;
}

/**
 * An event pulled from a sync server that was refused (never applied) or held (stamped too far in
 * this device's future), kept for a person to see: the domain's record plus the table's key.
 */
export interface SyncQuarantineRow extends QuarantinedEvent {
  n?: number;
}

export const DB_NAME = 'kujira';

/**
 * The data upgrade `name` (src/db/upgrades.ts), loaded when it runs: only a database an older
 * version made meets one (a new database is created at the latest version at once), so the first
 * visit does not load them. Dexie.waitFor keeps the upgrade transaction alive while the chunk
 * loads, by spinning reads on the schema's first table (decks, which every version has): awaiting
 * the import alone would let IndexedDB commit the transaction before the upgrade ran.
 */
function upgrade(name: 'fillOnboardingProgress' | 'moveWelcomeFlag' | 'recordAsEvents') {
  return (tx: Transaction) => Dexie.waitFor(import('./upgrades')).then((upgrades): PromiseLike<unknown> => upgrades[name](tx));
}

export class KujiraDB extends Dexie {
  decks!: EntityTable<DeckRow, 'id'>;
  cards!: EntityTable<CardRow, 'id'>;
  cardStates!: EntityTable<CardStateRow, 'cardId'>;
  reviewLog!: EntityTable<ReviewLogRow, 'id'>;
  settings!: EntityTable<SettingsRow, 'id'>;
  quizResults!: EntityTable<QuizResultRow, 'id'>;
  onboarding!: EntityTable<OnboardingRow, 'deckId'>;
  appFlags!: EntityTable<AppFlagRow, 'id'>;
  cardRemaps!: EntityTable<CardRemapRow, 'id'>;
  storedDecks!: EntityTable<StoredDeckRow, 'id'>;
  voidedRatings!: EntityTable<ReviewLogRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  syncQuarantine!: EntityTable<SyncQuarantineRow, 'n'>;

  constructor(name: string = DB_NAME, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, options);
    // Version 1. The queue indexes keep today's queue an index range query:
    // [queue+due] and [deckId+queue+due] give due learning/review cards in due order,
    // [queue+deckId+newRank] gives new cards in deck order.
    this.version(1).stores({
      decks: 'id',
      cards: 'id, deckId',
      cardStates: 'cardId, deckId, [queue+due], [deckId+queue+due], [queue+deckId+newRank]',
      reviewLog: 'id, cardId, reviewedAt, dayKey, [cardId+reviewedAt]',
      settings: 'id',
      quizResults: 'id, mode, deckId, startedAt',
      onboarding: 'deckId',
    });
    // Version 2: every onboarding row carries the whole progress (resume point, check results,
    // unlock-all, start time), so readers need not guess at rows written before those fields
    // existed. Same tables and indexes; only the rows change.
    this.version(2)
      .stores({})
      .upgrade(upgrade('fillOnboardingProgress'));
    // Version 3: app-wide flags get a table of their own; the welcome flag moves out of the
    // onboarding row that pretended to be a deck ('~app').
    this.version(3)
      .stores({ appFlags: 'id' })
      .upgrade(upgrade('moveWelcomeFlag'));
    // Version 5: card-id remaps. When a memo edit
    // gives a card a new id, its review history follows through a remap record instead of the
    // log being rewritten. A new table only: existing rows are untouched.
    this.version(5).stores({
      cardRemaps: 'id, deckId, from, to',
    });
    // Version 7: decks added at run time, with their
    // Markdown sources. A new table only: existing rows are untouched.
    this.version(7).stores({
      storedDecks: 'id',
    });
    // Version 8: the learner's record as immutable events (src/domain/events). Ratings stay in
    // reviewLog (live ones) and gain their origin (device, seq: Undo takes back this device's
    // last rating); voided ratings move to voidedRatings; voids, suspensions, lesson results,
    // settings changes and flags are rows of `events`; `meta` holds this device's id and event
    // counter. The rows that were state (suspended flags, settings, onboarding progress) become
    // events once here and are caches from then on. Undos made before version 8 deleted the
    // rating: those are simply absent.
    this.version(8)
      .stores({
        reviewLog: 'id, cardId, reviewedAt, dayKey, [cardId+reviewedAt], [device+seq]',
        voidedRatings: 'id, cardId',
        events: 'id, type, target, cardId, [device+seq]',
        meta: 'key',
      })
      .upgrade(upgrade('recordAsEvents'));
    // Version 9: live sync. Voided ratings and quiz results get the [device+seq] index the
    // other event tables have, so sync reads this device's new events as index ranges; sync's
    // checkpoints and settings, and the events it refused, get tables of their own.
    this.version(9).stores({
      voidedRatings: 'id, cardId, [device+seq]',
      quizResults: 'id, mode, deckId, startedAt, [device+seq]',
      syncState: 'key',
      syncQuarantine: '++n, [docId+rev]',
    });
    // Version 10 (issue 22, clocks are bounded): documents sync holds because they were stamped too
    // far in this device's future get an index by the time they may be applied. (Decks stored
    // under a built-in deck's id by earlier versions are given back at start-up: db/deck-owners.ts.)
    this.version(10).stores({ syncQuarantine: '++n, [docId+rev], until' });
    // Version 11 (issue 27): the review log keeps only the indexes its queries use. Every index
    // is one more write per rating, and importing or catching up 100,000 ratings is bound by those
    // writes (measured in Chromium: 30,000 rows with these three indexes wrote about a quarter
    // faster than with five). `cardId` was the first part of [cardId+reviewedAt], which Dexie
    // queries as `where('cardId')` all the same (a virtual index); `reviewedAt` was read only by
    // version 8's upgrade, which now sorts the rows itself.
    this.version(11).stores({ reviewLog: 'id, dayKey, [cardId+reviewedAt], [device+seq]' });
  }
}
