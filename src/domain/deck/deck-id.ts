// A deck id (lowercase letters, digits, - and _) proposed from a file name or a deck title.
import { cyrb53Hex } from './hash.ts';

function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/**
 * From a title: its ASCII letters and digits (`Docker 入門` -> `docker`); a title with none
 * (`コンテナ`) gets `deck-` and a short hash of the title, so it is stable for the same title.
 */
export function deckIdFromTitle(title: string): string {
  const s = asciiSlug(title);
  return s !== '' ? s : `deck-${cyrb53Hex(title.normalize('NFC')).slice(0, 6)}`;
}

/** From a file name: the name without `.md` and a `.ja` / `.en` suffix (`git.ja.md` -> `git`). */
export function deckIdFromName(name: string): string {
  return deckIdFromTitle(name.replace(/\.(md|markdown)$/i, '').replace(/\.(ja|en)$/i, ''));
}
