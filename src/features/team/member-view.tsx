// What every member sees: the team's decks, the assignments with their due day and this
// learner's progress on them, and the switch that shares progress with the lead (off by default).
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type TeamCache, useLessonsPassed } from '../../db';
import { buildLessons } from '../../domain/onboarding/lessons';
import { newestDecks, publishedDeckId } from '../../domain/team/documents';
import type { AssignmentDoc } from '../../domain/team/types';
import { useDecks } from '../../hooks/use-decks';
import { useDeckTitle, useFormatDay, useFormatTime } from './format';

export function AssignmentItem({ a, passedIds }: { a: AssignmentDoc; passedIds: readonly string[] }) {
  const { t } = useTranslation();
  const { decks } = useDecks();
  const deck = decks.find((d) => d.id === a.deckId);
  const title = useDeckTitle(a.deckId);
  const day = useFormatDay();
  const lessons = deck ? buildLessons(deck).slice(a.fromLesson - 1, a.toLesson) : [];
  const passed = lessons.filter((l) => passedIds.includes(l.id)).length;
  return (
    <li className="team-assignment">
      <strong>{t('team.assignments.item', { from: a.fromLesson, to: a.toLesson, deck: title })}</strong>
      <span>{t('team.assignments.due', { day: day(a.dueDay), target: Math.round(a.retentionTarget * 100) })}</span>
      {deck ? (
        <>
          <progress max={lessons.length} value={passed} aria-label={t('team.assignments.progress', { passed, total: lessons.length })} />
          <span>{t('team.assignments.progress', { passed, total: lessons.length })}</span>
          <Link href={`/onboarding?deck=${encodeURIComponent(deck.id)}`}>{t('team.assignments.open')}</Link>
        </>
      ) : (
        <span className="muted">{t('team.assignments.missingDeck')}</span>
      )}
    </li>
  );
}

/** `lead`: the lead reads the summaries, so the lead's page offers no switch to share with the lead. */
export function MemberView({ content, sharing, onSharing, lead = false }: { content: TeamCache | null; sharing: boolean; onSharing: (on: boolean) => void; lead?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatTime();
  const published = content ? newestDecks(content.decks) : [];
  const assignments = content ? [...content.assignments].sort((a, b) => (a.dueDay < b.dueDay ? -1 : 1)) : [];
  const passed = useLessonsPassed(assignments.map((a) => a.deckId));
  return (
    <>
      <section className="panel" aria-labelledby="team-assignments">
        <h2 id="team-assignments">{t('team.assignments.heading')}</h2>
        {assignments.length === 0 ? <p className="muted">{t('team.assignments.none')}</p> : <ul className="team-list">{assignments.map((a) => <AssignmentItem key={a._id} a={a} passedIds={passed?.get(a.deckId) ?? []} />)}</ul>}
      </section>
      <section className="panel" aria-labelledby="team-decks">
        <h2 id="team-decks">{t('team.decks.heading')}</h2>
        {published.length === 0 ? (
          <p className="muted">{t('team.decks.none')}</p>
        ) : (
          <ul className="team-list">
            {published.map((d) => (
              <li key={d._id}>{t('team.decks.item', { deck: publishedDeckId(d.deckId), version: d.version, date: fmt(d.publishedAt) })}</li>
            ))}
          </ul>
        )}
      </section>
      {!lead && (
      <section className="panel team-share" aria-labelledby="team-share">
        <h2 id="team-share">{t('team.share.label')}</h2>
        <label className="team-switch">
          <input type="checkbox" role="switch" checked={sharing} onChange={(e) => onSharing(e.target.checked)} aria-describedby="team-share-explain" />
          <span>{t('team.share.label')}</span>
        </label>
        <p id="team-share-explain">{t('team.share.explain')}</p>
        {!sharing && <p className="muted">{t('team.share.off')}</p>}
      </section>
      )}
    </>
  );
}
