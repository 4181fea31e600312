// The lead's side: publish or update a deck from Markdown (compiled here first: errors as
// FILE:LINE and nothing published), create an assignment, and the dashboard (members, ready /
// not yet, weak spots linked to their cards and memo lines, CSV, print).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TeamCache, TeamConfig, TeamDashboardCache } from '../../db';
import type { Deck, Lang } from '../../domain/deck/types';
import { localizedText } from '../../domain/deck/localized';
import { buildLessons } from '../../domain/onboarding/lessons';
import { buildDashboard, type DashboardDeck, type WeakSpot } from '../../domain/team/dashboard';
import { dashboardCsv } from '../../domain/team/csv';
import { AssignmentError, newestDecks, publishedDeckId } from '../../domain/team/documents';
import { deckOwnerOf, teamDeckId } from '../../domain/deck/deck-owner';
import type { ReadDeckFilesResult } from '../../domain/deck/read-deck-files';
import { formatDeckError } from '../../domain/deck/errors';
import { downloadText } from '../../components/download';
import { useDecks } from '../../hooks/use-decks';
import { useClock, useNow } from '../../hooks/clock';
import { RosterSection } from './roster-section';
import { createAssignment, dashboardDecks, publishDeck, teamKeyOf } from './team-service';
import { errorReason } from './use-team';
import { percent, useFormatTime } from './format';

