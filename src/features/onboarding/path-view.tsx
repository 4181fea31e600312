// The path of a deck: its lessons in order with progress per lesson and overall, locked lessons
// (unless all are unlocked), Continue where the learner left off, and the summary once complete.
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link } from 'wouter';
import {
  completionSummary,
  lessonFraction,
  lessonStatus,
  overallProgress,
  resumePoint,
  type OnboardingProgress,
} from '../../domain/onboarding/progress';
import { LockIcon } from './lock-icon';
import { LessonBar, OverallBar } from './progress-bars';
import { Summary, useLessonTitle } from './summary';
import { useOnboardingWrites, type DeckPath } from './use-onboarding';
import { localizedText } from '../../domain/deck/localized';

export function PathView({ path, progress }: { path: DeckPath; progress: OnboardingProgress }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const title = useLessonTitle();
  const { unlockAll } = useOnboardingWrites(path.deck.id);
  const { deck, lessons } = path;
  const overall = overallProgress(lessons, progress);
  const resume = resumePoint(lessons, progress);
  const summary = completionSummary(lessons, progress);
  const started = progress.completed.length > 0 || progress.currentLessonId !== null;

  return (
    <div className="onboarding-path">
      <h1>{t('onboarding.path.heading', { deck: localizedText(deck.title, lang) })}</h1>
      <p className="muted">{t('onboarding.path.intro')}</p>
      <OverallBar overall={overall} />
      {resume && (
        <p>
          <Link href={`/${deck.id}/${resume.lessonId}`} className="button button-primary button-large">
            {started ? t('onboarding.path.continue') : t('onboarding.path.start')}
          </Link>
        </p>
      )}
      <label className="unlock-all">
        <input type="checkbox" checked={progress.unlockAll} onChange={(e) => unlockAll(e.target.checked)} /> {t('onboarding.path.unlockAll')}
        <span className="muted"> {t('onboarding.path.unlockHint')}</span>
      </label>
      <ol className="lesson-list" aria-label={t('onboarding.path.lessonsLabel')}>
        {lessons.map((lesson) => {
          const status = lessonStatus(lessons, progress, lesson.id);
          const name = t('onboarding.path.lessonTitle', { n: lesson.index + 1, title: title(lesson) });
          const result = progress.results[lesson.id];
          return (
            <li key={lesson.id} className="lesson-item" data-status={status}>
              <div className="lesson-item-head">
                {status === 'locked' ? (
                  <span className="lesson-name">
                    <LockIcon />{' '}
                    {name}
                  </span>
                ) : (
                  <Link href={`/${deck.id}/${lesson.id}`} className="lesson-name">
                    {name}
                  </Link>
                )}
                <span className="lesson-status">{t(`onboarding.path.status.${status}`)}</span>
              </div>
              <LessonBar
                fraction={lessonFraction(lesson, progress)}
                label={t('onboarding.path.lessonProgress', { n: lesson.index + 1 })}
                detail={
                  status === 'complete' && result
                    ? t('onboarding.path.score', { score: result.score, total: result.total })
                    : t('onboarding.path.items', { count: lesson.items.length })
                }
              />
            </li>
          );
        })}
      </ol>
      {summary.complete && (
        <section className="panel" aria-labelledby="path-complete">
          <h2 id="path-complete">{t('onboarding.path.completeTitle')}</h2>
          <p>{t('onboarding.path.completeBody')}</p>
          <Summary summary={summary} />
          <Link href={`/${deck.id}/certificate`} className="button">
            {t('onboarding.path.certificate')}
          </Link>
        </section>
      )}
    </div>
  );
}
