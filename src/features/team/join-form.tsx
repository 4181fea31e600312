// "Join a team": the team database URL (filled in by a join link /team/join?db=URL), the user
// name and the password (used to sign in, never stored).
import { useTranslation } from 'react-i18next';
import type { TeamConfig } from '../../db';
import { SignInForm } from '../../components/sign-in-form';
import { normalizeDbUrl } from '../../sync/couch-client';
import { errorReason } from './use-team';
import { joinTeam } from './team-service';

export function JoinForm({ initialUrl, onJoined }: { initialUrl: string; onJoined: (c: TeamConfig) => void }) {
  const { t } = useTranslation();

  async function onSignIn(dbUrl: string, user: string, password: string): Promise<string | void> {
    try {
      onJoined(await joinTeam(dbUrl, user, password));
    } catch (err) {
      return t(`team.status.error.${errorReason(err)}` as 'team.status.error.network');
    }
  }

  return (
    <SignInForm
      className="panel team-form"
      actionsClassName="team-actions"
      heading={t('team.join.heading')}
      strings={{
        url: t('team.join.url'),
        urlHelp: t('team.join.urlHelp'),
        user: t('team.join.user'),
        password: t('team.join.password'),
        passwordHelp: t('team.join.passwordHelp'),
        submit: t('team.join.submit'),
        submitting: t('team.join.joining'),
        invalidUrl: t('team.join.invalidUrl'),
        cleartext: t('team.join.cleartext'),
        missing: t('team.join.missing'),
      }}
      normalizeUrl={normalizeDbUrl}
      onSignIn={onSignIn}
      initialUrl={initialUrl}
    />
  );
}