function PublishForm({ config, content, onDone }: { config: TeamConfig; content: TeamCache | null; onDone: () => void }) {
  const { t } = useTranslation();
  const clock = useClock();
  const [files, setFiles] = useState<File[]>([]);
  const [deckId, setDeckId] = useState('');
  const [read, setRead] = useState<ReadDeckFilesResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = content ? newestDecks(content.decks).map((d) => publishedDeckId(d.deckId)) : [];

  async function check(chosen: readonly File[] = files): Promise<ReadDeckFilesResult | null> {
    if (chosen.length === 0) return null;
    const given = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
    // The compiler is a lazy chunk, shared with the Decks page.
    const { readDeckFiles } = await import('../../domain/deck/read-deck-files');
    const r = readDeckFiles(given, deckId.trim() || undefined);
    setRead(r);
    return r;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      const r = await check();
      if (!r?.deck) return;
      const doc = await publishDeck(config, content ?? { decks: [], assignments: [], pulledAt: 0 }, r.deck.id, r.files, clock.now());
      setMessage(t('team.publish.done', { deck: doc.deckId, version: doc.version }));
      setFiles([]);
      setRead(null);
      onDone();
    } catch (err) {
      setMessage(t(`team.status.error.${errorReason(err)}` as 'team.status.error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel team-form no-print" onSubmit={(e) => void onSubmit(e)} aria-labelledby="team-publish">
      <h2 id="team-publish">{t('team.publish.heading')}</h2>
      <label>
        <span>{t('team.publish.files')}</span>
        <input
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          multiple
          onChange={(e) => {
            // Checked at once, so what publishing will do (errors, a built-in deck beside it) shows first.
            const chosen = [...(e.target.files ?? [])];
            setFiles(chosen);
            setRead(null);
            void check(chosen);
          }}
        />
      </label>
      <label>
        <span>{t('team.publish.deck')}</span>
        <input type="text" list="team-deck-ids" autoCapitalize="none" spellCheck={false} value={deckId} onChange={(e) => setDeckId(e.target.value)} aria-describedby="team-deck-help" />
      </label>
      <datalist id="team-deck-ids">{existing.map((id) => <option key={id} value={id} />)}</datalist>
      <p id="team-deck-help" className="muted">{t('team.publish.deckHelp')}</p>
      {read && read.errors.length > 0 && (
        <div role="alert" className="team-errors">
          <p>{t('team.publish.errors')}</p>
          <ul>{read.errors.map(formatDeckError).map((m) => <li key={m}><code>{m}</code></li>)}</ul>
        </div>
      )}
      {read?.deck && <p role="status">{t('team.publish.ready', { deck: read.deck.id, cards: read.deck.cards.length, lessons: buildLessons(read.deck).length })}</p>}
      {read?.deck && deckOwnerOf(read.deck.id)?.kind === 'built-in' && (
        <p className="team-note" data-testid="team-publish-beside">{t('team.publish.besideBuiltIn', { deck: read.deck.id, id: teamDeckId(teamKeyOf(config.dbUrl), read.deck.id) })}</p>
      )}
      {message && <p role="status">{message}</p>}
      <div className="team-actions">
        <button type="button" className="button" disabled={files.length === 0 || busy} onClick={() => void check()}>{t('team.publish.check')}</button>
        <button type="submit" className="button button-primary" disabled={files.length === 0 || busy}>{t('team.publish.submit')}</button>
      </div>
    </form>
  );
}

function AssignmentForm({ config, decks, onDone }: { config: TeamConfig; decks: Deck[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const clock = useClock();
  const [deckId, setDeckId] = useState(decks[0]?.id ?? '');
  const [from, setFrom] = useState('1');
  const [to, setTo] = useState('1');
  const [due, setDue] = useState('');
  const [target, setTarget] = useState('90');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!decks.some((d) => d.id === deckId) && decks[0]) setDeckId(decks[0].id);
  }, [decks, deckId]);
  const deck = decks.find((d) => d.id === deckId);
  const lessons = deck ? buildLessons(deck) : [];
  const lessonCount = lessons.length;
  // The lessons the numbers stand for, by title (numbers alone meant nothing to a lead).
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const chosen = lessons
    .slice(Math.max(0, Number(from) - 1), Math.max(0, Number(to)))
    .map((l) => `${l.index + 1}. ${localizedText(l.title, lang)}${l.parts > 1 ? ` (${l.part}/${l.parts})` : ''}`);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!deck) return;
    try {
      await createAssignment(config, deck, { fromLesson: Number(from), toLesson: Number(to), dueDay: due, retentionTarget: Number(target) / 100 }, clock.now());
      setMessage(t('team.assign.done'));
      onDone();
    } catch (err) {
      setMessage(err instanceof AssignmentError ? err.message : t(`team.status.error.${errorReason(err)}` as 'team.status.error.network'));
    }
  }

  if (decks.length === 0) {
    return (
      <section className="panel no-print" aria-labelledby="team-assign">
        <h2 id="team-assign">{t('team.assign.heading')}</h2>
        <p className="muted">{t('team.assign.noDeck')}</p>
      </section>
    );
  }
  return (
    <form className="panel team-form no-print" onSubmit={(e) => void onSubmit(e)} aria-labelledby="team-assign">
      <h2 id="team-assign">{t('team.assign.heading')}</h2>
      {/* Labelled by id, not wrapped: a wrapped select's name would include its chosen option. */}
      <label htmlFor="team-assign-deck">
        <span>{t('team.assign.deck')}</span>
      </label>
      <select id="team-assign-deck" value={deckId} onChange={(e) => setDeckId(e.target.value)}>
        {/* Named as published, with whose deck it is: the team's "docker" and the built-in one differ. */}
        {decks.map((d) => {
          const owner = deckOwnerOf(d.id)?.kind;
          const label = owner === 'team' ? t('team.assign.teamDeck', { deck: publishedDeckId(d.id) }) : owner === 'built-in' ? t('team.assign.builtInDeck', { deck: d.id }) : d.id;
          return <option key={d.id} value={d.id}>{label}</option>;
        })}
      </select>
      <div className="team-row">
        <label>
          <span>{t('team.assign.from')}</span>
          <input type="number" min={1} max={lessonCount} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          <span>{t('team.assign.to')}</span>
          <input type="number" min={1} max={lessonCount} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <p className="muted" data-testid="team-assign-lessons">
        {chosen.length > 0 ? t('team.assign.lessons', { lessons: chosen.join(' · ') }) : t('team.assign.noLessons', { count: lessonCount })}
      </p>
      <div className="team-row">
        <label>
          <span>{t('team.assign.due')}</span>
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} required />
        </label>
        <label>
          <span>{t('team.assign.target')}</span>
          <input type="number" min={50} max={99} value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
      </div>
      {message && <p role="status">{message}</p>}
      <div className="team-actions">
        <button type="submit" className="button button-primary">{t('team.assign.submit')}</button>
      </div>
    </form>
  );
}

