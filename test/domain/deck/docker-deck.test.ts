// The Docker deck compiled from decks/docker: every row and bullet becomes a card, in both
// languages, with aliases and the corrections docker-facts.md asks for.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import type { Card, Deck } from '../../../src/domain/deck/types';
import { readDeckFolder } from '../../../scripts/read-decks';

const input = readDeckFolder('decks/docker');
const result = compileDeck(input);
const deck = result.deck as Deck;
const memoLines = readFileSync('decks/docker/memo.ja.md', 'utf8').split('\n');
const byKey = (key: string): Card[] => deck.cards.filter((c) => c.key === key);

describe('the Docker deck', () => {
  it('compiles without errors', () => {
    expect(result.errors).toEqual([]);
    expect(deck.id).toBe('docker');
    expect(deck.languages).toEqual(['ja', 'en']);
    expect(deck.title).toEqual({ ja: 'Docker', en: 'Docker' });
  });

  it('keeps the user memo byte for byte (SHA-256 of the seed memo)', () => {
    const sha = createHash('sha256').update(readFileSync('decks/docker/memo.ja.md')).digest('hex');
    expect(sha).toBe('2d2fa4b49554edd376f5261a4b974e421f42f052291dfcb511d6792586612d03');
  });

  it('has the nine sections in memo order', () => {
    expect(deck.sections.map((s) => s.id)).toEqual(
      ['uses', 'advantages', 'memo', 'system', 'containers', 'images', 'volumes', 'networks', 'options']);
    expect(deck.sections.find((s) => s.id === 'system')?.title).toEqual({
      ja: 'LinuxOSでの操作方法 / システム関連', en: 'Working on a Linux OS / System' });
    // The memo's "## memo" is a note to self: the notes give the section a title (issue 26).
    expect(deck.sections.find((s) => s.id === 'memo')?.title).toEqual({ ja: '知っておきたいこと', en: 'Good to know' });
  });

  it('counts cards by kind', () => {
    const counts: Record<string, number> = {};
    for (const c of deck.cards) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
    expect(counts).toEqual({ 'command-meaning': 31, 'meaning-command': 31, 'option-meaning': 2, 'meaning-option': 2, fact: 16 });
  });

  it('makes cards from every table row, both directions', () => {
    const rows = memoLines.flatMap((l, i) => (/^\|`/.test(l) ? [i + 1] : []));
    expect(rows).toHaveLength(33);
    for (const line of rows) {
      const kinds = deck.cards.filter((c) => c.source === `decks/docker/memo.ja.md:${line}`).map((c) => c.kind).sort();
      expect(kinds.length, `line ${line}`).toBe(2);
    }
    expect(byKey('-d').map((c) => c.kind)).toEqual(['option-meaning', 'meaning-option']);
  });

  it('makes at least one fact card from every bullet', () => {
    const bullets = memoLines.flatMap((l, i) => (/^\* /.test(l) ? [i + 1] : []));
    expect(bullets).toHaveLength(15);
    for (const line of bullets) {
      const facts = deck.cards.filter((c) => c.kind === 'fact' && c.source === `decks/docker/memo.ja.md:${line}`);
      expect(facts.length, `line ${line}`).toBeGreaterThan(0);
    }
  });

  it('has every text in both languages on every card', () => {
    for (const c of deck.cards) {
      for (const lang of ['ja', 'en'] as const) {
        expect(c.front[lang], `${c.key} front ${lang}`).toBeTruthy();
        expect(c.back[lang], `${c.key} back ${lang}`).toBeTruthy();
        if (c.kind !== 'fact') expect(c.description?.[lang]).toBeTruthy();
      }
    }
  });

  it('turns <br> into line breaks and keeps the note', () => {
    const run = byKey('docker container run')[0];
    expect(run?.note?.ja).toBe('`docker image pull`\n`docker container create`\n`docker container start`\nの一連の操作をまとめたもの');
    expect(run?.note?.en).toContain('`docker image pull`\n');
    expect(deck.cards.some((c) => JSON.stringify(c).includes('<br>'))).toBe(false);
  });

  it('accepts every documented alias', () => {
    const answers = (key: string): string[] | undefined => byKey(key).find((c) => c.kind === 'meaning-command')?.answers;
    expect(answers('docker container ls')).toEqual(['docker container ls', 'docker ps', 'docker container list', 'docker container ps']);
    expect(answers('docker image rm')).toEqual(['docker image rm', 'docker rmi', 'docker image remove']);
    expect(answers('docker container rm')).toEqual(['docker container rm', 'docker rm', 'docker container remove']);
    expect(answers('docker image build')).toEqual(['docker image build', 'docker build', 'docker builder build', 'docker buildx build']);
    expect(answers('docker network rm')).toEqual(['docker network rm', 'docker network remove']);
    expect(answers('docker volume prune')).toEqual(['docker volume prune']);
  });

  it('carries corrections in both languages on every marked row and line', () => {
    const rows = ['docker version', 'docker search', 'docker container run', 'docker container start', 'docker container rm', 'docker container ls',
      'docker container commit', 'docker image ls', 'docker image build', 'docker volume prune', 'docker network prune',
      'docker network disconnect', '-it', '-d'];
    for (const key of rows) {
      const cards = byKey(key);
      expect(cards).toHaveLength(2);
      for (const c of cards) {
        expect(c.correction?.ja, key).toBeTruthy();
        expect(c.correction?.en, key).toBeTruthy();
      }
    }
    expect(byKey('docker container ls')[0]?.correction?.en).toContain('running');
    const lines = ['複数のプロジェクトで', 'Dockerさえあれば', 'コンテナの移動が簡単', '複数のLinuxディストリビューション', '64bit版', 'サーバを再起動時', 'dockerコマンドの基本的な形'];
    for (const start of lines) {
      const line = memoLines.findIndex((l) => l.startsWith(`* ${start}`)) + 1;
      const facts = deck.cards.filter((c) => c.source === `decks/docker/memo.ja.md:${line}`);
      expect(facts.length, start).toBeGreaterThan(0);
      for (const c of facts) {
        expect(c.correction?.ja, start).toBeTruthy();
        expect(c.correction?.en, start).toBeTruthy();
      }
    }
    const corrected = deck.cards.filter((c) => c.correction).length;
    expect(corrected).toBe(14 * 2 + 7);
  });

  it('puts the corrected meaning on the cards and keeps the memo\'s words beside it', () => {
    const [forward, backward] = byKey('docker container start');
    expect(forward?.back).toEqual({ ja: '停止中のコンテナを開始する', en: 'Starts stopped containers' });
    expect(backward?.front).toEqual(forward?.back);
    expect(forward?.description).toEqual(forward?.back);
    expect(forward?.memo).toEqual({ ja: 'イメージをコンテナとして開始する', en: 'Starts an image as a container' });
    // A row the memo gets right keeps its words and has no memo field.
    expect(byKey('docker container stop')[0]?.memo).toBeUndefined();
    // Every row with a correction that is not "right, only sharpened" has a corrected meaning.
    const sharpened = ['docker network prune', 'docker network disconnect', '-d'];
    for (const c of deck.cards.filter((x) => x.kind !== 'fact' && x.correction && !sharpened.includes(x.key))) {
      expect(c.memo?.ja, c.key).toBeTruthy();
      expect(c.memo?.en, c.key).toBeTruthy();
    }
  });

  it('declares rows that are also right, and flagged answers', () => {
    expect(byKey('docker container create')[0]?.alsoRight).toEqual(['docker container run']);
    expect(byKey('docker container ls')[0]?.flagged).toEqual([
      { answer: 'docker container ls -a', spellings: ['--all'], meaning: { ja: '停止中のものも含め、全てのコンテナの一覧を表示する', en: 'Lists all containers, stopped ones included' } },
    ]);
  });

  it('asks real questions for bullets', () => {
    const light = deck.cards.find((c) => c.key === 'q:why-light');
    expect(light?.front.en).toMatch(/lighter/);
    expect(light?.back.en).toMatch(/kernel/);
    expect(light?.note?.ja).toContain('カーネル');
    // Only `always` and `unless-stopped` bring containers back at boot (issue 25, D1).
    const autoStart = deck.cards.find((c) => c.key === 'q:auto-start');
    for (const lang of ['ja', 'en'] as const) {
      expect(autoStart?.back[lang]).toContain('`always`');
      expect(autoStart?.back[lang]).toContain('`unless-stopped`');
      expect(autoStart?.back[lang]).not.toContain('on-failure');
    }
  });

  it('lists confusable commands as distractors', () => {
    const prune = byKey('docker volume prune')[0];
    expect(prune?.confusableWith).toEqual(['docker volume rm']);
    expect(byKey('docker container run')[0]?.confusableWith).toEqual(
      expect.arrayContaining(['docker container start', 'docker container create', 'docker container exec']));
    expect(byKey('sudo systemctl enable docker')[0]?.confusableWith).toEqual(['--restart']);
  });

  it('gives unique ids, memo order and a content hash', () => {
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(deck.cards.length);
    expect(deck.cards.map((c) => c.order)).toEqual(deck.cards.map((_c, i) => i));
    expect(deck.hash).toMatch(/^[0-9a-f]{28}$/);
    expect(compileDeck(input).deck?.hash).toBe(deck.hash);
    expect(byKey('docker container ls')[0]?.source).toBe('decks/docker/memo.ja.md:49');
  });
});
