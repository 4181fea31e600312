// "Join a team": the team database URL (filled in by a join link /team/join?db=URL), the user
// name and the password (used to sign in, never stored). "Sign in again" when a session ended:
// the same form with the team's address and the user name filled in, asking for the password.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConfig } from '../../db';
import { SignInForm } from '../../components/sign-in-form';
import { normalizeDbUrl } from '../../sync/couch-client';
import { errorReason } from './use-team';
import { joinTeam } from './team-service';

/** `againAs`: the user whose session ended (the form signs in again, the address and name filled in). */
export function JoinForm({ initialUrl, againAs, onJoined }: { initialUrl: string; againAs?: string; onJoined: (c: TeamConfig) => void }) {
  const { t } = useTranslation();
  const again = againAs !== undefined;
  const saved = useMemo(() => (againAs !== undefined ? { url: initialUrl, user: againAs } : null), [initialUrl, againAs]);

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
      heading={again ? t('team.join.againHeading') : t('team.join.heading')}
      strings={{
        url: t('team.join.url'),
        urlHelp: t('team.join.urlHelp'),
        user: t('team.join.user'),
        password: t('team.join.password'),
        passwordHelp: t('team.join.passwordHelp'),
        submit: again ? t('team.join.againSubmit') : t('team.join.submit'),
        submitting: again ? t('team.join.againSubmitting') : t('team.join.joining'),
        invalidUrl: t('team.join.invalidUrl'),
        cleartext: t('team.join.cleartext'),
        missing: t('team.join.missing'),
      }}
      normalizeUrl={normalizeDbUrl}
      onSignIn={onSignIn}
      initialUrl={initialUrl}
      saved={saved}
    />
  );
}
