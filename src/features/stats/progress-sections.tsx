// Progress over time on the statistics page: true retention beside the desired retention, the
// review heatmap of the past year and the due forecast of the next 30 days.
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../domain/deck/types';
import type { Retention } from '../../domain/stats/stats';
import { BarChart, HeatmapChart } from './charts';
import { Section, TableDetails } from './stats-layout';
import type { StatsFormat } from './use-stats-format';
import type { StatsData } from './use-stats';

export function RetentionSection({ data, fmt }: { data: StatsData; fmt: StatsFormat }) {
  const { t } = useTranslation();
  const retention = (r: Retention) =>
    r.rate === null ? t('stats.retention.none') : `${fmt.pct(r.rate)} (${t('stats.retention.answers', { count: r.total })})`;
  return (
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
  );
}

export function HeatmapSection({ heatmap, fmt, lang }: { heatmap: StatsData['heatmap']; fmt: StatsFormat; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Section id="stats-heatmap" title={t('stats.heatmap.title')}>
      <p data-testid="heatmap-summary">
        {t('stats.heatmap.summary', {
          reviews: t('stats.heatmap.reviewCount', { count: heatmap.total }),
          days: t('stats.heatmap.dayCount', { count: heatmap.activeDays }),
        })}
      </p>
      <div className="chart-scroll">
        <HeatmapChart heatmap={heatmap} lang={lang} />
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
          {heatmap.days
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
  );
}

export function ForecastSection({ forecast, fmt }: { forecast: StatsData['forecast']; fmt: StatsFormat }) {
  const { t } = useTranslation();
  const total = forecast.reduce((s, d) => s + d.count, 0);
  return (
    <Section id="stats-forecast" title={t('stats.forecast.title')}>
      <p>{t('stats.forecast.summary', { total, today: forecast[0]?.count ?? 0 })}</p>
      <BarChart data={forecast} dayLabel={(key, i) => (i === 0 ? t('stats.forecast.today') : fmt.day(key))} />
      <TableDetails caption={t('stats.forecast.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('stats.forecast.day')}</th>
            <th scope="col">{t('stats.forecast.cards')}</th>
          </tr>
        </thead>
        <tbody>
          {forecast.map((d, i) => (
            <tr key={d.key}>
              <th scope="row">{i === 0 ? t('stats.forecast.today') : fmt.day(d.key)}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </TableDetails>
    </Section>
  );
}
