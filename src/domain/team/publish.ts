// Publishing a deck as code (`npm run team -- publish`): a new version only when the compiled
// deck differs from the newest published one. Both sides compile the way a member's device does
// (`compileTeamDeck`: the deck id as its folder, the files by their names), so "unchanged" means
// "a member would get the same cards".
import { compileDeck } from '../deck/compile-deck';
import type { DeckSourceFile } from '../deck/deck-files';
import { newestDecks, nextDeckDoc } from './documents';
import type { TeamDeckDoc } from './types';

export type PublishPlan = { kind: 'unchanged'; version: number } | { kind: 'publish'; doc: TeamDeckDoc };

/** The compiled content hash of a deck as a member's device compiles it, or null when it does not compile. */
export function publishedHash(deckId: string, files: readonly DeckSourceFile[]): string | null {
  return compileDeck({ id: deckId, dir: deckId, files }).deck?.hash ?? null;
}

export function planPublish(
  published: readonly TeamDeckDoc[],
  deckId: string,
  files: readonly DeckSourceFile[],
  by: { publishedBy: string; now: number; commit?: string },
): PublishPlan {
  const newest = newestDecks(published.filter((d) => d.deckId === deckId))[0];
  if (newest && publishedHash(deckId, newest.files) === publishedHash(deckId, files)) return { kind: 'unchanged', version: newest.version };
  const doc = nextDeckDoc(published, deckId, files, by.publishedBy, by.now);
  return { kind: 'publish', doc: by.commit ? { ...doc, commit: by.commit } : doc };
}
