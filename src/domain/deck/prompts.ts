// The words the compiler itself adds to a bullet's default card ("section: complete this line of
// the memo."), and that card's front in a UI language the deck lacks: the frame follows the UI,
// the memo's words stay as written (issue 26: a Japanese-only deck asked an English learner
// 「基本」: メモのこの一文を完成させてください。).
import type { Card, Lang, Localized } from './types.ts';
import { LANGS } from './types.ts';

export const PROMPTS: Record<Lang, { complete: (section: string, head: string) => string; blank: string }> = {
  ja: { complete: (s, h) => `「${s}」: メモのこの一文を完成させてください。\n${h}…`, blank: '［　？　］' },
  en: { complete: (s, h) => `${s}: complete this line of the memo.\n${h}…`, blank: '[ ? ]' },
};

/** The frame of each language read back: the section title, then the memo's opening words. */
const FRAMES: Record<Lang, RegExp> = {
  ja: /^「([^\n]*)」: メモのこの一文を完成させてください。\n([\s\S]*)…$/,
  en: /^([^\n]*): complete this line of the memo\.\n([\s\S]*)…$/,
};

/**
 * A card's front with the UI language added where the deck has none and the front is the
 * compiler's default frame; any other front is returned as it is.
 */
export function frontIn(card: Pick<Card, 'kind' | 'front'>, lang: Lang): Localized {
  if (card.kind !== 'fact' || card.front[lang]) return card.front;
  for (const other of LANGS) {
    const match = card.front[other] ? FRAMES[other].exec(card.front[other]) : null;
    if (match) return { ...card.front, [lang]: PROMPTS[lang].complete(match[1] ?? '', match[2] ?? '') };
  }
  return card.front;
}
