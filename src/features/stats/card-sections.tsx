// The cards on the statistics page: how many are in each state, mastery per section, and the
// leeches (cards forgotten again and again), each leech linking to its card.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Card, Deck, Lang } from '../../domain/deck/types';
import { localizedText } from '../../domain/deck/localized';
import { Section } from './stats-layout';
import type { StatsFormat } from './use-stats-format';
import type { StatsData } from './use-stats';

const STATE_KEYS = ['new', 'learning', 'relearning', 'review', 'suspended'] as const;

export function StatesSection({ states }: { states: StatsData['states'] }) {
  const { t } = useTranslation();
  return (
    <Section id="stats-states" title={t('stats.states.title')}>
      <table className="stats-plain">
        <caption className="visually-hidden">{t('stats.states.caption')}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('stats.states.state')}</th>
            <th scope="col">{t('stats.states.count')}</th>
          </tr>
        </thead>
        <tbody>
          {STATE_KEYS.map((k) => (
            <tr key={k}>
              <th scope="row">
                <span className={`state-dot state-${k}`} aria-hidden="true" />
                {t(`stats.states.${k}`)}
              </th>
              <td data-testid={`state-${k}`}>{states[k]}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t('stats.states.total')}</th>
            <td>{states.total}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  );
}

/** "Deck › Section" in the UI language (ids when a deck or section is no longer there). */
function sectionTitle(decks: readonly Deck[], deckId: string, sectionId: string, lang: Lang): string {
  const deck = decks.find((d) => d.id === deckId);
  const sec = deck?.sections.find((s) => s.id === sectionId);
  const deckName = deck ? localizedText(deck.title, lang) || deck.id : deckId;
  return `${deckName} › ${(sec && localizedText(sec.title, lang)) || sectionId}`;
}

export function MasterySection({ mastery, decks, lang, fmt }: { mastery: StatsData['mastery']; decks: readonly Deck[]; lang: Lang; fmt: StatsFormat }) {
  const { t } = useTranslation();
  return (
    <Section id="stats-mastery" title={t('stats.mastery.title')}>
      <p className="muted">{t('stats.mastery.explanation')}</p>
      <table className="stats-plain mastery">
        <caption className="visually-hidden">{t('stats.mastery.caption')}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('stats.mastery.section')}</th>
            <th scope="col">{t('stats.mastery.mastered')}</th>
          </tr>
        </thead>
        <tbody>
          {mastery.map((m) => (
            <tr key={`${m.deckId}/${m.sectionId}`}>
              <th scope="row">{sectionTitle(decks, m.deckId, m.sectionId, lang)}</th>
              <td>
                <span className="mastery-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(m.share * 100)}%` }} />
                </span>
                {t('stats.mastery.value', { mastered: m.mastered, total: m.total, percent: fmt.pct(m.share) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function LeechesSection({ leeches, cardById, lang }: { leeches: StatsData['leeches']; cardById: ReadonlyMap<string, Card>; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Section id="stats-leeches" title={t('stats.leeches.title')}>
      <p className="muted">{t('stats.leeches.explanation')}</p>
      {leeches.length === 0 ? (
        <p>{t('stats.leeches.none')}</p>
      ) : (
        <ul className="leech-list">
          {leeches.map((l) => {
            const card = cardById.get(l.cardId);
            const label = (card && localizedText(card.front, lang)) || l.cardId;
            return (
              <li key={l.cardId}>
                <Link href={`/cards/${encodeURIComponent(l.cardId)}`}>{label.replace(/`/g, '')}</Link>{' '}
                <span className="muted">
                  {t('stats.leeches.lapses', { count: l.lapses })}
                  {l.suspended ? ` · ${t('stats.leeches.suspended')}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
