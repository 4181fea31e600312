// Matches the cards of a deck's earlier version to its new version, so review history follows
// each card through a memo edit, and says what changed for the learner to confirm.
//
// - Command and option cards match by kind and key (their id is made from them).
// - Fact cards match by id (a content id: same bullet text), then by the same bullet text
//   anywhere in the deck (this also carries history from the old positional ids `section.n`),
//   then, for edited bullets, by similarity within the section: the best pair of the same
//   variant (default card, k-th blank, k-th question) whose bullet texts have a Sørensen-Dice
//   bigram similarity of at least SIMILAR (0.6), most similar first. Below it, the old card is
//   removed and the new one added: losing a card's history costs a few reviews, while attaching
//   it to an unrelated card would schedule that card on a memory the learner never had.
// - Sections match by id, else by the cards they share, else by a similar title (a rename).
import { factVariant, type FactVariant } from './fact-variant.ts';
import { normalizeKey } from './card-id.ts';
import { bigrams, diceOf } from './similarity.ts';
import type { Card, Deck, Lang, Localized, Section } from './types.ts';

/** Minimum bigram similarity for an edited bullet to keep its card's history (see above). */
export const SIMILAR = 0.6;

/** Only this many nearest candidates (by position) are scored per unmatched card. */
const CANDIDATES = 64;

export type DeckVersion = Pick<Deck, 'sections' | 'cards'> & Partial<Pick<Deck, 'languages'>>;

export interface CardPair {
  from: Card;
  to: Card;
}

