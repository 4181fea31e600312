// The Team panel of the settings page: the way to join a team (or to the team page once joined).
// Reads one syncState row, so the settings page does not load the team code.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useInTeam } from '../../hooks/use-in-team';

export function TeamSummary() {
  const { t } = useTranslation();
  const inTeam = useInTeam();
  return (
    <section className="panel" aria-labelledby="team-summary-title">
      <h2 id="team-summary-title">{t('team.title')}</h2>
      <p>{inTeam ? t('team.summary.in') : t('team.summary.out')}</p>
      <p>
        <Link href="/team">{inTeam ? t('team.summary.open') : t('team.summary.join')}</Link>
      </p>
    </section>
  );
}
