// Which file of a deck is which: `memo.<lang>.md` / `notes.<lang>.md` by name, or one memo of
// any name (`git.ja.md`, `team-tools.md`) whose language comes from its suffix or its text.
import { deckError, type DeckError } from './errors.ts';
import { LANGS, type Lang } from './types.ts';

export interface DeckSourceFile {
  /** Path as shown in errors and `source` (repo-relative in the CLI, the file name in the app). */
  path: string;
  text: string;
  /** Set when the caller already knows the file's role (a memo of any name); else from the name. */
  role?: 'memo' | 'notes';
  /** With `role`: the file's language. */
  lang?: Lang;
}

const FILE_NAME = /^(memo|notes)\.([^.]+)\.md$/;

export function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** `ja` / `en` from a `.ja.md` / `.en.md` suffix, if the name has one. */
export function langOfName(name: string): Lang | undefined {
  const m = /\.([a-z]{2})\.(md|markdown)$/i.exec(name);
  const lang = m?.[1]?.toLowerCase();
  return lang !== undefined && isLang(lang) ? lang : undefined;
}

/**
 * The language a memo is written in: Japanese when kana make up a noticeable share of its
 * letters outside code, else English. Kana (not kanji) decide, since only Japanese uses them.
 */
export function detectLang(text: string): Lang {
  const prose = text.replace(/`[^`\n]*`/g, ' ');
  let kana = 0;
  let letters = 0;
  for (const ch of prose) {
    if (/[\u3040-\u30ff]/.test(ch)) kana++;
    else if (/[A-Za-z]/.test(ch)) letters++;
  }
  return kana >= 3 && kana * 10 >= letters ? 'ja' : 'en';
}

export interface ClassifiedFiles {
  memos: Map<Lang, DeckSourceFile>;
  notes: Map<Lang, DeckSourceFile>;
}

/** Sorts the input files into memos and notes per language; bad names are errors. */
export function classifyFiles(files: readonly DeckSourceFile[], errors: DeckError[]): ClassifiedFiles {
  const out: ClassifiedFiles = { memos: new Map(), notes: new Map() };
  for (const file of files) {
    let role = file.role;
    let lang: string | undefined = file.lang;
    if (role === undefined) {
      const m = FILE_NAME.exec(baseName(file.path));
      if (!m) {
        if (/^(memo|notes)\b/.test(baseName(file.path))) {
          errors.push(deckError(file.path, 1, 'unknown deck file name: use memo.<lang>.md or notes.<lang>.md with lang ja or en'));
        }
        continue;
      }
      role = m[1] === 'memo' ? 'memo' : 'notes';
      lang = m[2] ?? '';
    }
    if (lang === undefined || !isLang(lang)) {
      errors.push(deckError(file.path, 1, `unknown language "${lang ?? ''}": use ja or en`));
      continue;
    }
    const into = role === 'memo' ? out.memos : out.notes;
    const twice = into.get(lang);
    if (twice) {
      errors.push(deckError(file.path, 1, `a second ${role === 'memo' ? 'memo' : 'notes file'} in ${lang === 'ja' ? 'Japanese' : 'English'} (${baseName(twice.path)} is one): a deck has one per language`));
      continue;
    }
    into.set(lang, file);
  }
  return out;
}
