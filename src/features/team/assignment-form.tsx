// The lead's assignment form: a deck, a range of its lessons, a due day and a retention target.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConfig } from '../../db';
import type { Deck } from '../../domain/deck/types';
import { localizedText } from '../../domain/deck/localized';
import { buildLessons } from '../../domain/onboarding/lessons';
import { AssignmentError, publishedDeckId } from '../../domain/team/documents';
import { deckOwnerOf } from '../../domain/deck/deck-owner';
import { useClock } from '../../hooks/clock';
import { createAssignment } from './team-service';
import { errorReason } from './use-team';

export function AssignmentForm({ config, decks, onDone }: { config: TeamConfig; decks: Deck[]; onDone: () => void }) {
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
