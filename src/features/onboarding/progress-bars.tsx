// The progress bars shown on the path and throughout a lesson: overall, and the lesson's own.
import { useTranslation } from 'react-i18next';
import type { OverallProgress } from '../../domain/onboarding/progress';

export function OverallBar({ overall }: { overall: OverallProgress }) {
  const { t } = useTranslation();
  return (
    <div className="onboarding-progress">
      <label htmlFor="onboarding-overall">{t('onboarding.path.overall')}</label>
      <progress id="onboarding-overall" max={100} value={Math.round(overall.fraction * 100)} />
      <span className="muted">{t('onboarding.path.overallValue', { done: overall.completedLessons, total: overall.totalLessons })}</span>
    </div>
  );
}

export function LessonBar({ fraction, label, detail }: { fraction: number; label: string; detail?: string }) {
  return (
    <div className="onboarding-progress">
      <label>
        <span>{label}</span>
        <progress max={100} value={Math.round(fraction * 100)} />
      </label>
      {detail && <span className="muted">{detail}</span>}
    </div>
  );
}
