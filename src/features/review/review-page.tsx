// The daily review: front, Show answer (Space/Enter), back with note and correction, then
// Again/Hard/Good/Easy (1-4) each with its interval, Undo (Ctrl/Cmd+Z), remaining counts and a
// summary at the end.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link, useSearch } from 'wouter';
import { CardView } from '../../components/card-view';
import { useDecks } from '../../hooks/use-decks';
import { formatInterval } from '../../domain/scheduler/format-interval';
import { GRADES, type Grade } from '../../domain/scheduler/types';
import { useNextDue } from '../../db';
import { NEXT_CARD_MEASURE, RATE_MARK, useReviewSession, type ReviewSession } from './use-review-session';
import { formatDuration } from '../../components/format-duration';
import { formatWhen } from '../../components/format-time';
import { requestPersistentStorage } from '../../components/pwa/storage';
import { useAppBadge } from '../../components/pwa/badge';
import { useNow } from '../../hooks/clock';
import './review.css';

const RATING_KEYS = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' } as const satisfies Record<Grade, string>;

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Space/Enter show the answer, 1-4 rate, Ctrl/Cmd+Z undoes. Buttons keep their own Enter/Space. */
function useReviewKeys(session: ReviewSession) {
  // The listener reads the session of the last commit, updated before the browser can deliver
  // another key: a key pressed right after the next card appears acts on that card.
  const latest = useRef(session);
  useLayoutEffect(() => {
    latest.current = session;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const current = latest.current;
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void current.undo();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const onButton = event.target instanceof HTMLElement && event.target.closest('button, a');
      if ((event.key === ' ' || event.key === 'Enter') && !current.revealed && !onButton) {
        event.preventDefault();
        current.reveal();
      } else if (current.revealed && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        void current.rate(Number(event.key) as Grade);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Counts({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  const state = session.current?.state;
  const active = state === 'new' ? 'new' : state === 'review' ? 'review' : state ? 'learning' : null;
  return (
    <dl className="review-counts" aria-label={t('review.remaining')}>
      {(['new', 'learning', 'review'] as const).map((k) => (
        <div key={k} className={`review-count review-count-${k}`} data-active={active === k}>
          <dt>{t(`review.counts.${k}`)}</dt>
          <dd>{session.counts[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

function Summary({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  const nextDue = useNextDue();
  const now = useNow();
  const { reviewed, cards, again, totalMs } = session.summary;
  const lang = useUiLanguage();
  return (
    <section className="panel review-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{reviewed > 0 ? t('review.done.title') : t('review.done.nothingDue')}</h2>
      {reviewed > 0 && (
        <ul>
          <li>{t('review.done.reviewed', { count: cards })}</li>
          {reviewed > cards && <li>{t('review.done.answers', { count: reviewed })}</li>}
          <li>{t('review.done.time', { time: formatDuration(totalMs, lang) })}</li>
          <li>{t('review.done.againRate', { percent: Math.round((again / reviewed) * 100) })}</li>
        </ul>
      )}
      <p>
        {session.nextLearningDue !== null
          ? t('review.done.nextLearning', { when: formatWhen(session.nextLearningDue, now, lang) })
          : nextDue != null
            ? t('review.done.nextDue', { when: formatWhen(nextDue, now, lang) })
            : t('review.done.noneScheduled')}
      </p>
      <div className="row">
        <Link href="/" className="button">
          {t('review.done.home')}
        </Link>
        <Link href="/quiz" className="button">
          {t('review.done.quiz')}
        </Link>
      </div>
    </section>
  );
}

function AnswerBar({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  if (!session.revealed) {
    return (
      <div className="answer-bar">
        <button type="button" className="button button-primary button-large" onClick={session.reveal} aria-keyshortcuts="Space Enter">
          {t('review.showAnswer')}
        </button>
      </div>
    );
  }
  return (
    <div className="answer-bar rating-bar" role="group" aria-label={t('review.rate.group')}>
      {GRADES.map((grade) => {
        const name = t(`review.rate.${RATING_KEYS[grade]}`);
        const interval = session.previews ? formatInterval(session.previews[grade].intervalMs) : null;
        return (
          <button
            key={grade}
            type="button"
            className={`button rating-button rating-${RATING_KEYS[grade]}`}
            disabled={session.busy || !session.previews}
            onClick={() => void session.rate(grade)}
            aria-keyshortcuts={String(grade)}
            aria-label={
              interval
                ? t('review.rate.name', { rating: name, interval: t(`review.intervalLong.${interval.unit}`, { count: interval.value }) })
                : name
            }
          >
            <span className="rating-interval">{interval ? t(`review.interval.${interval.unit}`, { count: interval.value }) : '\u00a0'}</span>
            <span className="rating-name">{name}</span>
          </button>
        );
      })}
    </div>
  );
}

export function ReviewScreen({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  const { cardById } = useDecks();
  const cardRef = useRef<HTMLDivElement>(null);
  useReviewKeys(session);
  const lang = useUiLanguage();
  const card = session.current ? cardById.get(session.current.cardId) : undefined;

  // The next card is in the DOM: close the "rating to next card" measure started by rate().
  useLayoutEffect(() => {
    if (card && performance.getEntriesByName(RATE_MARK, 'mark').length > 0) {
      performance.measure(NEXT_CARD_MEASURE, RATE_MARK);
      performance.clearMarks(RATE_MARK);
    }
  }, [card]);

  // Move focus to the new card so a screen reader reads it and keys keep working.
  useEffect(() => {
    if (card) cardRef.current?.focus({ preventScroll: true });
  }, [card]);

  if (session.loading) return <p aria-live="polite">{t('common.loading')}</p>;

  return (
    <div className="review">
      <div className="review-top">
        <h1>{t('review.title')}</h1>
        <button
          type="button"
          className="button"
          onClick={() => void session.undo()}
          disabled={!session.canUndo || session.busy}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          {t('review.undo')} <span className="muted key-hint">{t('review.undoHint')}</span>
        </button>
      </div>
      {/* Room for the line is kept whether or not it has text: the card never moves under the pointer. */}
      <p role="status" className="muted review-status">
        {session.justUndone ? t('review.undone') : ''}
      </p>
      {card && session.current ? (
        <>
          <Counts session={session} />
          <div className="panel review-card" ref={cardRef} tabIndex={-1} aria-label={t(`review.kind.${card.kind}`)} role="region">
            <p className="review-kind muted">{t(`review.kind.${card.kind}`)}</p>
            <CardView card={card} lang={lang} showBoth={session.settings?.showBothLanguages ?? false} revealed={session.revealed} />
          </div>
          <AnswerBar session={session} />
          <p className="muted shortcuts">{t('review.shortcuts')}</p>
        </>
      ) : (
        <Summary session={session} />
      )}
    </div>
  );
}

function askForPersistentStorage() {
  void requestPersistentStorage();
}

/** `/review?cards=a,b,c` reviews exactly those cards now (the quiz's "review the ones I missed"). */
function cardIdsFromSearch(search: string): string[] | null {
  const value = new URLSearchParams(search).get('cards');
  if (!value) return null;
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  return ids.length > 0 ? [...new Set(ids)] : null;
}

export default function ReviewPage() {
  const search = useSearch();
  const cardIds = useMemo(() => cardIdsFromSearch(search), [search]);
  // After a finished session the data is worth keeping: ask the browser not to evict it.
  const session = useReviewSession({ cardIds, onFirstSessionEnd: askForPersistentStorage });
  const due = session.counts.new + session.counts.learning + session.counts.review;
  useAppBadge(!session.loading && !cardIds ? due : null);
  return <ReviewScreen session={session} />;
}
