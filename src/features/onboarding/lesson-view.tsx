// A lesson on screen: its cards one by one (both sides, note and correction), Previous/Next
// (buttons, or ← →), the check (choices are buttons; keys 1-4), and the result: a pass says how
// many cards went to today's review, a fail shows what was missed and offers Retry.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link } from 'wouter';
import { CardView } from '../../components/card-view';
import { RichText } from '../../components/rich-text';
import type { Deck, Lang } from '../../domain/deck/types';
import { lessonFraction, nextLessonId, overallProgress, type OnboardingProgress } from '../../domain/onboarding/progress';
import type { Lesson } from '../../domain/onboarding/lessons';
import type { ChoiceQuestion } from '../../domain/quiz/questions';
import { LessonBar, OverallBar } from './progress-bars';
import { useLessonTitle } from './summary';
import { useLesson, type LessonPhase, type LessonSession } from './use-lesson';

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** ← → move through the cards; digits answer the check. Buttons keep their own Enter/Space. */
function useLessonKeys(session: LessonSession) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const { phase } = session;
      if (phase.kind === 'intro' && event.key === 'ArrowRight') {
        event.preventDefault();
        session.next();
      } else if (phase.kind === 'intro' && event.key === 'ArrowLeft') {
        event.preventDefault();
        session.previous();
      } else if (phase.kind === 'check' && /^[1-9]$/.test(event.key)) {
        event.preventDefault();
        session.choose(Number(event.key) - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}

/** The progress a phase stands for (the stored progress lags one write behind). */
function progressAt(progress: OnboardingProgress, lesson: Lesson, phase: LessonPhase): OnboardingProgress {
  if (progress.completed.includes(lesson.id)) return progress;
  if (phase.kind === 'result' && phase.outcome.passed) return { ...progress, completed: [...progress.completed, lesson.id] };
  const cardIndex = phase.kind === 'intro' ? phase.cardIndex : lesson.items.length;
  return { ...progress, currentLessonId: lesson.id, cardIndex };
}

function Question(props: {
  question: ChoiceQuestion;
  index: number;
  total: number;
  answered: number | null;
  onChoose: (i: number) => void;
  onNext: () => void;
}) {
  const { question, index, total, answered, onChoose, onNext } = props;
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [question.id]);
  // Once answered, Next takes the focus: Enter goes on, and a screen reader reads the feedback first.
  useEffect(() => {
    if (answered !== null) nextRef.current?.focus();
  }, [answered]);
  const right = answered === question.correctIndex;
  const text = (value: string) => (question.choiceKind === 'code' ? <code>{value}</code> : <RichText text={value} lang={lang} />);
  const stateOf = (i: number) => (answered === null ? undefined : i === question.correctIndex ? 'correct' : i === answered ? 'wrong' : 'other');
  return (
    <section className="panel lesson-check" aria-labelledby="check-question">
      <h3 id="check-question" ref={headingRef} tabIndex={-1}>
        {t('onboarding.check.questionOf', { n: index + 1, total })}
      </h3>
      <p className="muted">{t(`onboarding.check.direction.${question.direction}`)}</p>
      <p className="check-prompt">{question.promptKind === 'code' ? <code>{question.prompt}</code> : <RichText text={question.prompt} lang={lang} />}</p>
      <ol className="choice-list" aria-label={t('onboarding.check.choices')}>
        {question.choices.map((choice, i) => (
          <li key={`${question.id}:${i}`}>
            <button
              type="button"
              className="button choice-button"
              data-state={stateOf(i)}
              disabled={answered !== null}
              onClick={() => onChoose(i)}
              aria-keyshortcuts={String(i + 1)}
            >
              <span className="choice-key" aria-hidden="true">
                {i + 1}
              </span>
              {text(choice.text)}
            </button>
          </li>
        ))}
      </ol>
      <div role="status" className="check-feedback" data-correct={answered === null ? undefined : right}>
        {answered !== null && (
          <p>
            <strong>{right ? t('onboarding.check.right') : t('onboarding.check.wrong')}</strong>
            {!right && (
              <>
                {' '}
                {t('onboarding.check.rightAnswer')} {text(question.choices[question.correctIndex]?.text ?? '')}
              </>
            )}
          </p>
        )}
      </div>
      {answered !== null ? (
        <button type="button" ref={nextRef} className="button button-primary" onClick={onNext}>
          {index + 1 < total ? t('onboarding.check.next') : t('onboarding.check.finish')}
        </button>
      ) : (
        <p className="muted">{t('onboarding.check.keys', { max: question.choices.length })}</p>
      )}
    </section>
  );
}

