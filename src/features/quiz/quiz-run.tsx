// A running quiz: practice (feedback after each answer) or timed (countdown, no pause; a short
// marker says how the previous question went, full answers come with the results).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { useSettings } from '../../db';
import type { QuizSummary } from '../../domain/quiz/results';
import { TIMED_SHAPES } from '../../domain/quiz/timed-quiz';
import { useDecks } from '../../hooks/use-decks';
import { AnswerFeedback } from './answer-feedback';
import { QuestionView } from './question-view';
import type { QuizPlan } from './quiz-plan';
import { usePracticeQuiz } from './use-practice-quiz';
import { useQuizKeys } from './use-quiz-keys';
import { useTimedQuiz, type TimedQuiz } from './use-timed-quiz';

export interface QuizRunProps {
  plan: QuizPlan;
  onFinish(plan: QuizPlan, summary: QuizSummary): void;
  onQuit(): void;
}

function QuitButton({ onQuit }: { onQuit: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button quiz-quit" onClick={onQuit}>
      {t('quiz.run.quit')}
    </button>
  );
}

function Shortcuts({ typed, timed }: { typed: boolean; timed: boolean }) {
  const { t } = useTranslation();
  const text = timed
    ? typed
      ? t('quiz.question.shortcutsTimedTyped')
      : t('quiz.question.shortcutsTimedChoice')
    : typed
      ? t('quiz.question.shortcutsTyped')
      : t('quiz.question.shortcutsChoice');
  return <p className="muted quiz-shortcuts">{text}</p>;
}

export function PracticeRun({ plan, onFinish, onQuit }: QuizRunProps) {
  const { t } = useTranslation();
  const { cardById } = useDecks();
  const settings = useSettings();
  const lang = useUiLanguage();
  const done = useCallback((summary: QuizSummary) => onFinish(plan, summary), [onFinish, plan]);
  const quiz = usePracticeQuiz(plan.questions, done);
  const { current, record } = quiz;
  useQuizKeys({
    choiceCount: current?.type === 'choice' && record === null ? current.choices.length : 0,
    onChoice: quiz.answer,
    onNext: record !== null ? quiz.next : null,
  });
  if (!current) return null;
  return (
    <div className="quiz-run">
      <div className="quiz-top">
        <h1>{t('quiz.modeName.practice')}</h1>
        <QuitButton onQuit={onQuit} />
      </div>
      <div className="panel">
        <QuestionView question={current} number={quiz.index + 1} total={plan.questions.length} record={record} onAnswer={quiz.answer} />
        {record && (
          <AnswerFeedback
            question={current}
            record={record}
            card={cardById.get(current.cardId)}
            lang={lang}
            showBoth={settings?.showBothLanguages ?? false}
            isLast={quiz.isLast}
            onOverride={quiz.override}
            onNext={quiz.next}
          />
        )}
      </div>
      <Shortcuts typed={current.type === 'typed'} timed={false} />
    </div>
  );
}

/** The visible countdown; the text changes only once a second, so it is not announced each tick. */
export function Countdown({ remainingMs, totalMs }: { remainingMs: number; totalMs: number }) {
  const { t } = useTranslation();
  const seconds = Math.ceil(remainingMs / 1000);
  const fraction = totalMs > 0 ? Math.min(1, Math.max(0, remainingMs / totalMs)) : 0;
  return (
    <div className="quiz-timer" role="timer" aria-label={t('quiz.timer.label')} data-low={seconds <= 5}>
      <span className="quiz-timer-text">{t('quiz.timer.seconds', { count: seconds })}</span>
      <span className="quiz-timer-bar" aria-hidden="true">
        <span style={{ transform: `scaleX(${fraction})` }} />
      </span>
    </div>
  );
}

function Marker({ marker }: { marker: TimedQuiz['marker'] }) {
  const { t } = useTranslation();
  // Always rendered (empty at first) so the live region exists before its first message.
  if (!marker) return <p className="quiz-marker" role="status" />;
  const { record, number } = marker;
  const state = record.timedOut ? 'timedOut' : record.correct ? 'right' : 'wrong';
  return (
    <p className="quiz-marker" role="status" data-state={state}>
      <span aria-hidden="true">{state === 'right' ? '✓ ' : state === 'wrong' ? '✗ ' : '⏱ '}</span>
      {t(`quiz.marker.${state}`, { number })}
    </p>
  );
}

export function TimedRun({ plan, onFinish, onQuit }: QuizRunProps) {
  const { t } = useTranslation();
  const shape = plan.options.shape ?? 'exam';
  const done = useCallback((summary: QuizSummary) => onFinish(plan, summary), [onFinish, plan]);
  const quiz = useTimedQuiz(shape, plan.questions, done);
  const { current } = quiz;
  const onChoice = quiz.answer;
  useQuizKeys({ choiceCount: current?.type === 'choice' ? current.choices.length : 0, onChoice, onNext: null });
  const rules = TIMED_SHAPES[shape];
  return (
    <div className="quiz-run quiz-run-timed">
      <div className="quiz-top">
        <h1>{t(`quiz.modeName.${shape}`)}</h1>
        <QuitButton onQuit={onQuit} />
      </div>
      <Countdown remainingMs={quiz.remainingMs} totalMs={rules.totalMs ?? rules.perQuestionMs ?? 0} />
      <Marker marker={quiz.marker} />
      {current && (
        <div className="panel">
          <QuestionView key={current.id} question={current} number={quiz.index + 1} total={quiz.total} record={null} onAnswer={quiz.answer} />
        </div>
      )}
      {current && <Shortcuts typed={current.type === 'typed'} timed />}
    </div>
  );
}
