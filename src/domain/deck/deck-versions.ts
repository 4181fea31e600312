// Which of two versions of a deck is the newer, on every device alike: by the version counter
// (1 when added, one more than the newest known version at each update or publish), ties (two
// devices updating the same version while offline) by a hash of the content. Never by a clock:
// a device whose clock is a year ahead must not freeze a deck for everyone else (issue 22).
import { cyrb53Hex } from './hash.ts';

export interface DeckVersionKey {
  version: number;
  /** A hash of the version's source files (canonicalFilesKey). */
  content: string;
}

/** A stable key of a version's files (path, role, language and text, in order). */
export function canonicalFilesKey(files: readonly unknown[]): string {
  return cyrb53Hex(JSON.stringify(files.map((f) => {
    const x = (f ?? {}) as { path?: unknown; text?: unknown; role?: unknown; lang?: unknown };
    return [x.path, x.role ?? null, x.lang ?? null, x.text];
  })));
}

/** Positive when `a` is newer than `b`, negative when older, 0 for the same version. */
export function compareDeckVersions(a: DeckVersionKey, b: DeckVersionKey): number {
  const va = Number.isSafeInteger(a.version) && a.version >= 0 ? a.version : 0;
  const vb = Number.isSafeInteger(b.version) && b.version >= 0 ? b.version : 0;
  if (va !== vb) return va - vb;
  return a.content < b.content ? -1 : a.content > b.content ? 1 : 0;
}