function Result({ session, phase, deckId, nextId }: { session: LessonSession; phase: Extract<LessonPhase, { kind: 'result' }>; deckId: string; nextId: string | null }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const { outcome } = phase;
  return (
    <section className="panel lesson-result" aria-labelledby="lesson-result" data-passed={outcome.passed}>
      <h2 id="lesson-result" ref={headingRef} tabIndex={-1}>
        {outcome.passed ? t('onboarding.result.passed') : t('onboarding.result.failed')}
      </h2>
      <p>{t('onboarding.result.score', { score: outcome.score, total: outcome.total, percent: outcome.percent })}</p>
      {!outcome.passed && <p>{t('onboarding.result.needed')}</p>}
      {outcome.passed && (
        <p role="status">
          {phase.saving
            ? t('onboarding.result.saving')
            : phase.introduced === null
              ? ''
              : phase.introduced > 0
                ? `${t('onboarding.result.added', { count: phase.introduced })}. ${t('onboarding.result.whenDue')}`
                : t('onboarding.result.alreadyInReview')}
        </p>
      )}
      {outcome.missed.length > 0 && (
        <>
          <h3>{t('onboarding.result.missed')}</h3>
          <table className="missed-table">
            <thead>
              <tr>
                <th scope="col">{t('onboarding.result.question')}</th>
                <th scope="col">{t('onboarding.result.yourAnswer')}</th>
                <th scope="col">{t('onboarding.result.rightAnswer')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.missed.map((r) => (
                <tr key={r.questionId}>
                  <td>
                    <RichText text={r.prompt} />
                  </td>
                  <td>{r.yourAnswer !== null ? <RichText text={r.yourAnswer} /> : t('onboarding.result.noAnswer')}</td>
                  <td>
                    <RichText text={r.rightAnswer} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="row">
        {outcome.passed ? (
          <>
            {nextId && (
              <Link href={`/${deckId}/${nextId}`} className="button button-primary">
                {t('onboarding.result.nextLesson')}
              </Link>
            )}
            <Link href={`/${deckId}`} className="button">
              {t('onboarding.backToPath')}
            </Link>
            <Link href="~/review" className="button">
              {t('onboarding.result.review')}
            </Link>
          </>
        ) : (
          <>
            <button type="button" className="button button-primary" onClick={session.retry}>
              {t('onboarding.result.retry')}
            </button>
            <button type="button" className="button" onClick={session.reread}>
              {t('onboarding.result.reread')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

export function LessonView(props: { deck: Deck; lessons: readonly Lesson[]; lesson: Lesson; progress: OnboardingProgress; lang: Lang; showBoth: boolean }) {
  const { deck, lessons, lesson, progress, lang, showBoth } = props;
  const { t } = useTranslation();
  const title = useLessonTitle();
  const session = useLesson({ deck, lessons, lesson, progress, lang });
  useLessonKeys(session);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const { phase } = session;
  const shown = progressAt(progress, lesson, phase);
  const item = phase.kind === 'intro' ? lesson.items[phase.cardIndex] : undefined;
  const cardText =
    phase.kind === 'intro' ? t('onboarding.lesson.cardOf', { n: phase.cardIndex + 1, total: lesson.items.length }) : undefined;

  return (
    <div className="lesson">
      <p>
        <Link href={`/${deck.id}`}>{t('onboarding.backToPath')}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('onboarding.path.lessonTitle', { n: lesson.index + 1, title: title(lesson) })}
      </h1>
      <div className="lesson-bars">
        <OverallBar overall={overallProgress(lessons, shown)} />
        <LessonBar fraction={lessonFraction(lesson, shown)} label={t('onboarding.lesson.progress')} {...(cardText ? { detail: cardText } : {})} />
      </div>
      {session.wasComplete && phase.kind === 'intro' && <p className="muted">{t('onboarding.lesson.completed')}</p>}
      {phase.kind === 'intro' && item && (
        <>
          <section className="panel lesson-card" aria-label={cardText}>
            <CardView card={item.intro} lang={lang} showBoth={showBoth} revealed />
          </section>
          <div className="row lesson-nav">
            <button type="button" className="button" onClick={session.previous} disabled={phase.cardIndex === 0} aria-keyshortcuts="ArrowLeft">
              {t('onboarding.lesson.previous')}
            </button>
            <button type="button" className="button button-primary" onClick={session.next} aria-keyshortcuts="ArrowRight">
              {phase.cardIndex < lesson.items.length - 1 ? t('onboarding.lesson.next') : t('onboarding.lesson.startCheck')}
            </button>
          </div>
          <p className="muted">{t('onboarding.lesson.keys')}</p>
        </>
      )}
      {phase.kind === 'check' && (
        <>
          <h2>{t('onboarding.check.heading', { title: title(lesson) })}</h2>
          {phase.questions[phase.index] && (
            <Question
              question={phase.questions[phase.index] as ChoiceQuestion}
              index={phase.index}
              total={phase.questions.length}
              answered={phase.answered}
              onChoose={session.choose}
              onNext={session.advance}
            />
          )}
        </>
      )}
      {phase.kind === 'result' && <Result session={session} phase={phase} deckId={deck.id} nextId={nextLessonId(lessons, lesson.id)} />}
    </div>
  );
}
