// The team's assignments on Home, for a member of a team: each with its due day and this
// learner's progress, from the last pulled state (works offline). Loaded lazily, only on a device
// that joined a team; renders nothing when there is no assignment.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { teamRepository, useLessonsPassed } from '../../db';
import type { AssignmentDoc } from '../../domain/team/types';
import { AssignmentItem } from './member-view';
import './team.css';

export default function TeamHomeCard() {
  const { t } = useTranslation();
  const [assignments, setAssignments] = useState<AssignmentDoc[]>([]);
  useEffect(() => {
    let live = true;
    teamRepository.content().then(
      (c) => live && setAssignments(c ? [...c.assignments].sort((a, b) => (a.dueDay < b.dueDay ? -1 : 1)) : []),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const passed = useLessonsPassed(assignments.map((a) => a.deckId));
  if (assignments.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="home-team-assignments">
      <h2 id="home-team-assignments">{t('team.assignments.heading')}</h2>
      <ul className="team-list">
        {assignments.map((a) => (
          <AssignmentItem key={a._id} a={a} passedIds={passed?.get(a.deckId) ?? []} />
        ))}
      </ul>
      <p>
        <Link href="/team">{t('team.home.open')}</Link>
      </p>
    </section>
  );
}
