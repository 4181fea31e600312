// A deck as a text file Anki's "Import File" reads: tab-separated front, back and tags, with the
// header lines that tell Anki the separator, that fields are plain text (not HTML) and which
// column holds the tags. Pure: the feature turns the text into a download.
import type { Card, Deck, Lang } from '../deck/types';
import { localizedText } from '../deck/localized';

/** A field quoted per Anki's CSV rules when it holds a tab, a line break or a double quote. */
export function ankiField(text: string): string {
  const t = text.replace(/\r\n?/g, '\n');
  return /[\t\n"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Anki tags are space-separated: spaces (and other whitespace) inside one tag become `_`. */
export function ankiTag(text: string): string {
  return text.trim().replace(/\s+/g, '_');
}

function backOf(card: Card, lang: Lang): string {
  const parts = [localizedText(card.back, lang)];
  const note = localizedText(card.note, lang);
  if (note) parts.push(note);
  const correction = localizedText(card.correction, lang);
  if (correction) parts.push(`⚠ ${correction}`);
  return parts.filter((p) => p !== '').join('\n\n');
}

/** The file's text: header lines, then one line per card (front, back with note, tags). */
export function exportDeckToAnki(deck: Deck, lang: Lang): string {
  const lines = ['#separator:tab', '#html:false', '#tags column:3'];
  for (const card of [...deck.cards].sort((a, b) => a.order - b.order)) {
    const tags = [ankiTag(deck.id), ankiTag(`${deck.id}::${card.sectionId}`)].join(' ');
    lines.push([ankiField(localizedText(card.front, lang)), ankiField(backOf(card, lang)), ankiField(tags)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** `<deck>.anki.txt`, the deck id made safe as a file name. */
export function ankiFileName(deck: Pick<Deck, 'id'>): string {
  return `${deck.id.replace(/[^\w.-]+/g, '_')}.anki.txt`;
}
