// The lead's roster: who is in the team (the members of the team database's `_security`), whether
// each shares progress and since when, adding an existing user by name, removing one after a
// confirmation, and the join link to send. The lead is a database admin, so CouchDB lets them
// change `_security`; creating accounts stays with the server admin (`npm run team`).
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConfig } from '../../db';
import { USER_NAME, type Roster, type RosterMember } from '../../sync/team-roster';
import { addToRoster, joinLink, loadRoster, removeFromRoster } from './team-service';
import { errorReason } from './use-team';
import { copyText } from '../../platform/clipboard';
import { useFormatDay } from './format';
import { Pager } from './pager';
import { usePaged } from './use-paged';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const NO_MEMBERS: RosterMember[] = [];
const memberName = (m: RosterMember) => m.name;

/**
 * `version` changes when the team was pulled again (Refresh): the roster is read again too, with
 * `days` (each member's newest summary day) from that pull instead of every summary id again.
 * `pulling`: such a pull is under way; the roster waits for it (on a lead's first sign-in it read
 * the 15,000 ids beside the pull, slowing both), and is read once it ends, done or failed.
 */
export function RosterSection({ config, version, days, pulling = false }: { config: TeamConfig; version: number; days?: Readonly<Record<string, string>>; pulling?: boolean }) {
  const { t } = useTranslation();
  // The last summary's day in the words of the page's other dates ("Dec 6, 2026"), not 2026-12-06.
  const formatDay = useFormatDay();
  const id = useId();
  const [roster, setRoster] = useState<Roster | null>(null);
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  // 500 members, each with two buttons: a page at a time, with a find box.
  const paged = usePaged(roster?.members ?? NO_MEMBERS, memberName);
  const link = joinLink(window.location.origin, config.dbUrl);
  const daysNow = useRef(days);
  daysNow.current = days;

  const failed = useCallback((e: unknown) => setMessage({ kind: 'error', text: t('team.roster.error', { reason: t(`team.status.error.${errorReason(e)}` as 'team.status.error.network') }) }), [t]);
  const reload = useCallback(async () => {
    try {
      setRoster(await loadRoster(config, daysNow.current));
    } catch (e) {
      failed(e);
    }
  }, [config, failed]);
  useEffect(() => {
    if (!pulling) void reload();
  }, [reload, version, pulling]);

  async function change(work: () => Promise<string>) {
    setBusy(true);
    try {
      const text = await work();
      // The list first, then the sentence: what the status says is already on screen.
      await reload();
      setMessage({ kind: 'ok', text });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  }

  function onAdd(e: FormEvent) {
    e.preventDefault();
    const user = name.trim();
    if (!USER_NAME.test(user)) {
      setMessage({ kind: 'error', text: t('team.roster.invalid') });
      return;
    }
    void change(async () => {
      const added = await addToRoster(config, user);
      setName('');
      return added ? t('team.roster.added', { name: user }) : t('team.roster.already', { name: user });
    });
  }

  async function copy(member: string) {
    try {
      await copyText(link);
      setMessage({ kind: 'ok', text: t('team.roster.copied', { name: member }) });
    } catch {
      setMessage({ kind: 'error', text: t('team.roster.copyFailed') });
    }
  }

  return (
    <section className="panel no-print" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('team.roster.heading')}</h2>
      <p className="muted">{t('team.roster.help')}</p>
      {roster === null ? (
        message === null && <p>{t('team.roster.loading')}</p>
      ) : roster.members.length === 0 ? (
        <p>{t('team.roster.empty')}</p>
      ) : (
        <>
          <Pager paged={paged} list={t('team.roster.heading')} />
          <ul className="team-list team-roster">
            {paged.shown.map((m) => (
              <li key={m.name}>
                <span className="team-roster-name">{m.name}</span>{' '}
                <span className="muted">{m.lastSummaryDay ? t('team.roster.sharing', { day: formatDay(m.lastSummaryDay) }) : t('team.roster.notSharing')}</span>
                <span className="team-roster-actions">
                  <button type="button" className="button" onClick={() => void copy(m.name)} aria-label={t('team.roster.copy', { name: m.name })}>
                    {t('team.roster.copyShort')}
                  </button>
                  {confirming === m.name ? (
                    <span role="group" aria-label={t('team.roster.confirm', { name: m.name })}>
                      <span>{t('team.roster.confirm', { name: m.name })}</span>{' '}
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        onClick={() => {
                          setConfirming(null);
                          void change(async () => ((await removeFromRoster(config, m.name)) ? t('team.roster.removed', { name: m.name }) : t('team.roster.notMember', { name: m.name })));
                        }}
                      >
                        {t('team.roster.confirmYes')}
                      </button>{' '}
                      <button type="button" className="button" onClick={() => setConfirming(null)}>
                        {t('team.roster.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="button" disabled={busy} onClick={() => setConfirming(m.name)} aria-label={t('team.roster.remove', { name: m.name })}>
                      {t('team.roster.removeShort')}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {roster && roster.leads.length > 0 && <p className="muted">{t('team.roster.leads', { names: roster.leads.join(', ') })}</p>}
      <form className="team-form" onSubmit={onAdd}>
        <label htmlFor={`${id}-name`}>{t('team.roster.addLabel')}</label>
        <input id={`${id}-name`} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-add-help`} />
        <p id={`${id}-add-help`} className="muted">
          {t('team.roster.addHelp')}
        </p>
        <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
          {t('team.roster.add')}
        </button>
      </form>
      <p>
        <label htmlFor={`${id}-link`}>{t('team.roster.link')}</label>
        <input id={`${id}-link`} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </p>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
