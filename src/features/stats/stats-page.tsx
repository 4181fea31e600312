// The statistics page (route /stats, lazy-loaded): review heatmap, due forecast, true retention
// beside the desired retention, cards by state, mastery per section, quiz scores and leeches.
// Every chart is an inline SVG hidden from screen readers, with the same numbers in a table.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClock } from '../../hooks/clock';
import { useDecks } from '../../hooks/use-decks';
import { useUiLanguage } from '../../i18n/ui-language';
import { LeechesSection, MasterySection, StatesSection } from './card-sections';
import { ForecastSection, HeatmapSection, RetentionSection } from './progress-sections';
import { QuizSection } from './quiz-section';
import { useStatsFormat } from './use-stats-format';
import { useStats } from './use-stats';
import './stats.css';

export default function StatsPage() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { decks, cardById } = useDecks();
  const clock = useClock();
  // The page shows the stats as of when it opened.
  const [now] = useState(() => clock.now());
  const { data, error } = useStats(decks, now);
  const fmt = useStatsFormat(lang, data?.day.timeZone);

  if (error) return <p role="alert">{t('stats.failed', { message: error instanceof Error ? error.message : String(error) })}</p>;
  if (!data) {
    return (
      <>
        <h1>{t('stats.title')}</h1>
        <p aria-live="polite">{t('stats.loading')}</p>
      </>
    );
  }
  return (
    <div className="stats-page">
      <h1>{t('stats.title')}</h1>
      <RetentionSection data={data} fmt={fmt} />
      <HeatmapSection heatmap={data.heatmap} fmt={fmt} lang={lang} />
      <ForecastSection forecast={data.forecast} fmt={fmt} />
      <StatesSection states={data.states} />
      <MasterySection mastery={data.mastery} decks={decks} lang={lang} fmt={fmt} />
      <QuizSection quiz={data.quiz} fmt={fmt} />
      <LeechesSection leeches={data.leeches} cardById={cardById} lang={lang} />
    </div>
  );
}
