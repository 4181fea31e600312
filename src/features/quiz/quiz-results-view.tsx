// The results of a finished quiz: score, accuracy, average answer time, the personal best of
// this mode and deck (and "New personal best!"), every question with both answers, and the ways
// on: review the missed cards now, try again, or a new quiz.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link } from 'wouter';
import { isRecordCorrect, type AnswerRecord } from '../../domain/quiz/answer-record';
import { QuizText } from './quiz-text';
import { formatPercent, formatSeconds } from './format';
import type { FinishedQuiz } from './use-finish-quiz';
import { localizedText } from '../../domain/deck/localized';

/** `/review?cards=a,b,c`: the review screen shows exactly these cards now. */
export function reviewMissedHref(items: readonly AnswerRecord[]): string | null {
  const ids = [...new Set(items.filter((r) => !isRecordCorrect(r)).map((r) => r.cardId))];
  return ids.length === 0 ? null : `/review?cards=${ids.map(encodeURIComponent).join(',')}`;
}

function BestLine({ finished }: { finished: FinishedQuiz }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { save, plan } = finished;
  const mode = t(`quiz.modeName.${plan.modeKey}`);
  const deck = localizedText(plan.deck.title, lang);
  if (save.status === 'saving') return <p className="muted">{t('quiz.results.saving')}</p>;
  if (save.status === 'failed') return <p className="quiz-hint">{t('quiz.results.saveFailed')}</p>;
  const { isNewBest, previousBest } = save.outcome;
  const best = isNewBest ? save.outcome.result : previousBest;
  return (
    <div className="quiz-best">
      {isNewBest && <p className="quiz-new-best">{t('quiz.results.newBest')}</p>}
      {best && (
        <p>
          {t('quiz.results.personalBest', { mode, deck, score: best.score, total: best.total, accuracy: formatPercent(best.accuracy, lang) })}
        </p>
      )}
    </div>
  );
}

export interface QuizResultsViewProps {
  finished: FinishedQuiz;
  onTryAgain(): void;
  onNewQuiz(): void;
}

export function QuizResultsView({ finished, onTryAgain, onNewQuiz }: QuizResultsViewProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listId = useId();
  const { summary, plan } = finished;
  const missedHref = reviewMissedHref(summary.items);
  const missed = summary.items.filter((r) => !isRecordCorrect(r)).length;
  const questionById = new Map(plan.questions.map((q) => [q.id, q]));

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: false });
  }, [finished.id]);

  return (
    <div className="quiz-results">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('quiz.results.title', { mode: t(`quiz.modeName.${plan.modeKey}`) })}
      </h1>
      <section className="panel" aria-label={t('quiz.results.summary')}>
        <dl className="stat-grid">
          <div className="stat">
            <dt className="stat-label">{t('quiz.results.score')}</dt>
            <dd className="stat-value">{t('quiz.results.scoreValue', { score: summary.score, total: summary.total })}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">{t('quiz.results.accuracy')}</dt>
            <dd className="stat-value">{formatPercent(summary.accuracy, lang)}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">{t('quiz.results.averageTime')}</dt>
            <dd className="stat-value">{summary.averageAnswerMs === null ? t('quiz.results.noTime') : formatSeconds(summary.averageAnswerMs, lang)}</dd>
          </div>
        </dl>
        <div role="status">
          <BestLine finished={finished} />
        </div>
        <p className="muted">{t('quiz.results.scheduleNote')}</p>
        <div className="row quiz-results-actions">
          {missedHref && (
            <Link href={missedHref} className="button button-primary">
              {t('quiz.results.reviewMissed', { count: missed })}
            </Link>
          )}
          <button type="button" className="button" onClick={onTryAgain}>
            {t('quiz.results.tryAgain')}
          </button>
          <button type="button" className="button" onClick={onNewQuiz}>
            {t('quiz.results.newQuiz')}
          </button>
        </div>
      </section>
      <section className="panel" aria-labelledby={listId}>
        <h2 id={listId}>{t('quiz.results.questions')}</h2>
        {summary.items.length === 0 ? (
          <p className="muted">{t('quiz.results.noQuestions')}</p>
        ) : (
          <ol className="quiz-result-list">
            {summary.items.map((r) => {
              const right = isRecordCorrect(r);
              const question = questionById.get(r.questionId);
              const kind = question?.type === 'choice' ? question.choiceKind : 'code';
              const promptKind = question?.type === 'choice' ? question.promptKind : 'text';
              return (
                <li key={r.questionId} data-correct={right}>
                  <p className="quiz-result-prompt">
                    <QuizText text={r.prompt} kind={promptKind} />
                  </p>
                  <p className="quiz-result-verdict">
                    <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
                    {r.markedRightByUser ? t('quiz.results.markedRight') : right ? t('quiz.results.right') : t('quiz.results.wrong')}
                  </p>
                  <dl className="quiz-result-answers">
                    <div>
                      <dt>{t('quiz.results.yourAnswer')}</dt>
                      <dd>{r.yourAnswer === null ? t('quiz.results.noAnswer') : <QuizText text={r.yourAnswer} kind={kind} />}</dd>
                    </div>
                    <div>
                      <dt>{t('quiz.results.rightAnswer')}</dt>
                      <dd>
                        <QuizText text={r.rightAnswer} kind={kind} />
                      </dd>
                    </div>
                  </dl>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
