// The cue of a bullet's default card (issue 26: a bullet opening with a code span gave
// 「`git…」: a raw backtick and one word).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headOf } from '../../../src/domain/deck/build-cards';
import { compileDeck } from '../../../src/domain/deck/compile-deck';

const backticks = (s: string) => (s.match(/`/g) ?? []).length;

describe('headOf', () => {
  it.each([
    // A code span is never cut: the cue is the whole command, the rest is to complete.
    ['`git rebase -i HEAD~3` でコミットをまとめる', '`git rebase -i HEAD~3`'],
    ['`git rebase -i HEAD~3` squashes the last three commits into one', '`git rebase -i HEAD~3`'],
    // A few words at least, cut where a word ends.
    ['It only works on a 64-bit OS', 'It only works'],
    ['The sequence create -> start -> stop -> remove -> create -> ... is called the container lifecycle', 'The sequence create -> start -> stop'],
    // Japanese without spaces: after a clause when there is one, else by characters.
    ['64bit版のOSでしか動作しない', '64bit版'],
    ['サーバー再起動時にコンテナを自動起動する設定はない、スクリプトを用意する', 'サーバー再起動時にコンテナを自動起動する設定はない、'],
    ['サーバー再起動時、Docker Engineを自動起動する設定はあるが、コンテナを自動起動する設定はない', 'サーバー再起動時、Docker'],
    // One code span alone: cut inside it, but closed, so it still reads as code.
    ['`docker container ls --all`', '`docker co`'],
  ])('%j -> %j', (text, head) => {
    expect(headOf(text)).toBe(head);
  });

  it('never leaves a code span open, and never gives the whole line away when it has words', () => {
    const piece = fc.constantFrom('docker', 'ps', '`git rebase -i`', '`a b`', 'コンテナ', '、', 'run', '-it');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join(' ');
        const head = headOf(text);
        expect(backticks(head) % 2, head).toBe(0);
        if (pieces.length > 1) expect(head.length).toBeLessThan(text.length);
      }),
    );
  });

  it('gives a memo\'s default cards a cue of whole code spans (the issue\'s git bullets)', () => {
    const text = ['# Git', '', '## 基本', '* `git rebase -i HEAD~3` で直近3件のコミットをまとめる', '* `git stash` で作業中の変更を退避する', ''].join('\n');
    const { deck } = compileDeck({ id: 'git', files: [{ path: 'memo.ja.md', text }] });
    const fronts = deck!.cards.filter((c) => c.kind === 'fact').map((c) => c.front.ja);
    expect(fronts).toEqual([
      '「基本」: メモのこの一文を完成させてください。\n`git rebase -i HEAD~3`…',
      '「基本」: メモのこの一文を完成させてください。\n`git stash`…',
    ]);
  });
});
