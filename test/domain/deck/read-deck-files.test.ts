// Reading Markdown files given in the app (src/domain/deck/read-deck-files.ts), the one reader the
// Decks page and the team's publish form share: what each file is, the proposed deck id (the title
// fallback decided in the module's header) and the errors as DeckErrors pointing at FILE:LINE.
import { describe, expect, it } from 'vitest';
import { cyrb53Hex } from '../../../src/domain/deck/hash';
import { proposeDeckId, readDeckFiles, sourcesOf } from '../../../src/domain/deck/read-deck-files';
import { TEAM_EN, TEAM_JA } from '../../fixtures/team-memo';

describe('sourcesOf', () => {
  it('knows memo.<lang>.md and notes.<lang>.md by name; any other name is one memo, its language from the suffix or the text', () => {
    const files = sourcesOf([
      { name: 'memo.ja.md', text: TEAM_JA },
      { name: 'some/folder/notes.en.md', text: '' },
      { name: 'git.ja.md', text: '# Git' },
      { name: 'team-tools.md', text: TEAM_JA },
      { name: 'pasted.md', text: TEAM_EN },
      { name: 'notes-extra.md', text: 'plain' },
    ]);
    expect(files.map(({ text: _, ...f }) => f)).toEqual([
      { path: 'memo.ja.md' },
      { path: 'notes.en.md' },
      { path: 'git.ja.md', role: 'memo', lang: 'ja' },
      { path: 'team-tools.md', role: 'memo', lang: 'ja' },
      { path: 'pasted.md', role: 'memo', lang: 'en' },
      { path: 'notes-extra.md', role: 'notes', lang: 'en' },
    ]);
  });
});

describe('readDeckFiles', () => {
  it('compiles under the id asked for', () => {
    const r = readDeckFiles([{ name: 'memo.en.md', text: TEAM_EN }], 'ops');
    expect(r.id).toBe('ops');
    expect(r.deck?.id).toBe('ops');
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([{ path: 'memo.en.md', text: TEAM_EN }]);
  });

  it('proposes the id from the first title with Latin letters or digits: "Team tools" over "チームのツール"', () => {
    const r = readDeckFiles([
      { name: 'memo.ja.md', text: TEAM_JA },
      { name: 'memo.en.md', text: TEAM_EN },
    ]);
    expect(r.id).toBe('team-tools');
    expect(r.deck?.id).toBe('team-tools');
    expect(readDeckFiles([{ name: 'docker.en.md', text: '# Docker\n\n## Images\n* An image is a template\n' }]).deck?.id).toBe('docker');
  });

  it('a memo titled only in Japanese: the id comes from its title (a short hash), not from the file name', () => {
    const r = readDeckFiles([{ name: 'team-tools.ja.md', text: TEAM_JA }]);
    const expected = `deck-${cyrb53Hex('チームのツール').slice(0, 6)}`;
    expect(r.id).toBe(expected);
    expect(r.deck?.id).toBe(expected);
    // Stable under a renamed file, and the same id the team's publish form proposes.
    expect(readDeckFiles([{ name: 'onboarding.ja.md', text: TEAM_JA }]).id).toBe(expected);
    expect(proposeDeckId(sourcesOf([{ name: 'x.md', text: TEAM_JA }]))).toBe(expected);
  });

  it('without a title to read, proposes the id from the first file name', () => {
    const r = readDeckFiles([{ name: 'Git Basics.en.md', text: 'no title here\n' }]);
    expect(r.id).toBe('git-basics');
    expect(r.deck).toBeUndefined();
    expect(readDeckFiles([]).id).toBe('deck');
  });

  it('reports errors and warnings as DeckErrors at FILE:LINE, and no deck when there are errors', () => {
    const r = readDeckFiles([{ name: 'memo.en.md', text: '# One\n\n# Two\n' }], 'broken');
    expect(r.deck).toBeUndefined();
    expect(r.errors).toContainEqual({ file: 'memo.en.md', line: 3, message: expect.stringMatching(/^a second "# " title/) });
    const table = ['# Tools', '', '## Commands', '|Command|Meaning|', '|:--|:--|', '|`ls`|List files|', 'after the table', ''].join('\n');
    const w = readDeckFiles([{ name: 'memo.en.md', text: table }], 'tools');
    expect(w.deck?.id).toBe('tools');
    expect(w.warnings).toContainEqual({ file: 'memo.en.md', line: 7, message: expect.stringMatching(/^this line has no "\|"/) });
  });
});
