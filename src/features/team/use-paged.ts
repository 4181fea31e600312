// A long list of members (500 on a team's dashboard) shown a page at a time, with a find box:
// drawing every row made the lead's page slow to appear and a phone's page endless. Printing
// shows every row of the list (beforeprint), so a printed report is the whole team.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export const PAGE_SIZE = 50;

export interface Paged<T> {
  /** The list is longer than a page: the find box and the pager are shown. */
  paged: boolean;
  query: string;
  setQuery: (query: string) => void;
  /** The items the find box matches (all of them when it is empty). */
  found: readonly T[];
  /** What is drawn: this page of `found`, or all of it while printing. */
  shown: readonly T[];
  page: number;
  pages: number;
  /** 1-based positions in `found` of the first and last shown item (0 and 0 when none). */
  from: number;
  to: number;
  setPage: (page: number) => void;
}

/** `name` is what the find box matches (case-insensitive, anywhere in it). */
export function usePaged<T>(items: readonly T[], name: (item: T) => string, size = PAGE_SIZE): Paged<T> {
  const [query, setQueryState] = useState('');
  const [page, setPage] = useState(0);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Synchronously, so the printed page already holds every row.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const paged = items.length > size;
  const q = paged ? query.trim().toLowerCase() : '';
  const found = q === '' ? items : items.filter((item) => name(item).toLowerCase().includes(q));
  const pages = Math.max(1, Math.ceil(found.length / size));
  // The list may have shrunk under the page (a refresh, a narrower search): the last page then.
  const current = Math.min(page, pages - 1);
  const start = current * size;
  const shown = printing || !paged ? found : found.slice(start, start + size);
  return {
    paged,
    query,
    setQuery: (v: string) => {
      setQueryState(v);
      setPage(0);
    },
    found,
    shown,
    page: current,
    pages,
    from: found.length === 0 ? 0 : printing ? 1 : start + 1,
    to: printing ? found.length : Math.min(found.length, start + size),
    setPage: (p: number) => setPage(Math.max(0, Math.min(pages - 1, p))),
  };
}