export interface DeckChanges {
  /** New cards with no earlier version. */
  added: Card[];
  /** Earlier cards with no new version. */
  removed: Card[];
  /** Same card, its text edited (a bullet reworded, a note or translation changed). */
  reworded: (CardPair & { similarity: number })[];
  /** Same card, but what it teaches changed: a description or correction edit. */
  meaningChanged: (CardPair & { what: ('description' | 'correction' | 'answer')[] })[];
  /** Cards matched with nothing to show (order, line or section moves only). */
  unchanged: number;
  /** Earlier id -> new id wherever they differ: review history moves along these. */
  remap: { from: string; to: string }[];
  /** Sections whose id or title changed. */
  renamedSections: { from: Section; to: Section }[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The bullet text a fact card comes from (a default card's back is the bullet). */
function factText(card: Card): Localized {
  return card.note ?? card.back;
}

function sameVariant(a: FactVariant, b: FactVariant): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'named' || b.type === 'named') return false; // named questions match by id only
  return !('k' in a) || !('k' in b) || a.k === b.k;
}

function langsOf(a: Localized, b: Localized): Lang[] {
  return (Object.keys(a) as Lang[]).filter((l) => a[l] !== undefined && b[l] !== undefined);
}

/** Matches `before` to `after` and classifies every change. Pure; order of the inputs is kept in the outputs. */
export function matchDecks(before: DeckVersion, after: DeckVersion): DeckChanges {
  const pairs = new Map<string, { to: Card; similarity: number }>(); // by old id
  const taken = new Set<string>(); // new ids already matched
  const newById = new Map(after.cards.map((c) => [c.id, c]));
  const link = (from: Card, to: Card, sim = 1): void => {
    pairs.set(from.id, { to, similarity: sim });
    taken.add(to.id);
  };

  // 1. Same id.
  for (const c of before.cards) {
    const n = newById.get(c.id);
    if (n && n.kind === c.kind) link(c, n);
  }
  // 2. Commands, options and named questions by kind and key (when the deck id changed).
  const byKey = (c: Card): boolean => c.kind !== 'fact' || factVariant(c.key).type === 'named';
  const newByKey = new Map<string, Card>();
  for (const c of after.cards) if (byKey(c) && !taken.has(c.id)) newByKey.set(`${c.kind}\u0000${normalizeKey(c.key)}`, c);
  for (const c of before.cards) {
    if (!byKey(c) || pairs.has(c.id)) continue;
    const n = newByKey.get(`${c.kind}\u0000${normalizeKey(c.key)}`);
    if (n && !taken.has(n.id)) link(c, n);
  }
  // 3. Facts with the same bullet text, anywhere (a bullet moved, or an id from an older scheme).
  const textKey = (c: Card): string => `${JSON.stringify(factVariant(c.key))}\u0000${JSON.stringify(factText(c))}`;
  const newByText = new Map<string, Card[]>();
  for (const c of after.cards) {
    if (c.kind !== 'fact' || taken.has(c.id) || factVariant(c.key).type === 'named') continue;
    const list = newByText.get(textKey(c)) ?? [];
    list.push(c);
    newByText.set(textKey(c), list);
  }
  for (const c of before.cards) {
    if (c.kind !== 'fact' || pairs.has(c.id) || factVariant(c.key).type === 'named') continue;
    const n = newByText.get(textKey(c))?.find((x) => !taken.has(x.id));
    if (n) link(c, n);
  }

  // Sections: by id, else by the cards they share, else by a similar title.
  const sectionMap = matchSections(before, after, pairs);

  // 4. Edited bullets: the most similar unmatched fact of the same variant in the matching section.
  const looseNew = new Map<string, Card[]>();
  for (const c of after.cards) {
    if (c.kind !== 'fact' || taken.has(c.id)) continue;
    const list = looseNew.get(c.sectionId) ?? [];
    list.push(c);
    looseNew.set(c.sectionId, list);
  }
  const grams = new Map<Card, Partial<Record<Lang, Map<string, number>>>>();
  const gramsOf = (c: Card, lang: Lang): Map<string, number> => {
    const entry = grams.get(c) ?? {};
    grams.set(c, entry);
    return (entry[lang] ??= bigrams(factText(c)[lang] ?? ''));
  };
  const candidates: { from: Card; to: Card; similarity: number; distance: number }[] = [];
  for (const c of before.cards) {
    if (c.kind !== 'fact' || pairs.has(c.id)) continue;
    const section = sectionMap.get(c.sectionId);
    const pool = section === undefined ? [] : (looseNew.get(section.id) ?? []);
    const variant = factVariant(c.key);
    const near = pool
      .filter((n) => sameVariant(variant, factVariant(n.key)))
      .sort((a, b) => Math.abs(a.order - c.order) - Math.abs(b.order - c.order))
      .slice(0, CANDIDATES);
    for (const n of near) {
      const langs = langsOf(factText(c), factText(n));
      if (langs.length === 0) continue;
      let sum = 0;
      for (const l of langs) sum += diceOf(gramsOf(c, l), gramsOf(n, l));
      const sim = sum / langs.length;
      if (sim >= SIMILAR) candidates.push({ from: c, to: n, similarity: sim, distance: Math.abs(n.order - c.order) });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.distance - b.distance);
  for (const p of candidates) if (!pairs.has(p.from.id) && !taken.has(p.to.id)) link(p.from, p.to, p.similarity);

  // Classify.
  const out: DeckChanges = { added: [], removed: [], reworded: [], meaningChanged: [], unchanged: 0, remap: [], renamedSections: [] };
  for (const c of before.cards) {
    const p = pairs.get(c.id);
    if (!p) {
      out.removed.push(c);
      continue;
    }
    const to = p.to;
    if (c.id !== to.id) out.remap.push({ from: c.id, to: to.id });
    const what: ('description' | 'correction' | 'answer')[] = [];
    if (!same(c.description, to.description)) what.push('description');
    if (!same(c.correction, to.correction)) what.push('correction');
    if (c.kind === 'fact' && factVariant(to.key).type === 'blank' && !same(c.back, to.back)) what.push('answer');
    if (what.length > 0) out.meaningChanged.push({ from: c, to, what });
    else if (textChanged(c, to)) out.reworded.push({ from: c, to, similarity: p.similarity });
    else out.unchanged++;
  }
  for (const c of after.cards) if (!taken.has(c.id)) out.added.push(c);
  for (const [fromId, to] of sectionMap) {
    const from = before.sections.find((s) => s.id === fromId);
    if (from && (from.id !== to.id || !same(from.title, to.title))) out.renamedSections.push({ from, to });
  }
  return out;
}

/**
 * Whether the learner sees different text. A default fact card's front is made from its section
 * title and bullet, so a section rename alone changes it: that is reported once, as the rename.
 */
function textChanged(a: Card, b: Card): boolean {
  const derivedFront = a.kind === 'fact' && factVariant(a.key).type === 'default' && factVariant(b.key).type === 'default';
  return (!derivedFront && !same(a.front, b.front)) || !same(a.back, b.back) || !same(a.note, b.note);
}

function matchSections(before: DeckVersion, after: DeckVersion, pairs: ReadonlyMap<string, { to: Card }>): Map<string, Section> {
  const map = new Map<string, Section>();
  const used = new Set<string>();
  const newById = new Map(after.sections.map((s) => [s.id, s]));
  for (const s of before.sections) {
    const n = newById.get(s.id);
    if (n) {
      map.set(s.id, n);
      used.add(n.id);
    }
  }
  // Shared cards: old section -> new section -> how many of its matched cards went there.
  const votes = new Map<string, Map<string, number>>();
  for (const c of before.cards) {
    const to = pairs.get(c.id)?.to;
    if (!to || map.has(c.sectionId)) continue;
    const v = votes.get(c.sectionId) ?? new Map<string, number>();
    v.set(to.sectionId, (v.get(to.sectionId) ?? 0) + 1);
    votes.set(c.sectionId, v);
  }
  for (const s of before.sections) {
    if (map.has(s.id)) continue;
    const best = [...(votes.get(s.id) ?? new Map<string, number>()).entries()]
      .filter(([id]) => !used.has(id))
      .sort((a, b) => b[1] - a[1])[0];
    const n = best ? newById.get(best[0]) : undefined;
    if (n) {
      map.set(s.id, n);
      used.add(n.id);
    }
  }
  // A renamed section of reworded bullets only: a similar title.
  for (const s of before.sections) {
    if (map.has(s.id)) continue;
    let best: { section: Section; sim: number } | undefined;
    for (const n of after.sections) {
      if (used.has(n.id)) continue;
      const langs = langsOf(s.title, n.title);
      if (langs.length === 0) continue;
      const sim = langs.reduce((sum, l) => sum + diceOf(bigrams(s.title[l] ?? ''), bigrams(n.title[l] ?? '')), 0) / langs.length;
      if (sim >= SIMILAR && (!best || sim > best.sim)) best = { section: n, sim };
    }
    if (best) {
      map.set(s.id, best.section);
      used.add(best.section.id);
    }
  }
  return map;
}
