// The Anki text file: header lines, three tab-separated columns, tags from deck and section ids,
// and fields quoted per Anki's CSV rules when they hold a tab, a line break or a double quote.
import { describe, expect, it } from 'vitest';
import { ankiField, ankiFileName, ankiTag, exportDeckToAnki } from '../../../src/domain/anki/export-anki';
import { createCard, createDeck } from '../../factories';

/** A minimal reader of Anki's format (RFC 4180 quoting with a tab separator). */
function parseAnki(text: string): { headers: string[]; rows: string[][] } {
  const lines = text.split('\n');
  const headers: string[] = [];
  while (lines[0]?.startsWith('#')) headers.push(lines.shift()!);
  const body = lines.join('\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < body.length) {
    const c = body[i]!;
    if (quoted && c === '"' && body[i + 1] === '"') {
      field += '"';
      i += 2;
      continue;
    }
    if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"' && field === '') quoted = true;
    else if (c === '\t') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
    i += 1;
  }
  return { headers, rows };
}

describe('exportDeckToAnki', () => {
  it('starts with the header lines Anki reads and gives front, back, tags per card', () => {
    const deck = createDeck({ id: 'docker basics', commands: 2, sectionCount: 2 });
    const text = exportDeckToAnki(deck, 'en');
    const { headers, rows } = parseAnki(text);
    expect(headers).toEqual(['#separator:tab', '#html:false', '#tags column:3']);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['`cmd-0`', 'What cmd-0 does', 'docker_basics docker_basics::sec-0']);
    expect(rows[3]![2]).toBe('docker_basics docker_basics::sec-1');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('quotes fields with tabs, line breaks and quotes, and round-trips them', () => {
    const card = createCard({
      front: { en: 'say "hi"\tnow' },
      back: { en: 'line 1\r\nline 2' },
      note: { en: 'a note' },
      correction: { en: 'fixed' },
    });
    const deck = createDeck({ cards: [card] });
    const text = exportDeckToAnki(deck, 'en');
    expect(text.split('\n')[3]).toBe('"say ""hi""\tnow"\t"line 1');
    expect(parseAnki(text).rows[0]).toEqual(['say "hi"\tnow', 'line 1\nline 2\n\na note\n\n⚠ fixed', 'deck deck::sec-0']);
  });

  it('falls back to the other language', () => {
    const deck = createDeck({ cards: [createCard({ front: { ja: '前' }, back: { ja: '後' } })] });
    expect(parseAnki(exportDeckToAnki(deck, 'en')).rows[0]!.slice(0, 2)).toEqual(['前', '後']);
  });

  it('helpers: fields, tags, file names', () => {
    expect(ankiField('plain')).toBe('plain');
    expect(ankiField('a"b')).toBe('"a""b"');
    expect(ankiTag('  two words\there ')).toBe('two_words_here');
    expect(ankiFileName({ id: 'docker/basics v2' })).toBe('docker_basics_v2.anki.txt');
  });
});
