// Decks have owners (issue 22): ids say whose a deck is, a built-in id is reserved on every path
// that stores a deck, and a team's published deck gets an id no built-in or other team can have.
import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DECK_IDS, DECK_ID, deckOwnerOf, storableDeckIdProblem, teamDeckId, teamKey } from '../../../src/domain/deck/deck-owner';
import { canonicalFilesKey, compareDeckVersions } from '../../../src/domain/deck/deck-versions';
import { localTeamContent, publishedDeckId } from '../../../src/domain/team/documents';
import type { AssignmentDoc, TeamDeckDoc } from '../../../src/domain/team/types';

describe('deck owners', () => {
  it('reserves every built-in deck folder (add a new decks/<id> to BUILT_IN_DECK_IDS)', () => {
    const root = resolve(__dirname, '../../../decks');
    const folders = readdirSync(root).filter((n) => statSync(resolve(root, n)).isDirectory());
    for (const f of folders) expect(BUILT_IN_DECK_IDS, `decks/${f} is built in: list "${f}" in BUILT_IN_DECK_IDS (src/domain/deck/deck-owner.ts)`).toContain(f);
  });

  it('reads the owner off the id', () => {
    expect(deckOwnerOf('docker')).toEqual({ kind: 'built-in' });
    expect(deckOwnerOf('my-notes')).toEqual({ kind: 'learner' });
    expect(deckOwnerOf('team:kujira-team-a:docker')).toEqual({ kind: 'team', team: 'kujira-team-a', deckId: 'docker' });
    expect(deckOwnerOf('Docker')).toBeNull();
    expect(deckOwnerOf('team:a/docker')).toBeNull();
    expect(DECK_ID.test('team:kujira-team-a:docker')).toBe(true);
  });

  it('gives two teams and the built-in deck three different ids for the same title', () => {
    const ids = new Set(['docker', teamDeckId('kujira-team-a', 'docker'), teamDeckId('kujira-team-b', 'docker')]);
    expect(ids.size).toBe(3);
    expect(teamDeckId('Kujira Team/Ops', 'git')).toBe('team:kujira-team-ops:git');
    expect(teamKey('')).toBe('team');
  });

  it('refuses a built-in id from any source, and a team another team\'s ids', () => {
    expect(storableDeckIdProblem('docker', { kind: 'learner' })?.reason).toBe('built-in');
    expect(storableDeckIdProblem('docker', { kind: 'team', team: 'kujira-team-a' })?.reason).toBe('built-in');
    expect(storableDeckIdProblem('team:kujira-team-b:docker', { kind: 'team', team: 'kujira-team-a' })?.reason).toBe('other-owner');
    expect(storableDeckIdProblem('notes', { kind: 'team', team: 'kujira-team-a' })?.reason).toBe('other-owner');
    expect(storableDeckIdProblem('../x', { kind: 'learner' })?.reason).toBe('not-an-id');
    expect(storableDeckIdProblem('team:kujira-team-a:docker', { kind: 'team', team: 'kujira-team-a' })).toBeNull();
    // The learner's own devices carry a team deck the learner stored.
    expect(storableDeckIdProblem('team:kujira-team-a:docker', { kind: 'learner' })).toBeNull();
    expect(storableDeckIdProblem('notes', { kind: 'learner' })).toBeNull();
  });

  it("maps a team database's decks and assignments to the app's ids", () => {
    const deck = { _id: 'deck:docker:000001', kujira: 1, type: 'team-deck', deckId: 'docker', version: 1, publishedAt: 0, publishedBy: 'lead', files: [] } satisfies TeamDeckDoc;
    const a = (deckId: string): AssignmentDoc => ({ _id: `assignment:${deckId}`, kujira: 1, type: 'assignment', deckId, fromLesson: 1, toLesson: 1, dueDay: '2026-12-20', retentionTarget: 0.9, createdAt: 0, createdBy: 'lead' });
    const local = localTeamContent({ decks: [deck], assignments: [a('docker'), a('git'), a('team:kujira-team-a:docker')] }, 'kujira-team-a');
    expect(local.decks.map((d) => d.deckId)).toEqual(['team:kujira-team-a:docker']);
    // An older plain id the team published means the team's deck; an unpublished one (a built-in) stays.
    expect(local.assignments.map((x) => x.deckId)).toEqual(['team:kujira-team-a:docker', 'git', 'team:kujira-team-a:docker']);
    expect(publishedDeckId('team:kujira-team-a:docker')).toBe('docker');
    expect(publishedDeckId('docker')).toBe('docker');
  });
});

describe('deck versions', () => {
  it('orders by the counter, never by time, and ties by content alike on every device', () => {
    const a = { version: 2, content: canonicalFilesKey([{ path: 'a.md', text: 'x' }]) };
    const b = { version: 3, content: canonicalFilesKey([{ path: 'a.md', text: 'y' }]) };
    expect(compareDeckVersions(b, a)).toBeGreaterThan(0);
    expect(compareDeckVersions(a, b)).toBeLessThan(0);
    const c = { version: 2, content: canonicalFilesKey([{ path: 'a.md', text: 'z' }]) };
    expect(Math.sign(compareDeckVersions(a, c))).toBe(-Math.sign(compareDeckVersions(c, a)));
    expect(compareDeckVersions(a, { ...a })).toBe(0);
    // A counter that is not one counts as 0.
    expect(compareDeckVersions({ version: Number.NaN, content: 'a' }, { version: 0, content: 'a' })).toBe(0);
  });
});
