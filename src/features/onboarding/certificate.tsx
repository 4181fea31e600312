// The printable completion page (/onboarding/<deck>/certificate): one A4 page the new member can
// show the team lead. Print CSS in onboarding.css hides the app's navigation.
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link } from 'wouter';
import { completionSummary, type OnboardingProgress } from '../../domain/onboarding/progress';
import { formatDate, Summary } from './summary';
import type { DeckPath } from './use-onboarding';
import { localizedText } from '../../domain/deck/localized';

export function Certificate({ path, progress }: { path: DeckPath; progress: OnboardingProgress }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const summary = completionSummary(path.lessons, progress);
  const deckTitle = localizedText(path.deck.title, lang);
  if (!summary.complete) {
    return (
      <div className="certificate-missing">
        <h1>{t('onboarding.summary.certificateTitle')}</h1>
        <p>{t('onboarding.summary.notComplete')}</p>
        <Link href={`/${path.deck.id}`}>{t('onboarding.backToPath')}</Link>
      </div>
    );
  }
  return (
    <div className="certificate-page">
      <div className="row no-print">
        <Link href={`/${path.deck.id}`}>{t('onboarding.backToPath')}</Link>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('onboarding.summary.print')}
        </button>
      </div>
      <article className="certificate" aria-labelledby="certificate-title">
        <p className="certificate-brand" aria-hidden="true">
          🐋 Kujira
        </p>
        <h1 id="certificate-title">{t('onboarding.summary.certificateTitle')}</h1>
        <p className="certificate-deck">{deckTitle}</p>
        <p>{t('onboarding.summary.certificateBody', { deck: deckTitle })}</p>
        {summary.completedAt !== null && <p className="certificate-date">{formatDate(summary.completedAt, lang)}</p>}
        {summary.startedAt !== null && (
          <p className="muted">
            {t('onboarding.summary.started')}: {formatDate(summary.startedAt, lang)}
          </p>
        )}
        <Summary summary={summary} />
      </article>
    </div>
  );
}
