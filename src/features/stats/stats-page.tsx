// The statistics page (route /stats, lazy-loaded): review heatmap, due forecast, true retention
// beside the desired retention, cards by state, mastery per section, quiz scores and leeches.
// Every chart is an inline SVG hidden from screen readers, with the same numbers in a table.
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { pickText } from '../../components/card-view';
import type { Lang } from '../../domain/deck/types';
import { dayKeyToUtcMs } from '../../domain/scheduler/day';
import type { Retention } from '../../domain/stats/stats';
import { useClock } from '../../hooks/clock';
import { useDecks } from '../../hooks/use-decks';
import { BarChart, HeatmapChart, LineChart } from './charts';
import { useStats } from './use-stats';
import './stats.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel stats-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function TableDetails({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="stats-table">
      <summary>{t('stats.showTable')}</summary>
      <table>
        <caption>{caption}</caption>
        {children}
      </table>
    </details>
  );
}

export default function StatsPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'ja' ? 'ja' : 'en') as Lang;
  const { decks, cardById } = useDecks();
  const clock = useClock();
  const [now] = useState(() => clock.now());
  const { data, error } = useStats(decks, now);

  const fmt = useMemo(() => {
    const day = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(data ? { timeZone: data.day.timeZone } : {}) });
    return { day: (key: string) => day.format(dayKeyToUtcMs(key)), pct: (x: number) => pct.format(x), dateTime: (ms: number) => dateTime.format(ms) };
  }, [lang, data]);

  if (error) return <p role="alert">{t('stats.failed', { message: error instanceof Error ? error.message : String(error) })}</p>;
  if (!data) {
    return (
      <>
        <h1>{t('stats.title')}</h1>
        <p aria-live="polite">{t('stats.loading')}</p>
      </>
    );
  }

  const sectionTitle = (deckId: string, sectionId: string) => {
    const deck = decks.find((d) => d.id === deckId);
    const sec = deck?.sections.find((s) => s.id === sectionId);
    const deckName = deck ? pickText(deck.title, lang)?.text ?? deck.id : deckId;
    return `${deckName} › ${(sec && pickText(sec.title, lang)?.text) ?? sectionId}`;
  };
  const retention = (r: Retention) =>
    r.rate === null ? t('stats.retention.none') : `${fmt.pct(r.rate)} (${t('stats.retention.answers', { count: r.total })})`;
  const forecastTotal = data.forecast.reduce((s, d) => s + d.count, 0);
  const stateKeys = ['new', 'learning', 'relearning', 'review', 'suspended'] as const;
  const modeName = (mode: string) =>
    mode === 'practice' || mode === 'sprint' || mode === 'exam' ? t(`stats.quiz.modes.${mode}`) : t('stats.quiz.modes.other', { mode });

  return (
    <div className="stats-page">
      <h1>{t('stats.title')}</h1>

      <Section id="stats-retention" title={t('stats.retention.title')}>
        <p className="muted">{t('stats.retention.explanation')}</p>
        <dl className="stats-figures">
          <div>
            <dt>{t('stats.retention.last7')}</dt>
            <dd data-testid="retention-7">{retention(data.retention7)}</dd>
          </div>
          <div>
            <dt>{t('stats.retention.last30')}</dt>
            <dd data-testid="retention-30">{retention(data.retention30)}</dd>
          </div>
          <div>
            <dt>{t('stats.retention.desired')}</dt>
            <dd>{fmt.pct(data.desiredRetention)}</dd>
          </div>
        </dl>
      </Section>

      <Section id="stats-heatmap" title={t('stats.heatmap.title')}>
        <p data-testid="heatmap-summary">{t('stats.heatmap.summary', {
            reviews: t('stats.heatmap.reviewCount', { count: data.heatmap.total }),
            days: t('stats.heatmap.dayCount', { count: data.heatmap.activeDays }),
          })}</p>
        <div className="chart-scroll">
          <HeatmapChart heatmap={data.heatmap} />
        </div>
        <p className="heat-legend muted" aria-hidden="true">
          {t('stats.heatmap.less')}
          {[0, 1, 2, 3, 4].map((l) => (
            <span key={l} className={`heat-swatch heat-${l}`} />
          ))}
          {t('stats.heatmap.more')}
        </p>
        <TableDetails caption={t('stats.heatmap.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('stats.heatmap.day')}</th>
              <th scope="col">{t('stats.heatmap.reviews')}</th>
            </tr>
          </thead>
          <tbody>
            {data.heatmap.days
              .filter((d) => d.count > 0)
              .reverse()
              .map((d) => (
                <tr key={d.key}>
                  <th scope="row">{fmt.day(d.key)}</th>
                  <td>{d.count}</td>
                </tr>
              ))}
          </tbody>
        </TableDetails>
      </Section>

      <Section id="stats-forecast" title={t('stats.forecast.title')}>
        <p>{t('stats.forecast.summary', { total: forecastTotal, today: data.forecast[0]?.count ?? 0 })}</p>
        <BarChart data={data.forecast} />
        <TableDetails caption={t('stats.forecast.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('stats.forecast.day')}</th>
              <th scope="col">{t('stats.forecast.cards')}</th>
            </tr>
          </thead>
          <tbody>
            {data.forecast.map((d, i) => (
              <tr key={d.key}>
                <th scope="row">{i === 0 ? t('stats.forecast.today') : fmt.day(d.key)}</th>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </TableDetails>
      </Section>

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
            {stateKeys.map((k) => (
              <tr key={k}>
                <th scope="row">
                  <span className={`state-dot state-${k}`} aria-hidden="true" />
                  {t(`stats.states.${k}`)}
                </th>
                <td data-testid={`state-${k}`}>{data.states[k]}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row">{t('stats.states.total')}</th>
              <td>{data.states.total}</td>
            </tr>
          </tbody>
        </table>
      </Section>

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
            {data.mastery.map((m) => (
              <tr key={`${m.deckId}/${m.sectionId}`}>
                <th scope="row">{sectionTitle(m.deckId, m.sectionId)}</th>
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

      <Section id="stats-quiz" title={t('stats.quiz.title')}>
        {data.quiz.length === 0 ? (
          <p className="muted">{t('stats.quiz.none')}</p>
        ) : (
          data.quiz.map((series) => (
            <div key={series.mode} className="quiz-series">
              <h3>{modeName(series.mode)}</h3>
              <LineChart points={series.points} />
              <TableDetails caption={t('stats.quiz.caption', { mode: modeName(series.mode) })}>
                <thead>
                  <tr>
                    <th scope="col">{t('stats.quiz.date')}</th>
                    <th scope="col">{t('stats.quiz.score')}</th>
                    <th scope="col">{t('stats.quiz.accuracy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {series.points.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{fmt.dateTime(p.at)}</th>
                      <td>{`${p.score} / ${p.total}`}</td>
                      <td>{fmt.pct(p.accuracy)}</td>
                    </tr>
                  ))}
                </tbody>
              </TableDetails>
            </div>
          ))
        )}
      </Section>

      <Section id="stats-leeches" title={t('stats.leeches.title')}>
        <p className="muted">{t('stats.leeches.explanation')}</p>
        {data.leeches.length === 0 ? (
          <p>{t('stats.leeches.none')}</p>
        ) : (
          <ul className="leech-list">
            {data.leeches.map((l) => {
              const card = cardById.get(l.cardId);
              const label = (card && pickText(card.front, lang)?.text) ?? l.cardId;
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
    </div>
  );
}
