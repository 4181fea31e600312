// Home: today's work at a glance and the decks Kujira knows.
import { useTranslation } from 'react-i18next';
import { useDecks } from '../../hooks/use-decks';
import type { Lang } from '../../domain/deck/types';

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const { decks } = useDecks();
  const lang = i18n.language as Lang;
  return (
    <>
      <h1>{t('common.appName')}</h1>
      <p className="muted">{t('common.tagline')}</p>
      <section className="panel" aria-labelledby="decks-heading">
        <h2 id="decks-heading">{t('common.decks.heading')}</h2>
        <ul className="deck-list">
          {decks.map((deck) => (
            <li key={deck.id}>
              <span>{deck.title[lang] ?? deck.title[deck.languages[0] ?? 'en']}</span>
              <span className="muted">{t('common.decks.cards', { count: deck.cards.length })}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
