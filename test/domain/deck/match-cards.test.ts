// Old -> new card matching across memo edits: history follows each card, never onto an unrelated one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../../src/domain/deck/card-id';
import { compileDeck } from '../../../src/domain/deck/compile-deck';
import { matchDecks, SIMILAR } from '../../../src/domain/deck/match-cards';
import { similarity } from '../../../src/domain/deck/similarity';
import type { Card, Deck } from '../../../src/domain/deck/types';

function deckOf(memo: string, notes?: string): Deck {
  const files = [{ path: 'd/memo.en.md', text: memo }];
  if (notes !== undefined) files.push({ path: 'd/notes.en.md', text: notes });
  const r = compileDeck({ id: 'd', files });
  expect(r.errors).toEqual([]);
  return r.deck as Deck;
}

const MEMO = `# Docker

## Basics
* Containers share the host kernel
* Images are built in layers
* A volume outlives its container

## Commands
|Command|Description|
|---|---|
|\`docker ps\`|Lists running containers|
|\`docker rm\`|Removes a container|
`;

const fact = (deck: Deck, text: string): Card | undefined => deck.cards.find((c) => c.kind === 'fact' && c.back.en === text);
/** Where each earlier card's history goes: its own id, a remapped id, or nowhere. */
function destination(before: Deck, after: Deck, card: Card | undefined): Card | undefined {
  const changes = matchDecks(before, after);
  if (!card || changes.removed.some((c) => c.id === card.id)) return undefined;
  const to = changes.remap.find((r) => r.from === card.id)?.to ?? card.id;
  return after.cards.find((c) => c.id === to);
}

describe('matchDecks', () => {
  const before = deckOf(MEMO);
  const kernel = fact(before, 'Containers share the host kernel');

  it('keeps a fact on its card when a bullet is inserted above it (the reported bug)', () => {
    const after = deckOf(MEMO.replace('* Containers', '* Docker runs on Linux\n* Containers'));
    expect(destination(before, after, kernel)?.back.en).toBe('Containers share the host kernel');
    const changes = matchDecks(before, after);
    expect(changes.added.map((c) => c.back.en)).toEqual(['Docker runs on Linux']);
    expect(changes.removed).toEqual([]);
    expect(changes.remap).toEqual([]);
  });

  it('does not hand a deleted bullet\'s history to the next one', () => {
    const after = deckOf(MEMO.replace('* Containers share the host kernel\n', ''));
    const changes = matchDecks(before, after);
    expect(changes.removed.map((c) => c.back.en)).toEqual(['Containers share the host kernel']);
    expect(destination(before, after, fact(before, 'Images are built in layers'))?.back.en).toBe('Images are built in layers');
    expect(changes.remap).toEqual([]);
  });

  it('carries a reworded bullet\'s history to its new id and reports it', () => {
    const after = deckOf(MEMO.replace('Containers share the host kernel', 'Containers share the kernel of the host'));
    const changes = matchDecks(before, after);
    expect(changes.reworded.map((p) => [p.from.back.en, p.to.back.en])).toEqual([['Containers share the host kernel', 'Containers share the kernel of the host']]);
    expect(changes.remap).toEqual([{ from: kernel?.id, to: fact(after, 'Containers share the kernel of the host')?.id }]);
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
  });

  it('treats a rewrite below the threshold as a removal and an addition', () => {
    const after = deckOf(MEMO.replace('Containers share the host kernel', 'Networks isolate traffic between stacks'));
    const changes = matchDecks(before, after);
    expect(similarity('Containers share the host kernel', 'Networks isolate traffic between stacks')).toBeLessThan(SIMILAR);
    expect(changes.remap).toEqual([]);
    expect(changes.removed.map((c) => c.back.en)).toEqual(['Containers share the host kernel']);
    expect(changes.added.map((c) => c.back.en)).toEqual(['Networks isolate traffic between stacks']);
  });

  it('follows a section rename without moving any history', () => {
    const after = deckOf(MEMO.replace('## Basics', '## Fundamentals'));
    const changes = matchDecks(before, after);
    expect(changes.remap).toEqual([]);
    expect(changes.renamedSections.map((s) => [s.from.title.en, s.to.title.en])).toEqual([['Basics', 'Fundamentals']]);
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
  });

  it('matches an edited bullet inside a renamed section', () => {
    const after = deckOf(MEMO.replace('## Basics', '## Fundamentals').replace('built in layers', 'built from layers'));
    const changes = matchDecks(before, after);
    expect(changes.reworded.map((p) => p.to.back.en)).toEqual(['Images are built from layers']);
    expect(changes.remap).toHaveLength(1);
  });

  it('reports a description or correction edit as a change of meaning', () => {
    const after = deckOf(MEMO.replace('Lists running containers', 'Lists every container'), '## Corrections\n- "A volume": only a named volume outlives it\n');
    const changes = matchDecks(before, after);
    expect(changes.meaningChanged.map((p) => [p.to.kind, p.to.key, p.what])).toEqual([
      ['fact', fact(after, 'A volume outlives its container')?.key, ['correction']],
      ['command-meaning', 'docker ps', ['description']],
      ['meaning-command', 'docker ps', ['description']],
    ]);
    expect(changes.remap).toEqual([]);
  });

  it('moves history from the old positional fact ids (section.n) to content ids', () => {
    const positional: Deck = {
      ...before,
      cards: before.cards.map((c, i) => {
        if (c.kind !== 'fact') return c;
        const key = `basics.${i + 1}`;
        return { ...c, key, id: cardId('d', 'fact', key) };
      }),
    };
    const changes = matchDecks(positional, before);
    expect(changes.remap).toHaveLength(3);
    expect(changes.unchanged).toBe(before.cards.length);
    for (const { from, to } of changes.remap) {
      expect(positional.cards.find((c) => c.id === from)?.back).toEqual(before.cards.find((c) => c.id === to)?.back);
    }
  });
});

