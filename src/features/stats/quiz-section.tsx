// Quiz scores over time on the statistics page: one line chart per mode, with its table.
import { useTranslation } from 'react-i18next';
import { LineChart } from './charts';
import { Section, TableDetails } from './stats-layout';
import type { StatsFormat } from './use-stats-format';
import type { StatsData } from './use-stats';

export function QuizSection({ quiz, fmt }: { quiz: StatsData['quiz']; fmt: StatsFormat }) {
  const { t } = useTranslation();
  const modeName = (mode: string) =>
    mode === 'practice' || mode === 'sprint' || mode === 'exam' ? t(`stats.quiz.modes.${mode}`) : t('stats.quiz.modes.other', { mode });
  return (
    <Section id="stats-quiz" title={t('stats.quiz.title')}>
      {quiz.length === 0 ? (
        <p className="muted">{t('stats.quiz.none')}</p>
      ) : (
        quiz.map((series) => (
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
  );
}
