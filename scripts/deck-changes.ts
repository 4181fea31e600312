// The change report between two versions of a deck, as the CLI prints it (`--diff OLD NEW`).
import type { DeckChanges } from '../src/domain/deck/match-cards.ts';
import type { Card, Lang, Localized } from '../src/domain/deck/types.ts';

function text(value: Localized | undefined, lang: Lang): string {
  return (value?.[lang] ?? Object.values(value ?? {})[0] ?? '').replace(/\n/g, ' / ');
}

/** What a card is about, in one line: the command, or the bullet of a fact. */
function label(card: Card, lang: Lang): string {
  const what = card.kind === 'fact' ? text(card.note ?? card.back, lang) : card.key;
  return `${card.kind} ${what.length > 70 ? `${what.slice(0, 69)}…` : what} (${card.source})`;
}

export function formatChanges(changes: DeckChanges, lang: Lang): string {
  const lines: string[] = [];
  const moved = changes.remap.length;
  lines.push(`${changes.added.length} added, ${changes.removed.length} removed, ${changes.reworded.length} reworded, ` +
    `${changes.meaningChanged.length} meaning changed, ${changes.unchanged} unchanged; history moves to a new id for ${moved} card(s)`);
  for (const s of changes.renamedSections) {
    lines.push(`section renamed: "${text(s.from.title, lang)}" -> "${text(s.to.title, lang)}"`);
  }
  for (const c of changes.added) lines.push(`+ added: ${label(c, lang)}`);
  for (const c of changes.removed) lines.push(`- removed: ${label(c, lang)}`);
  for (const p of changes.reworded) {
    const from = p.from.kind === 'fact' ? text(p.from.note ?? p.from.back, lang) : text(p.from.note, lang);
    lines.push(`~ reworded (${Math.round(p.similarity * 100)}% alike): ${label(p.to, lang)}`, `    was: ${from}`);
  }
  for (const p of changes.meaningChanged) {
    lines.push(`! meaning changed (${p.what.join(', ')}): ${label(p.to, lang)}`);
    for (const field of p.what) {
      const pick = (c: Card): Localized | undefined => (field === 'answer' ? c.back : c[field]);
      lines.push(`    ${field}: "${text(pick(p.from), lang)}" -> "${text(pick(p.to), lang)}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}