// Generated memos: bullets of random words, each with an origin; edits keep track of origins.
const SYLLABLES = ['ka', 'ri', 'mo', 'ten', 'su', 'ba', 'lo', 'ne', 'ul', 'dor', 'fi', 'gha', 'pey', 'zu', 'vin', 'osh'];
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 3 }).map((s) => s.join(''));
const words = fc.array(word, { minLength: 6, maxLength: 9 });

interface Bullet { origin: number; words: string[] }
interface Model { sections: { title: string; bullets: Bullet[] }[] }

const model: fc.Arbitrary<Model> = fc.array(
  fc.record({ title: fc.array(word, { minLength: 2, maxLength: 3 }).map((w) => w.join(' ')), bullets: fc.array(words, { minLength: 1, maxLength: 6 }) }),
  { minLength: 1, maxLength: 4 },
).map((sections) => {
  let origin = 0;
  return { sections: sections.map((s, i) => ({ title: `${s.title} ${i}`, bullets: s.bullets.map((w) => ({ origin: origin++, words: w })) })) };
});

type Op =
  | { type: 'insert'; section: number; at: number; words: string[] }
  | { type: 'delete'; section: number; at: number }
  | { type: 'reword'; section: number; at: number; word: number; with: string }
  | { type: 'rename'; section: number; title: string }
  | { type: 'move'; section: number; from: number; to: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('insert' as const), section: fc.nat(), at: fc.nat(), words }),
  fc.record({ type: fc.constant('delete' as const), section: fc.nat(), at: fc.nat() }),
  fc.record({ type: fc.constant('reword' as const), section: fc.nat(), at: fc.nat(), word: fc.nat(), with: word }),
  fc.record({ type: fc.constant('rename' as const), section: fc.nat(), title: word }),
  fc.record({ type: fc.constant('move' as const), section: fc.nat(), from: fc.nat(), to: fc.nat() }),
);

function apply(m: Model, ops: readonly Op[]): Model {
  const out: Model = { sections: m.sections.map((s) => ({ title: s.title, bullets: s.bullets.map((b) => ({ ...b, words: [...b.words] })) })) };
  let fresh = 10_000;
  for (const o of ops) {
    const s = out.sections[o.section % out.sections.length];
    if (!s) continue;
    const n = s.bullets.length;
    if (o.type === 'insert') s.bullets.splice(o.at % (n + 1), 0, { origin: fresh++, words: o.words });
    else if (o.type === 'delete' && n > 1) s.bullets.splice(o.at % n, 1);
    else if (o.type === 'reword' && n > 0) {
      const b = s.bullets[o.at % n];
      if (b) b.words[o.word % b.words.length] = o.with;
    } else if (o.type === 'rename') s.title = `${o.title} renamed`;
    else if (o.type === 'move' && n > 0) {
      const [b] = s.bullets.splice(o.from % n, 1);
      if (b) s.bullets.splice(o.to % n, 0, b);
    }
  }
  return out;
}

const render = (m: Model): string =>
  `# Generated\n\n${m.sections.map((s) => `## ${s.title}\n${s.bullets.map((b) => `* ${b.words.join(' ')}`).join('\n')}\n`).join('\n')}`;

function originsByText(m: Model): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const s of m.sections) for (const b of s.bullets) {
    const t = b.words.join(' ');
    out.set(t, (out.get(t) ?? new Set()).add(b.origin));
  }
  return out;
}

describe('matchDecks on generated memos', () => {
  it('never attaches history to a card with unrelated text', () => {
    fc.assert(fc.property(model, fc.array(op, { minLength: 1, maxLength: 8 }), (m, ops) => {
      const next = apply(m, ops);
      const before = deckOf(render(m));
      const after = deckOf(render(next));
      const was = originsByText(m);
      const now = originsByText(next);
      const changes = matchDecks(before, after);
      const byId = new Map(after.cards.map((c) => [c.id, c]));
      for (const from of before.cards) {
        if (changes.removed.includes(from)) continue;
        const to = byId.get(changes.remap.find((r) => r.from === from.id)?.to ?? from.id);
        const a = was.get(from.back.en ?? '') ?? new Set();
        const b = now.get(to?.back.en ?? '') ?? new Set();
        // The card went to a bullet of the same origin (same bullet, moved or reworded).
        expect([...a].some((o) => b.has(o))).toBe(true);
      }
    }), { numRuns: 150, seed: 20261201 });
  });

  it('moves nothing on a pure reorder of bullets and sections', () => {
    fc.assert(fc.property(model, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (m, swaps) => {
      const next: Model = { sections: [...m.sections].map((s) => ({ ...s, bullets: [...s.bullets] })) };
      swaps.forEach((k, i) => {
        const s = next.sections[k % next.sections.length];
        if (s && s.bullets.length > 1) {
          const [b] = s.bullets.splice(i % s.bullets.length, 1);
          if (b) s.bullets.splice(k % s.bullets.length, 0, b);
        }
      });
      next.sections.reverse();
      const changes = matchDecks(deckOf(render(m)), deckOf(render(next)));
      expect(changes.remap).toEqual([]);
      expect(changes.added).toEqual([]);
      expect(changes.removed).toEqual([]);
      expect(changes.reworded).toEqual([]);
      expect(changes.meaningChanged).toEqual([]);
    }), { numRuns: 100, seed: 20261202 });
  });
});
