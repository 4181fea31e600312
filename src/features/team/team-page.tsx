// /team and /team/join?db=URL: join a team, then the member's side (assignments, team decks,
// the sharing switch) and, for the lead, the dashboard and the publish and assignment forms.
// Shows the last pulled state at once (offline too) and how old it is.
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import type { TeamConfig } from '../../db';
import { JoinForm } from './join-form';
import { LeadView } from './lead-view';
import { MemberView } from './member-view';
import { useFormatTime } from './format';
import { clockSkewBeyondTolerance } from '../../domain/events/clock-bounds';
import { publishedDeckId } from '../../domain/team/documents';
import { useTeam, type TeamStatus } from './use-team';
import './team.css';

function StatusLine({ status, pulledAt }: { status: TeamStatus; pulledAt: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormatTime();
  const lines: string[] = [];
  if (status.kind === 'working') lines.push(t('team.status.working'));
  const unreachable = status.kind === 'error' && status.reason === 'network';
  if (status.kind === 'error' && status.reason === 'signed-out') lines.push(t('team.status.signedOut'));
  else if (status.kind === 'error' && !(unreachable && pulledAt !== null)) lines.push(t(`team.status.error.${status.reason}` as 'team.status.error.network'));
  // "No connection" only when the server cannot be reached: a session that ended is not that (issue 26).
  if (pulledAt === null) lines.push(t('team.status.never'));
  else lines.push(unreachable ? t('team.status.stale', { time: fmt(pulledAt) }) : t('team.status.asOf', { time: fmt(pulledAt) }));
  if (status.kind === 'done' && status.updated.length > 0) lines.push(t('team.status.updated', { decks: status.updated.map(publishedDeckId).join(', ') }));
  if (status.kind === 'done') for (const p of status.problems) lines.push(t('team.status.problem', { detail: p }));
  if (status.kind === 'done' && status.summaryKept) lines.push(t('team.status.summaryKept'));
  // This device's clock against the team server's: a summary dated after the server's tomorrow is refused (issue 22).
  const skew = status.kind === 'done' && typeof status.clockSkewMs === 'number' ? clockSkewBeyondTolerance(status.clockSkewMs, 0) : null;
  if (skew !== null) lines.push(t(skew > 0 ? 'team.status.clockAhead' : 'team.status.clockBehind', { minutes: Math.round(Math.abs(skew) / 60_000) }));
  return (
    <p role="status" className={status.kind === 'error' ? 'team-status team-error' : 'team-status'} data-team-status={status.kind}>
      {lines.join(' ')}
    </p>
  );
}

function Header({ config, signedOut, onRefresh, onLeave }: { config: TeamConfig; signedOut: boolean; onRefresh: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel team-header">
      {/* Never "Signed in as ..." above "your session has ended" (issue 26). */}
      <p>{signedOut ? t('team.header.signedOut', { user: config.user, db: config.dbUrl }) : `${t('team.header.signedIn', { user: config.user, db: config.dbUrl })} ${config.lead ? t('team.header.lead') : t('team.header.member')}`}</p>
      <div className="team-actions no-print">
        <button type="button" className="button" onClick={onRefresh}>{t('team.header.refresh')}</button>
        <button type="button" className="button" onClick={onLeave} aria-describedby="team-leave-help">{t('team.header.leave')}</button>
      </div>
      <p id="team-leave-help" className="muted no-print">{t('team.header.leaveHelp')}</p>
    </div>
  );
}

export default function TeamPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const linked = new URLSearchParams(search).get('db') ?? '';
  const team = useTeam();
  const { config } = team;
  // The session cookie is gone or belongs to someone else: ask for the password, the rest filled in.
  const signedOut = team.status.kind === 'error' && team.status.reason === 'signed-out';
  return (
    <div className="team-page">
      <h1>{t('team.title')}</h1>
      <p className="muted">{config?.lead ? t('team.introLead') : t('team.intro')}</p>
      {!team.loaded ? null : config === null || (linked !== '' && linked !== config.dbUrl) ? (
        <JoinForm initialUrl={linked || (config?.dbUrl ?? '')} onJoined={(c) => void team.joined(c)} />
      ) : (
        <>
          <Header config={config} signedOut={signedOut} onRefresh={() => void team.refresh(config)} onLeave={() => void team.leave()} />
          <section aria-label={t('team.status.label')}>
            <StatusLine status={team.status} pulledAt={team.content?.pulledAt ?? null} />
          </section>
          {signedOut && <JoinForm initialUrl={config.dbUrl} againAs={config.user} onJoined={(c) => void team.joined(c)} />}
          {config.lead && <LeadView config={config} signedIn={!signedOut} pulling={team.status.kind === 'working'} content={team.content} dashboard={team.dashboard} onChanged={() => void team.refresh(config)} />}
          <MemberView content={team.content} sharing={config.sharing} onSharing={(on) => void team.setSharing(on)} lead={config.lead} />
        </>
      )}
    </div>
  );
}
