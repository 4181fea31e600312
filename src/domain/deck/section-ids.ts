// Section ids: from the notes' `## Sections` part ("- 3: memo"), else a slug of the primary
// title; ids are unique within a deck.
import { deckError, type DeckError } from './errors.ts';
import type { ParsedMemo } from './parse-memo.ts';
import { SECTION_ID, type ParsedNotes } from './parse-notes.ts';

export function slug(title: string): string {
  return title.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

export function sectionIdsOf(primary: ParsedMemo, notes: readonly (ParsedNotes | undefined)[], errors: DeckError[]): string[] {
  const sectionCount = primary.sections.length;
  const explicitIds = new Map<number, string>();
  const idLines = new Map<string, string>();
  for (const n of notes) {
    for (const s of n?.sectionIds ?? []) {
      const file = n?.file ?? '';
      if (s.index < 1 || s.index > sectionCount) {
        errors.push(deckError(file, s.line, `there is no section ${s.index} (the memo has ${sectionCount})`));
      } else if (explicitIds.has(s.index) && explicitIds.get(s.index) !== s.id) {
        errors.push(deckError(file, s.line, `section ${s.index} already has the id "${explicitIds.get(s.index)}"`));
      } else if (idLines.has(s.id) && explicitIds.get(s.index) !== s.id) {
        errors.push(deckError(file, s.line, `section id "${s.id}" is already used (${idLines.get(s.id)})`));
      } else {
        explicitIds.set(s.index, s.id);
        idLines.set(s.id, `section ${s.index}`);
      }
    }
  }
  const used = new Set(explicitIds.values());
  return primary.sections.map((s, i) => {
    const explicit = explicitIds.get(i + 1);
    if (explicit) return explicit;
    let base = slug(s.title);
    if (!SECTION_ID.test(base)) base = `s${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
