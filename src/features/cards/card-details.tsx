// Card info: the card's content (answer shown), its memory state now (stability, difficulty,
// chance of recall, due), its review history, and suspend/unsuspend. Reached at /cards/<cardId>.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link } from 'wouter';
import { CardView } from '../../components/card-view';
import { useCardInfo, useSettings } from '../../db';
import type { ReviewLogEntry } from '../../domain/scheduler/types';
import type { Card } from '../../domain/deck/types';
import { formatInterval } from '../../domain/scheduler/format-interval';
import type { Grade, RatingName } from '../../domain/scheduler/types';
import { useDecks } from '../../hooks/use-decks';
import { useNow } from '../../hooks/clock';
import { useSuspend } from './use-suspend';

const DAY_MS = 86_400_000;
const RATING_NAMES: Record<Grade, RatingName> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

/** How long the review scheduled the card for: whole days, or the learning step's length. */
function entryIntervalMs(e: ReviewLogEntry): number {
  return e.scheduledDays > 0 ? e.scheduledDays * DAY_MS : Math.max(0, e.due - e.reviewedAt);
}

function SuspendButton({ cardId, suspended }: { cardId: string; suspended: boolean }) {
  const { t } = useTranslation();
  const { setSuspended, busy } = useSuspend(cardId);
  return (
    <button type="button" className="button" disabled={busy} onClick={() => void setSuspended(!suspended)}>
      {suspended ? t('browser.info.unsuspend') : t('browser.info.suspend')}
    </button>
  );
}

export function CardDetails({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const now = useNow(60_000);
  const info = useCardInfo(cardId, now);
  const settings = useSettings();
  const { cardById } = useDecks();
  const card: Card | null = cardById.get(cardId) ?? info?.card ?? null;
  const focusHeading = useCallback((el: HTMLHeadingElement | null) => el?.focus(), []);

  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const round1 = (x: number) => Math.round(x * 10) / 10;

  const back = (
    <Link href="/cards" className="cards-back">
      <span aria-hidden="true">← </span>
      {t('browser.info.back')}
    </Link>
  );

  if (info === undefined && !card) return <p aria-live="polite">{t('common.loading')}</p>;
  if (info === null && !card) {
    return (
      <>
        {back}
        <h1 ref={focusHeading} tabIndex={-1}>
          {t('browser.info.heading')}
        </h1>
        <p>{t('browser.info.notFound')}</p>
      </>
    );
  }

  const history = info ? [...info.history].reverse() : [];
  return (
    <div className="card-details">
      {back}
      <h1 ref={focusHeading} tabIndex={-1}>
        {t('browser.info.heading')}
      </h1>

      {card && (
        <section className="panel" aria-label={t('browser.info.content')}>
          <CardView card={card} lang={lang} showBoth={settings?.showBothLanguages ?? false} revealed />
        </section>
      )}

      {info && (
        <>
          {info.retired && <p className="banner">{t('browser.info.retired')}</p>}
          {info.suspended && <p className="banner cards-suspended-note">{t('browser.info.suspended')}</p>}
          <div className="row cards-actions">
            <SuspendButton cardId={cardId} suspended={info.suspended} />
          </div>

          <dl className="stat-grid cards-info">
            <div className="stat">
              <dt className="stat-label">{t('browser.info.state')}</dt>
              <dd className="stat-value">{t(`browser.state.${info.state}`)}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('browser.info.stability')}</dt>
              <dd className="stat-value">
                {info.stability === null
                  ? t('browser.info.none')
                  : t('browser.info.days', { count: round1(info.stability), value: number.format(info.stability) })}
              </dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('browser.info.difficulty')}</dt>
              <dd className="stat-value">
                {info.difficulty === null
                  ? t('browser.info.none')
                  : t('browser.info.difficultyValue', { value: number.format(info.difficulty) })}
              </dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('browser.info.retrievability')}</dt>
              <dd className="stat-value">
                {info.retrievability === null
                  ? t('browser.info.none')
                  : t('browser.info.percent', { value: Math.round(info.retrievability * 100) })}
              </dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('browser.info.due')}</dt>
              <dd className="stat-value cards-due">
                {info.due === null ? t('browser.info.none') : dateTime.format(info.due)}
              </dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('browser.info.reps')}</dt>
              <dd className="stat-value">{info.reps}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('browser.info.lapses')}</dt>
              <dd className="stat-value">{info.lapses}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('browser.info.leech')}</dt>
              <dd className="stat-value">{info.leech ? t('browser.info.yes') : t('browser.info.no')}</dd>
            </div>
          </dl>

          <section className="panel cards-history" aria-labelledby="cards-history-heading">
            <h2 id="cards-history-heading">{t('browser.history.heading')}</h2>
            {history.length === 0 ? (
              <p className="muted">{t('browser.history.empty')}</p>
            ) : (
              <div className="cards-table-wrap">
                <table aria-labelledby="cards-history-heading">
                  <thead>
                    <tr>
                      <th scope="col">{t('browser.history.date')}</th>
                      <th scope="col">{t('browser.history.rating')}</th>
                      <th scope="col">{t('browser.history.interval')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.map((e) => {
                      const ivl = formatInterval(entryIntervalMs(e));
                      return (
                        <tr key={e.id}>
                          <td>{dateTime.format(e.reviewedAt)}</td>
                          <td className={`cards-rating cards-rating-${RATING_NAMES[e.rating]}`}>
                            {t(`browser.rating.${RATING_NAMES[e.rating]}`)}
                          </td>
                          <td>{t(`browser.interval.${ivl.unit}`, { value: number.format(ivl.value) })}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