function DashboardView({ content, dashboard, ddecks }: { content: TeamCache; dashboard: TeamDashboardCache | null; ddecks: DashboardDeck[] | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const now = useNow();
  const fmt = useFormatTime();
  const dash = useMemo(() => (ddecks ? buildDashboard(dashboard?.summaries ?? [], content.assignments, ddecks) : null), [ddecks, dashboard, content.assignments]);
  if (!dash) return null;
  const assignments = content.assignments;
  // A member whose newest summary cannot be read stays on the dashboard, marked (issue 22).
  const unreadable = new Set(dashboard?.unreadable ?? []);
  const unreadOnly = [...unreadable].filter((m) => !dash.members.some((r) => r.member === m)).sort();

  // A column's name, also each cell's label when the table becomes one card per member on a phone.
  // "forgotten 1.5 times per learner", or "never forgotten" (not "0.0 lapses per learner": issue 26).
  const weakStats = (w: WeakSpot) =>
    [
      w.lapses === 0 ? t('team.weak.noLapses') : t('team.weak.lapseRate', { count: Math.round(w.lapseRate * 10) / 10 }),
      t('team.weak.recall', { recall: percent(w.meanRecall) }),
      t('team.weak.learners', { count: w.learners }),
    ].join(' · ');

  const assignmentLabel = (a: (typeof assignments)[number] | undefined) =>
    a ? t('team.assignments.item', { from: a.fromLesson, to: a.toLesson, deck: a.deckId }) : '';

  function downloadCsv() {
    if (!dash) return;
    downloadText(`kujira-team-${new Date(now).toISOString().slice(0, 10)}.csv`, dashboardCsv(dash, assignments), 'text/csv');
  }

  return (
    <>
      <section className="panel team-dashboard" aria-labelledby="team-dashboard">
        <h2 id="team-dashboard">{t('team.dashboard.heading')}</h2>
        <div className="team-actions no-print">
          <button type="button" className="button" onClick={downloadCsv}>{t('team.dashboard.csv')}</button>
          <button type="button" className="button" onClick={() => window.print()}>{t('team.dashboard.print')}</button>
        </div>
        {dash.members.length === 0 && unreadOnly.length === 0 ? (
          <p className="muted">{t('team.dashboard.none')}</p>
        ) : (
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
                {dash.members.map((m) => (
                  <tr key={m.member}>
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
                ))}
                {unreadOnly.map((m) => (
                  <tr key={m} data-unreadable="yes">
                    <th scope="row">{m}</th>
                    <td colSpan={assignments.length + 4}>{t('team.dashboard.unreadable')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
                  {w.card.kind === 'fact' ? localizedText(w.card.front, lang) : <code>{w.key}</code>}
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

/** `signedIn` false (the session ended): the last pulled dashboard only, no form that would fail. */
export function LeadView({ config, signedIn, content, dashboard, onChanged }: { config: TeamConfig; signedIn: boolean; content: TeamCache | null; dashboard: TeamDashboardCache | null; onChanged: () => void }) {
  const { decks } = useDecks();
  // Every published version compiled once (the compiler is a lazy chunk): the dashboard reads
  // summaries made on any of them, and the newest is what assignments and weak spots name.
  const [ddecks, setDdecks] = useState<DashboardDeck[] | null>(null);
  useEffect(() => {
    if (!content) return;
    let live = true;
    void dashboardDecks(content, decks).then((d) => live && setDdecks(d));
    return () => {
      live = false;
    };
  }, [content, decks]);
  // Assignments can name the team's decks first, then the decks this device has (a built-in one).
  const assignable = useMemo(() => {
    const team = (ddecks ?? []).filter((d) => content?.decks.some((v) => v.deckId === d.deck.id)).map((d) => d.deck);
    const ids = new Set(team.map((d) => d.id));
    return [...team, ...decks.filter((d) => !ids.has(d.id))];
  }, [ddecks, decks, content]);
  return (
    <>
      {content && <DashboardView content={content} dashboard={dashboard} ddecks={ddecks} />}
      {signedIn && (
        <>
          <RosterSection config={config} version={dashboard?.pulledAt ?? 0} />
          <PublishForm config={config} content={content} onDone={onChanged} />
          {/* Keyed by the first deck: once the team's decks are compiled, the form starts on one of them. */}
          <AssignmentForm key={assignable[0]?.id ?? ''} config={config} decks={assignable} onDone={onChanged} />
        </>
      )}
    </>
  );
}
