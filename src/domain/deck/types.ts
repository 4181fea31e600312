// The compiled deck: what the deck compiler produces and every other part of Kujira reads.
// Pure data (JSON-serialisable), shared by the app, the database layer and the CLI.

/** The languages a deck (and the UI) can be written in. */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** A text in each language the deck has. A one-language deck has only that key. */
export type Localized = Partial<Record<Lang, string>>;

/**
 * What a card asks.
 * - command-meaning: shows a command, asks what it does.
 * - meaning-command: shows a description, asks for the command (the quiz direction).
 * - option-meaning / meaning-option: the same for an option such as `-d`.
 * - fact: a question authored for (or derived from) a bullet of a prose section.
 */
export type CardKind =
  | 'command-meaning'
  | 'meaning-command'
  | 'option-meaning'
  | 'meaning-option'
  | 'fact';

export interface Section {
  /** Stable id within the deck (derived from the section's position-independent key). */
  id: string;
  /** Heading text per language. */
  title: Localized;
  /** 0-based order of the section in the memo: new cards and lessons follow it. */
  order: number;
}

export interface Card {
  /** Stable id: derived from deck id, the command/option/fact key and the kind. */
  id: string;
  deckId: string;
  kind: CardKind;
  /** The command or option (`docker volume prune`, `-d`), or the fact's key. */
  key: string;
  sectionId: string;
  /** 0-based order of the card within the whole deck (memo order). */
  order: number;
  /** Question side, per language. May hold inline code in backticks. */
  front: Localized;
  /** Answer side, per language. */
  back: Localized;
  /** The memo's note column (or a bullet's continuation), per language. */
  note?: Localized;
  /** A correction attached where the memo is out of date or wrong, per language. */
  correction?: Localized;
  /** For cards whose answer is a command or option: every accepted typed answer (first = canonical). */
  answers?: string[];
  /** For command/option cards: the description per language (used by quizzes as choice text). */
  description?: Localized;
  /** Keys (commands/options) a learner confuses with this one: good quiz distractors. */
  confusableWith?: string[];
  /**
   * The memo's own words where the sidecar's `## Meanings` rewrote them (the description of a row,
   * the text of a bullet): shown as "the memo says"; front, back and description hold the fix.
   */
  memo?: Localized;
  /**
   * Other rows (keys) that also fit this row's meaning, or (a fact question) other questions'
   * q:ids whose answers also answer this one: never offered as its quiz distractors.
   */
  alsoRight?: string[];
  /** A fact question: other questions' q:ids whose answers are wrong for this one (`## Not also right`). */
  notAlsoRight?: string[];
  /** Typed questions on this row with added flags (`docker container ls -a`), from `## Flags`. */
  flagged?: FlaggedAnswer[];
  /** Where the card comes from: "FILE:LINE" of the primary-language source. */
  source: string;
}

export interface FlaggedAnswer {
  /** The row's key with the flags added, as the deck writes it: `docker container ls -a`. */
  answer: string;
  /** Other spellings of the added flags (`--all`). */
  spellings: string[];
  /** What the command does with these flags, per language (the typed question's prompt). */
  meaning: Localized;
}

export interface Deck {
  id: string;
  title: Localized;
  /** Languages present, primary (the memo as written) first. */
  languages: Lang[];
  sections: Section[];
  cards: Card[];
  /** Content hash of the compiled deck: unchanged hash means start-up does no deck work. */
  hash: string;
}
