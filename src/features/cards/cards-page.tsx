// The card browser (/cards): search by text in either language, filter by section and state,
// 50 results at a time; /cards/<cardId> opens a card's info. The search stays as it was when
// coming back from a card, because this one component serves both addresses.
import { useCallback, useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link, useRoute } from 'wouter';
import { RichText } from '../../components/rich-text';
import type { Lang } from '../../domain/deck/types';
import { useDecks } from '../../hooks/use-decks';
import { CardDetails } from './card-details';
import {
  STATE_FILTERS,
  sectionValue,
  useCardSearch,
  type BrowserCard,
  type CardFilters,
  type StateFilter,
} from './use-card-search';
import './cards.css';
import { pickLocalized, localizedText } from '../../domain/deck/localized';
import { frontIn } from '../../domain/deck/prompts';

export const PAGE_SIZE = 50;

/** The address of a card's info page. */
export function cardHref(cardId: string): string {
  return `/cards/${encodeURIComponent(cardId)}`;
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function ResultItem({ item, lang, focusRef }: { item: BrowserCard; lang: Lang; focusRef?: (el: HTMLAnchorElement | null) => void }) {
  const { t } = useTranslation();
  const { card, state } = item;
  const front = pickLocalized(frontIn(card, lang), lang);
  const back = pickLocalized(card.back, lang);
  const kind = state?.state ?? 'new';
  return (
    <li className="cards-item">
      <Link href={cardHref(card.id)} className="cards-link" ref={focusRef}>
        {front && <RichText className="cards-front" text={front.text} lang={front.lang} />}
        {back && <RichText className="cards-back-text muted" text={back.text} lang={back.lang} />}
      </Link>
      <span className="cards-badges">
        <span className={`cards-badge cards-badge-${kind}`}>{t(`browser.state.${kind}`)}</span>
        {state?.suspended && <span className="cards-badge cards-badge-suspended">{t('browser.state.suspended')}</span>}
        {state?.leech && <span className="cards-badge cards-badge-leech">{t('browser.state.leech')}</span>}
      </span>
    </li>
  );
}

function CardList({
  filters,
  setFilters,
  returnTo,
  onReturned,
}: {
  filters: CardFilters;
  setFilters: (f: CardFilters) => void;
  /** The card just closed: its link gets the focus back, once. */
  returnTo: string | null;
  onReturned: () => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const id = useId();
  const { decks } = useDecks();
  const query = useDeferredValue(filters.query);
  const results = useCardSearch(decks, { ...filters, query });
  // "Show more" grows the list; any change of the search starts again at one page.
  const filterKey = `${query}\u0000${filters.section}\u0000${filters.state}`;
  const [page, setPage] = useState({ key: filterKey, limit: PAGE_SIZE });
  const limit = page.key === filterKey ? page.limit : PAGE_SIZE;
  const focusReturned = useCallback(
    (el: HTMLAnchorElement | null) => {
      if (!el) return;
      el.focus();
      onReturned();
    },
    [onReturned],
  );

  const shown = results?.slice(0, limit) ?? [];
  const remaining = results ? results.length - shown.length : 0;
  const deckTitle = (title: Partial<Record<Lang, string>>) => localizedText(title, lang);

  return (
    <div className="cards-page">
      <h1>{t('browser.title')}</h1>
      <form
        role="search"
        aria-label={t('browser.search.label')}
        className="cards-filters panel"
        onSubmit={(e) => e.preventDefault()}>
        <div className="field cards-search">
          <label htmlFor={`${id}-q`}>{t('browser.search.label')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={filters.query}
            placeholder={t('browser.search.placeholder')}
            autoComplete="off"
            onChange={(e) => setFilters({ ...filters, query: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-section`}>{t('browser.section.label')}</label>
          <select
            id={`${id}-section`}
            value={filters.section}
            onChange={(e) => setFilters({ ...filters, section: e.target.value })}
          >
            <option value="">{t('browser.section.all')}</option>
            {decks.map((deck) => {
              const options = [...deck.sections]
                .sort((a, b) => a.order - b.order)
                .map((s) => (
                  <option key={s.id} value={sectionValue(deck.id, s.id)}>
                    {localizedText(s.title, lang) || s.id}
                  </option>
                ));
              return decks.length > 1 ? (
                <optgroup key={deck.id} label={deckTitle(deck.title)}>
                  {options}
                </optgroup>
              ) : (
                options
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>{t('browser.state.label')}</label>
          <select
            id={`${id}-state`}
            value={filters.state}
            onChange={(e) => setFilters({ ...filters, state: e.target.value as StateFilter })}
          >
            {STATE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`browser.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {results === undefined ? (
        <p aria-live="polite">{t('common.loading')}</p>
      ) : (
        <section aria-labelledby={`${id}-results`}>
          <div className="cards-summary">
            <h2 id={`${id}-results`} className="visually-hidden">
              {t('browser.results')}
            </h2>
            <p role="status" className="cards-count">
              {t('browser.count', { count: results.length })}
            </p>
          </div>
          {results.length === 0 ? (
            <p className="muted">{t('browser.empty')}</p>
          ) : (
            <ul className="cards-list" aria-labelledby={`${id}-results`}>
              {shown.map((item) => (
                <ResultItem
                  key={item.card.id}
                  item={item}
                  lang={lang}
                  focusRef={item.card.id === returnTo ? focusReturned : undefined}
                />
              ))}
            </ul>
          )}
          {remaining > 0 && (
            <div className="cards-more">
              <p className="muted">{t('browser.showing', { shown: shown.length, total: results.length })}</p>
              <button
                type="button"
                className="button"
                onClick={() => setPage({ key: filterKey, limit: limit + PAGE_SIZE })}
              >
                {t('browser.showMore', { count: Math.min(PAGE_SIZE, remaining) })}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

/** Mount at one route matching both /cards and /cards/<cardId> (e.g. path "/cards/*?"). */
export default function CardsPage() {
  const [open, params] = useRoute<{ cardId: string }>('/cards/:cardId');
  const [filters, setFilters] = useState<CardFilters>({ query: '', section: '', state: 'all' });
  const cardId = open && params ? decodeParam(params.cardId) : null;
  // The card last opened gets the focus back when returning to the list.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  if (cardId !== null && cardId !== returnTo) setReturnTo(cardId);
  const onReturned = useCallback(() => setReturnTo(null), []);

  return cardId !== null ? (
    <CardDetails key={cardId} cardId={cardId} />
  ) : (
    <CardList filters={filters} setFilters={setFilters} returnTo={returnTo} onReturned={onReturned} />
  );
}
