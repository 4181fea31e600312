// Who owns a deck, read off its id: the app (a built-in deck, `decks/<id>/`), a team (a deck its
// lead published, `team:<team database>:<deck id>`), or the learner (a deck added in the app).
// Ids say whose they are, so a team's deck or a synced one never takes a built-in deck's place:
// every path that stores a deck (the Add form, live sync, a team's decks, a backup) asks here.

import { BUILT_IN_DECK_IDS, PLAIN_DECK_ID } from './deck-ids.ts';

export { BUILT_IN_DECK_IDS, DECK_ID, PLAIN_DECK_ID } from './deck-ids.ts';

const TEAM_PREFIX = 'team:';
/**
 * A team deck: `team:<team database name, as a plain id>:<the deck id the lead published>`. A colon,
 * not the `/` of the example: the id is a path segment of `/learn/<deck>/<lesson>`.
 */
const TEAM_DECK_ID = /^team:([a-z0-9][a-z0-9_-]*):([a-z0-9][a-z0-9_-]*)$/;

export type DeckOwner = { kind: 'built-in' } | { kind: 'learner' } | { kind: 'team'; team: string; deckId: string };

/** A team database's name as it appears in its decks' ids (`kujira-team-onboarding`). */
export function teamKey(dbName: string): string {
  const key = dbName
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '');
  return key === '' ? 'team' : key.slice(0, 100);
}

/** The id a team's published deck has in the app: never a built-in's, never another team's. */
export function teamDeckId(dbName: string, publishedId: string): string {
  return `${TEAM_PREFIX}${teamKey(dbName)}:${publishedId}`;
}

export function isTeamDeckId(id: string): boolean {
  return TEAM_DECK_ID.test(id);
}

/** Whose deck this id names, or null when it is not a deck id at all. */
export function deckOwnerOf(id: string): DeckOwner | null {
  const team = TEAM_DECK_ID.exec(id);
  if (team) return { kind: 'team', team: team[1]!, deckId: team[2]! };
  if (!PLAIN_DECK_ID.test(id)) return null;
  return BUILT_IN_DECK_IDS.includes(id) ? { kind: 'built-in' } : { kind: 'learner' };
}

/** Where a deck to be stored comes from. */
export type DeckSource =
  /** Added on this device (the Decks page), or its sources synced from the learner's own devices. */
  | { kind: 'learner' }
  /** Published by the lead of this team database (`teamKey` of its name). */
  | { kind: 'team'; team: string };

/** A deck that may not be stored under this id: `reason` says why (built-in id, another owner's id). */
export class DeckOwnerError extends Error {
  constructor(
    readonly deckId: string,
    readonly reason: 'built-in' | 'not-an-id' | 'other-owner',
  ) {
    super(
      reason === 'built-in'
        ? `"${deckId}" is a built-in deck's id: another deck cannot take its place`
        : reason === 'not-an-id'
          ? `"${deckId}" is not a deck id`
          : `"${deckId}" belongs to another owner`,
    );
    this.name = 'DeckOwnerError';
  }
}

/**
 * Whether a deck from `source` may be stored under `id`: never over a built-in deck; a team's
 * deck only under its own team's ids. The learner's own devices may carry a team deck along
 * (a deck the learner's device stored from a team travels with the rest of their decks).
 */
export function storableDeckIdProblem(id: string, source: DeckSource): DeckOwnerError | null {
  const owner = deckOwnerOf(id);
  if (!owner) return new DeckOwnerError(id, 'not-an-id');
  if (owner.kind === 'built-in') return new DeckOwnerError(id, 'built-in');
  if (source.kind === 'team' && (owner.kind !== 'team' || owner.team !== source.team)) return new DeckOwnerError(id, 'other-owner');
  return null;
}
