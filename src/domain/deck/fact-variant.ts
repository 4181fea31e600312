// A fact card's variant, read from its key: its own module, without the Markdown parser that
// building cards needs, because start-up's deck install reads it (match-cards.ts) and the parser
// (marked) would otherwise load and initialise with every start.

/** What kind of fact card a key names: the default card, the k-th blank, the k-th unnamed question, or a named question. */
export type FactVariant = { type: 'default' } | { type: 'blank'; k: number } | { type: 'question'; k: number } | { type: 'named'; id: string };

/** Reads the variant from a fact key, in the current (`c:…`) or the old positional (`s.n`) form. */
export function factVariant(key: string): FactVariant {
  if (key.startsWith('q:')) return { type: 'named', id: key };
  const blank = /\{(\d+)\}$/.exec(key);
  if (blank) return { type: 'blank', k: Number(blank[1]) };
  const question = /\?(\d+)$/.exec(key);
  if (question) return { type: 'question', k: Number(question[1]) };
  return { type: 'default' };
}
