// Checks across the memos of a deck: a command repeated in one memo, and sections, rows and
// bullets without their counterpart in the other language.
import { baseName } from './deck-files.ts';
import { deckError, type DeckError } from './errors.ts';
import type { Side } from './side.ts';

/** The same command twice in one memo is an error at the second one. */
export function checkRepeats(sides: readonly Side[], errors: DeckError[]): void {
  for (const side of sides) {
    const first = new Map<string, number>();
    for (const s of side.memo.sections) {
      for (const r of s.rows) {
        const at = first.get(r.key);
        if (at !== undefined) errors.push(deckError(side.memo.file, r.line, `repeated command \`${r.key}\`: it is already at line ${at}`));
        else first.set(r.key, r.line);
      }
    }
  }
}

/** Sections by position, rows by key, bullets by position: each must exist in every language. */
export function checkCounterparts(primary: Side, others: readonly Side[], errors: DeckError[]): void {
  for (const other of others) {
    const pairs: [Side, Side][] = [[primary, other], [other, primary]];
    for (const [a, b] of pairs) {
      const missingIn = baseName(b.memo.file);
      a.memo.sections.forEach((sa, i) => {
        const sb = b.memo.sections[i];
        const rowsB = b.rows[i];
        if (!sb || !rowsB) {
          errors.push(deckError(a.memo.file, sa.line, `section "${sa.title}" has no counterpart in ${missingIn} (sections are matched by position)`));
          return;
        }
        for (const r of sa.rows) {
          if (!rowsB.has(r.key)) {
            errors.push(deckError(a.memo.file, r.line, `row \`${r.key}\` has no counterpart in section "${sb.title}" of ${missingIn}`));
          }
        }
        sa.bullets.forEach((bullet, bi) => {
          const counterpart = sb.bullets[bi];
          if (!counterpart) {
            errors.push(deckError(a.memo.file, bullet.line, `bullet ${bi + 1} of section "${sa.title}" has no counterpart in ${missingIn} (bullets are matched by position)`));
          } else if (a === primary && counterpart.clozes.length !== bullet.clozes.length) {
            errors.push(deckError(b.memo.file, counterpart.line, `this bullet has ${counterpart.clozes.length} {{blank(s)}} but its counterpart in ${baseName(a.memo.file)} has ${bullet.clozes.length}`));
          }
        });
      });
    }
  }
}
