// The completion summary (path page and printable completion page): each lesson with its check
// score and date, the time spent and the completion date.
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import type { Lang } from '../../domain/deck/types';
import type { CompletionSummary } from '../../domain/onboarding/progress';
import type { Lesson } from '../../domain/onboarding/lessons';
import { localizedText } from '../../domain/deck/localized';

export function useLessonTitle(): (lesson: Lesson) => string {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (lesson) => {
    const title = localizedText(lesson.title, lang);
    return lesson.parts > 1 ? t('onboarding.path.part', { title, part: lesson.part, parts: lesson.parts }) : title;
  };
}

export function formatDate(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long' }).format(new Date(ms));
}

export function Summary({ summary }: { summary: CompletionSummary }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const title = useLessonTitle();
  const minutes = Math.max(1, Math.round(summary.timeSpentMs / 60_000));
  return (
    <div className="onboarding-summary">
      <dl className="summary-facts">
        <div>
          <dt>{t('onboarding.summary.lessons')}</dt>
          <dd>{t('onboarding.summary.lessonsValue', { done: summary.completedLessons, total: summary.totalLessons })}</dd>
        </div>
        <div>
          <dt>{t('onboarding.summary.total')}</dt>
          <dd>
            {summary.score}/{summary.total}
          </dd>
        </div>
        <div>
          <dt>{t('onboarding.summary.timeSpent')}</dt>
          <dd>{t('onboarding.summary.minutes', { count: minutes })}</dd>
        </div>
        {summary.completedAt !== null && (
          <div>
            <dt>{t('onboarding.summary.date')}</dt>
            <dd>{formatDate(summary.completedAt, lang)}</dd>
          </div>
        )}
      </dl>
      <table className="summary-table">
        <thead>
          <tr>
            <th scope="col">{t('onboarding.summary.lesson')}</th>
            <th scope="col">{t('onboarding.summary.score')}</th>
            <th scope="col">{t('onboarding.summary.completedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.lines.map(({ lesson, result, percent }) => (
            <tr key={lesson.id}>
              <th scope="row">{t('onboarding.path.lessonTitle', { n: lesson.index + 1, title: title(lesson) })}</th>
              <td>{result ? `${result.score}/${result.total} (${percent ?? 0} %)` : '–'}</td>
              <td>{result ? formatDate(result.completedAt, lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
