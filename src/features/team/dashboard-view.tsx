// The lead's dashboard: members, ready / not yet, weak spots linked to their cards and memo
// lines, CSV and print.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TeamCache, TeamDashboardCache } from '../../db';
import type { Lang } from '../../domain/deck/types';
import { localizedText } from '../../domain/deck/localized';
import { frontIn } from '../../domain/deck/prompts';
import { buildDashboard, type DashboardDeck, type MemberRow, type WeakSpot } from '../../domain/team/dashboard';
import { dashboardCsv } from '../../domain/team/csv';
import { publishedDeckId } from '../../domain/team/documents';
import { downloadText } from '../../components/download';
import { useNow } from '../../hooks/clock';
import { percent, useFormatTime } from './format';
import { measureSince, TEAM_MEASURE } from './team-timing';
import { Pager } from './pager';
import { usePaged } from './use-paged';

/** A row of the members table: a member's progress, or a member whose summaries are all unreadable. */
interface Row {
  name: string;
  member: MemberRow | null;
}
const rowName = (r: Row) => r.name;

export function DashboardView({ content, dashboard, ddecks }: { content: TeamCache; dashboard: TeamDashboardCache | null; ddecks: DashboardDeck[] | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const now = useNow();
  const fmt = useFormatTime();
  const dash = useMemo(() => {
    if (!ddecks) return null;
    const started = performance.now();
    const built = buildDashboard(dashboard?.summaries ?? [], content.assignments, ddecks);
    measureSince(TEAM_MEASURE.aggregate, started);
    return built;
  }, [ddecks, dashboard, content.assignments]);
  // A member whose newest summary cannot be read stays on the dashboard, marked (issue 22).
  const unreadable = useMemo(() => new Set(dashboard?.unreadable ?? []), [dashboard]);
  // Every row of the table, a page at a time (500 members): members, then the unreadable ones.
  const rows = useMemo<Row[]>(() => {
    if (!dash) return [];
    const shown = new Set(dash.members.map((m) => m.member));
    const unreadOnly = [...unreadable].filter((m) => !shown.has(m)).sort();
    return [...dash.members.map((m) => ({ name: m.member, member: m })), ...unreadOnly.map((name) => ({ name, member: null }))];
  }, [dash, unreadable]);
  const paged = usePaged(rows, rowName);
  if (!dash) return null;
  const assignments = content.assignments;

  // "forgotten 1.5 times per learner", or "never forgotten" (not "0.0 lapses per learner": issue 26).
  const weakStats = (w: WeakSpot) =>
    [
      w.lapses === 0 ? t('team.weak.noLapses') : t('team.weak.lapseRate', { count: Math.round(w.lapseRate * 10) / 10 }),
      t('team.weak.recall', { recall: percent(w.meanRecall) }),
      t('team.weak.learners', { count: w.learners }),
    ].join(' · ');

  // The deck by its title, as the member's page names it ("Lessons 1–2 of Team tools"), not its id.
  const deckTitle = (id: string) => {
    const deck = ddecks?.find((d) => d.deck.id === id)?.deck;
    return (deck && localizedText(deck.title, lang)) || publishedDeckId(id);
  };
  // A column's name, also each cell's label when the table becomes one card per member on a phone.
  const assignmentLabel = (a: (typeof assignments)[number] | undefined) =>
    a ? t('team.assignments.item', { from: a.fromLesson, to: a.toLesson, deck: deckTitle(a.deckId) }) : '';

  function downloadCsv() {
    if (!dash) return;
    downloadText(`kujira-team-${new Date(now).toISOString().slice(0, 10)}.csv`, dashboardCsv(dash, assignments), 'text/csv');
  }

  return (
    <>
      <section className="panel team-dashboard" aria-labelledby="team-dashboard" data-pulled-at={dashboard?.pulledAt}>
        <h2 id="team-dashboard">{t('team.dashboard.heading')}</h2>
        <div className="team-actions no-print">
          <button type="button" className="button" onClick={downloadCsv}>{t('team.dashboard.csv')}</button>
          <button type="button" className="button" onClick={() => window.print()}>{t('team.dashboard.print')}</button>
        </div>
        {rows.length === 0 ? (
          <p className="muted">{t('team.dashboard.none')}</p>
        ) : (
          <>
            <Pager paged={paged} list={t('team.dashboard.heading')} />
            <div className="team-table-wrap" tabIndex={0} role="region" aria-labelledby="team-dashboard">
              <table className="team-table">
                <thead>
                  <tr>
                    <th scope="col">{t('team.dashboard.member')}</th>
                    {assignments.map((a) => (
                      <th scope="col" key={a._id}>{assignmentLabel(a)}</th>
                    ))}
                    <th scope="col">{t('team.dashboard.lastActive')}</th>
                    <th scope="col">{t('team.dashboard.retention')}</th>
                    <th scope="col">{t('team.dashboard.overdue')}</th>
                    <th scope="col">{t('team.dashboard.reviews')}</th>
                  </tr>
                </thead>
                <tbody>
                  {paged.shown.map(({ name, member: m }) =>
                    m === null ? (
                      <tr key={name} data-unreadable="yes">
                        <th scope="row">{name}</th>
                        <td colSpan={assignments.length + 4}>{t('team.dashboard.unreadable')}</td>
                      </tr>
                    ) : (
                      <tr key={name}>
                        <th scope="row">
                          {m.member}
                          {unreadable.has(m.member) && <span className="muted team-unreadable"> {t('team.dashboard.unreadableOlder', { day: m.day })}</span>}
                        </th>
                        {m.assignments.map((p, i) => (
                          <td key={p.assignmentId} data-ready={p.ready ? 'yes' : 'no'} data-label={assignmentLabel(assignments[i])}>
                            <span className={p.ready ? 'team-ready' : 'team-not-yet'}>{p.ready ? t('team.dashboard.ready') : t('team.dashboard.notYet')}</span>
                            <br />
                            <span className="muted">{t('team.dashboard.cell', { passed: p.lessonsPassed, total: p.lessonsTotal, recall: percent(p.meanRecall) })}</span>
                          </td>
                        ))}
                        <td data-label={t('team.dashboard.lastActive')}>{m.lastActiveAt === null ? t('team.dashboard.never') : fmt(m.lastActiveAt)}</td>
                        <td data-label={t('team.dashboard.retention')}>{`${percent(m.retention7)} / ${percent(m.retention30)}`}</td>
                        <td data-label={t('team.dashboard.overdue')}>{m.overdue}</td>
                        <td data-label={t('team.dashboard.reviews')}>{m.reviews7}</td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="team-weak">
        <h2 id="team-weak">{t('team.weak.heading')}</h2>
        <p className="muted">{t('team.weak.help')}</p>
        {dash.weakSpots.length === 0 ? (
          <p className="muted">{t('team.weak.none')}</p>
        ) : (
          <ol className="team-weak">
            {dash.weakSpots.map((w) => (
              <li key={w.cardId}>
                <Link href={`/cards/${encodeURIComponent(w.cardId)}`}>
                  {w.card.kind === 'fact' ? localizedText(frontIn(w.card, lang), lang) : <code>{w.key}</code>}
                </Link>{' '}
                <span>{weakStats(w)}</span>{' '}
                <span className="muted">{t('team.weak.source', { source: w.source })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
