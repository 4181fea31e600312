// Home: today's work at a glance (due counts, Start review, streak, next due) and the decks.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link } from 'wouter';
import { useDecks } from '../../hooks/use-decks';
import { useNow } from '../../hooks/clock';
import { useNextDue, useSettings, useStreak, useTodayQueue } from '../../db';
import { localizedText } from '../../domain/deck/localized';
import { formatWhen } from '../../components/format-time';
import { useAppBadge } from '../../components/pwa/badge';

/** Today's counts. Until the decks are synced it keeps the same shape with dashes, so nothing
 * below it moves when the numbers arrive. */
function Today() {
  const { t } = useTranslation();
  const { ready } = useDecks();
  const now = useNow(30_000);
  const settings = useSettings();
  const queue = useTodayQueue(now);
  const streak = useStreak(now);
  const nextDue = useNextDue();
  const lang = useUiLanguage();
  const loaded = ready && queue !== undefined && settings !== undefined;
  const total = loaded ? queue.counts.new + queue.counts.learning + queue.counts.review : 0;
  const upcoming = queue?.nextLearningDue ?? nextDue ?? null;
  useAppBadge(loaded ? total : null);
  return (
    <section className="panel today" aria-labelledby="today-heading" aria-busy={!loaded}>
      <h2 id="today-heading">{t('home.today')}</h2>
      <div className="stat-grid">
        {(['new', 'learning', 'review'] as const).map((kind) => (
          <div className="stat" key={kind}>
            <span className="stat-value">{loaded ? queue.counts[kind] : '–'}</span>
            <span className="stat-label">{t(`home.due.${kind}`)}</span>
          </div>
        ))}
      </div>
      <div className="today-action">
        {!loaded ? (
          <p className="muted">{t('common.loading')}</p>
        ) : total > 0 ? (
          <Link href="/review" className="button button-primary button-large">
            {t('home.start')}
          </Link>
        ) : (
          <p>{upcoming !== null ? t('home.nextDue', { when: formatWhen(upcoming, now, lang) }) : t('home.allDone')}</p>
        )}
      </div>
      <p className="muted">{loaded && streak ? t('home.streak', { count: streak }) : t('home.streakNone')}</p>
    </section>
  );
}

/** `welcome`: the first visit's welcome, above today's review; `extra`: panels the app adds under
 * it (the team's assignments on a member's device). */
export default function HomePage({ welcome, extra }: { welcome?: ReactNode; extra?: ReactNode } = {}) {
  const { t } = useTranslation();
  const { decks } = useDecks();
  const lang = useUiLanguage();
  return (
    <>
      <h1>{t('common.appName')}</h1>
      <p className="muted">{t('common.tagline')}</p>
      {welcome}
      <Today />
      {extra}
      <div className="home-grid">
        <section className="panel" aria-labelledby="learn-heading">
          <h2 id="learn-heading">{t('home.learnTitle')}</h2>
          <p>{t('home.learnBody')}</p>
          <Link href="/onboarding" className="button">
            {t('home.learnStart')}
          </Link>
        </section>
        <section className="panel" aria-labelledby="quiz-heading">
          <h2 id="quiz-heading">{t('home.quizTitle')}</h2>
          <p>{t('home.quizBody')}</p>
          <div className="row">
            <Link href="/quiz" className="button">
              {t('home.quizStart')}
            </Link>
            <Link href="/quiz?mode=timed" className="button">
              {t('home.timedStart')}
            </Link>
          </div>
        </section>
      </div>
      <section className="panel" aria-labelledby="decks-heading">
        <h2 id="decks-heading">{t('common.decks.heading')}</h2>
        <ul className="deck-list" aria-busy={decks.length === 0}>
          {decks.map((deck) => (
            <li key={deck.id}>
              <span>{localizedText(deck.title, lang)}</span>
              <span className="muted">{t('common.decks.cards', { count: deck.cards.length })}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
