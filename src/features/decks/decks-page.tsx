// The Decks page: every deck in the app (built in, and added from Markdown), adding a deck,
// and updating, exporting or removing an added one.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedText } from '../../domain/deck/localized';
import { useUiLanguage } from '../../i18n/ui-language';
import { useStoredDecks } from '../../db';
import { useDecks } from '../../hooks/use-decks';
import { AddDeck } from './add-deck';
import { isTeamDeckId } from '../../domain/deck/deck-owner';
import { StoredDeckItem } from './stored-deck-item';
import './decks.css';

export default function DecksPage() {
  const { t } = useTranslation();
  const titleId = useId();
  const { decks } = useDecks();
  const stored = useStoredDecks();
  const storedIds = useMemo(() => new Set((stored ?? []).map((s) => s.deck.id)), [stored]);
  // Until the stored decks are read, a team's deck is not taken for a built-in one (it showed
  // under "Built in" for a moment beside the built-in deck of the same title).
  const builtIn = decks.filter((d) => !storedIds.has(d.id) && (stored !== undefined || !isTeamDeckId(d.id)));
  const builtInIds = useMemo(() => new Set(builtIn.map((d) => d.id)), [builtIn]);
  const lang = useUiLanguage();
  return (
    <>
      <h1>{t('decks.title')}</h1>
      <p>{t('decks.intro')}</p>
      <section className="panel" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('decks.builtIn')}</h2>
        <ul className="decks-list">
          {builtIn.map((d) => (
            <li key={d.id} className="decks-item">
              <h3>{localizedText(d.title, lang) || d.id}</h3>
              <p className="decks-meta">
                {d.id} · {t('decks.cardCount', { count: d.cards.length })} · {t('decks.languages', { langs: d.languages.join(', ') })}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {stored && stored.length > 0 && (
        <section className="panel" aria-label={t('decks.added')}>
          <h2>{t('decks.added')}</h2>
          <ul className="decks-list">
            {stored.map((s) => (
              <StoredDeckItem key={s.deck.id} stored={s} />
            ))}
          </ul>
        </section>
      )}
      <AddDeck builtInIds={builtInIds} storedIds={storedIds} />
    </>
  );
}
