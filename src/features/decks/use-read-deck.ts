// Reading dropped, chosen or pasted Markdown into a deck, with the compiler loaded on first use
// (a lazy chunk: the first visit does not pay for it).
import { useCallback, useState } from 'react';
import type { GivenFile, ReadDeckResult } from './read-deck';

export type ReadState = { status: 'idle' } | { status: 'reading' } | { status: 'done'; result: ReadDeckResult; given: GivenFile[] };

export function loadReader(): Promise<typeof import('./read-deck')> {
  return import('./read-deck');
}

/** Files from an <input type="file"> or a drop, as name + text. */
export async function givenOf(files: Iterable<File>): Promise<GivenFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, text: await f.text() })));
}

export function useReadDeck() {
  const [state, setState] = useState<ReadState>({ status: 'idle' });
  const read = useCallback(async (given: GivenFile[], id?: string): Promise<ReadDeckResult | null> => {
    if (given.length === 0) return null;
    setState({ status: 'reading' });
    const { readDeck } = await loadReader();
    const result = readDeck(given, id);
    setState({ status: 'done', result, given });
    return result;
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, read, reset };
}
