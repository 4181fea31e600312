// The deck ids every layer checks, alone in a small module: start-up (the database upgrade, the
// settings) needs them on the first visit, the rest of the owner rules (deck-owner.ts) loads later.

/**
 * The built-in decks' ids, reserved on every path that stores a deck (deck-owner.ts). Listed here
 * (not read from `decks/`) so the rule stays pure and an id stays reserved even if its deck is ever
 * dropped; test/domain/deck/deck-owner.test.ts fails while a folder in `decks/` is missing here.
 */
export const BUILT_IN_DECK_IDS: readonly string[] = ['docker'];

/** A deck id of the learner's or a built-in one: lowercase letters, digits, - and _. */
export const PLAIN_DECK_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** Any deck id the app can hold (what the compiler accepts): plain, or a team's `team:<team>:<id>`. */
export const DECK_ID = /^(?:team:[a-z0-9][a-z0-9_-]*:)?[a-z0-9][a-z0-9_-]*$/;
