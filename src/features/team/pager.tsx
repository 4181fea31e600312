// The find box and Previous / Next of a paged list of members (use-paged.ts). The buttons stay
// focusable at the ends (aria-disabled, not disabled), so a keyboard user paging with Enter keeps
// the focus; the range ("51–100 of 500 members") is announced when it changes.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from './use-paged';

/** `list` names the list in labels ("Dashboard", "Members"): two pagers on one page differ by it. */
export function Pager<T>({ paged, list }: { paged: Paged<T>; list: string }) {
  const { t } = useTranslation();
  const id = useId();
  if (!paged.paged) return null;
  const first = paged.page === 0;
  const last = paged.page >= paged.pages - 1;
  return (
    <div className="team-pager no-print">
      <label htmlFor={`${id}-find`}>{t('team.pager.find', { list })}</label>
      <input id={`${id}-find`} type="search" autoComplete="off" autoCapitalize="none" spellCheck={false} value={paged.query} onChange={(e) => paged.setQuery(e.target.value)} />
      <nav className="team-pages" aria-label={t('team.pager.pages', { list })}>
        <button type="button" className="button" aria-disabled={first} aria-label={t('team.pager.previousLabel', { list })} onClick={() => !first && paged.setPage(paged.page - 1)}>
          {t('team.pager.previous')}
        </button>
        <span aria-live="polite" data-member-count={paged.found.length}>
          {paged.found.length === 0 ? t('team.pager.none', { query: paged.query.trim() }) : t('team.pager.range', { from: paged.from, to: paged.to, count: paged.found.length })}
        </span>
        <button type="button" className="button" aria-disabled={last} aria-label={t('team.pager.nextLabel', { list })} onClick={() => !last && paged.setPage(paged.page + 1)}>
          {t('team.pager.next')}
        </button>
      </nav>
    </div>
  );
}
