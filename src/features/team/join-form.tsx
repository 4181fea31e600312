// "Join a team": the team database URL (filled in by a join link /team/join?db=URL), the user
// name and the password (used to sign in, never stored).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConfig } from '../../db/team-store';
import { errorReason } from './use-team';
import { joinTeam } from './team-service';
import { normalizeDbUrl } from '../../sync/couch-client';

export function JoinForm({ initialUrl, onJoined }: { initialUrl: string; onJoined: (c: TeamConfig) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initialUrl);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const address = normalizeDbUrl(url);
    if ('problem' in address) return setProblem(t(address.problem === 'cleartext' ? 'team.join.cleartext' : 'team.join.invalidUrl'));
    if (user.trim() === '' || password === '') return setProblem(t('team.join.missing'));
    setProblem(null);
    setBusy(true);
    const typed = password;
    setPassword('');
    try {
      onJoined(await joinTeam(address.url, user.trim(), typed));
    } catch (err) {
      setProblem(t(`team.status.error.${errorReason(err)}` as 'team.status.error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel team-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="team-join">
      <h2 id="team-join">{t('team.join.heading')}</h2>
      <label>
        <span>{t('team.join.url')}</span>
        <input type="url" inputMode="url" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby="team-url-help" />
      </label>
      <p id="team-url-help" className="muted">{t('team.join.urlHelp')}</p>
      <label>
        <span>{t('team.join.user')}</span>
        <input type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} value={user} onChange={(e) => setUser(e.target.value)} />
      </label>
      <label>
        <span>{t('team.join.password')}</span>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="team-password-help" />
      </label>
      <p id="team-password-help" className="muted">{t('team.join.passwordHelp')}</p>
      {problem && <p role="alert">{problem}</p>}
      <div className="team-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('team.join.joining') : t('team.join.submit')}
        </button>
      </div>
    </form>
  );
}
